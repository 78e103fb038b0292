/** The keyboard way to link: pick a parent, then how this node explains it. */
import type { TreeDraft, TreeDraftNode } from '@treeline/core';
import { Link2 } from 'lucide-react';
import { useId, useState } from 'react';
import { RelationOptions, useRelationVerdicts } from '../../editor/RelationOptions';
import { useEditorActions } from '../../editor/tree-editor-hooks';

/** The keyboard way to link: pick a parent, then how this node explains it. */
export function ParentLinker({ node, draft }: { node: TreeDraftNode; draft: TreeDraft }) {
  const id = useId();
  const [parentId, setParentId] = useState('');
  const { connect } = useEditorActions();
  const verdicts = useRelationVerdicts(parentId || null, node.id);
  const parents = draft.edges
    .filter((edge) => edge.child === node.id)
    .map((edge) => draft.nodes.find((n) => n.id === edge.parent)?.label ?? edge.parent);
  const candidates = draft.nodes.filter((n) => n.id !== node.id);
  if (candidates.length === 0) return null;
  return (
    <section className="panel__section" aria-labelledby={`${id}-link`}>
      <h3 className="panel__subtitle" id={`${id}-link`}>
        <Link2 aria-hidden size={13} className="panel__subtitle-icon" /> Link under a parent
      </h3>
      {parents.length > 0 ? (
        <p className="panel__text">Explains {parents.map((label) => `'${label}'`).join(', ')}.</p>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-parent`}>
          Parent node
        </label>
        <select
          id={`${id}-parent`}
          className="input"
          value={parentId}
          onChange={(event) => setParentId(event.target.value)}
        >
          <option value="">Choose a parent…</option>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      {parentId ? (
        <RelationOptions
          verdicts={verdicts}
          onChoose={(choice) => {
            const verdict = connect(parentId, node.id, choice);
            if (verdict.ok) setParentId('');
          }}
        />
      ) : null}
    </section>
  );
}
