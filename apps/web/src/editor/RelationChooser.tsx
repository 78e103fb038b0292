/**
 * After a link is drawn from a parent's handle to a child: how the child explains the parent.
 * Each relation is checked first; a link no relation allows (a cycle, say) is refused with
 * the reason, and nothing is drawn.
 */
import { Ban, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { commonRefusal, RelationOptions, useRelationVerdicts } from './RelationOptions';
import { useTreeEditor } from './TreeEditorProvider';

export function RelationChooser() {
  const pending = useTreeEditor((state) => state.pendingConnection);
  const draft = useTreeEditor((state) => state.draft);
  const connect = useTreeEditor((state) => state.connect);
  const beginConnection = useTreeEditor((state) => state.beginConnection);
  const verdicts = useRelationVerdicts(pending?.parentId ?? null, pending?.childId ?? null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const refusal = commonRefusal(verdicts);

  useEffect(() => {
    if (refusal) closeRef.current?.focus();
  }, [refusal]);

  if (!pending || !draft) return null;
  const parent = draft.nodes.find((node) => node.id === pending.parentId);
  const child = draft.nodes.find((node) => node.id === pending.childId);
  if (!parent || !child) return null;
  const close = () => beginConnection(null);

  return (
    <div
      className="chooser"
      role="dialog"
      aria-labelledby="chooser-title"
      data-testid="relation-chooser"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
    >
      <div className="chooser__head">
        <h2 className="chooser__title" id="chooser-title">
          Link <strong>{child.label}</strong> under <strong>{parent.label}</strong>
        </h2>
        <button
          ref={closeRef}
          type="button"
          className="icon-button"
          onClick={close}
          aria-label="Cancel the link"
        >
          <X aria-hidden size={14} />
        </button>
      </div>
      {refusal ? (
        <div className="callout callout--error" role="alert">
          <Ban aria-hidden size={14} className="callout__icon" />
          <div>
            <p className="callout__title">This link is refused</p>
            <p className="callout__text">{refusal}.</p>
          </div>
        </div>
      ) : (
        <>
          <p className="chooser__text">How does the child explain the parent?</p>
          <RelationOptions
            verdicts={verdicts}
            autoFocus
            onChoose={(choice) => connect(parent.id, child.id, choice)}
          />
        </>
      )}
    </div>
  );
}
