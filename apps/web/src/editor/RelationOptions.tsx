/**
 * The relations a child may be linked to its parent with, each checked before it is offered:
 * allowed ones are buttons, refused ones say why. Used after a link is drawn on the canvas and
 * in the node panel's "Link under a parent".
 */
import { Ban, Check } from 'lucide-react';
import { useMemo } from 'react';
import { RELATION_OPERATORS } from '../lib/relation-operator';
import { useCatalog } from '../server-data/use-catalog';
import { type ConnectionCheck, checkConnection, connectionBaseline } from './check-connection';
import { removeFromDraft } from './draft-edits';
import { RELATION_OPTIONS, type RelationChoice } from './relation-choices';
import { useTreeEditor } from './TreeEditorProvider';

/**
 * Every relation option with its verdict for linking `childId` under `parentId`; with
 * `replacing`, as if that link (between the same two nodes) were not there yet.
 */
export function useRelationVerdicts(
  parentId: string | null,
  childId: string | null,
  replacing: string | null = null,
) {
  const draft = useTreeEditor((state) => state.draft);
  const catalog = useCatalog();
  return useMemo(() => {
    if (!draft || !parentId || !childId) return [];
    const base = replacing ? removeFromDraft(draft, { edgeIds: [replacing] }) : draft;
    const baseline = connectionBaseline(base, catalog);
    return RELATION_OPTIONS.map((option) => ({
      option,
      verdict: checkConnection(base, catalog, parentId, childId, option.choice, baseline),
    }));
  }, [draft, catalog, parentId, childId, replacing]);
}

/** The one reason every relation is refused for (a cycle, an existing link), if so. */
export function commonRefusal(
  verdicts: ReadonlyArray<{ verdict: ConnectionCheck }>,
): string | null {
  const reasons = verdicts.map(({ verdict }) => (verdict.ok ? null : verdict.reason));
  if (reasons.length === 0 || reasons.some((reason) => reason === null)) return null;
  return reasons.every((reason) => reason === reasons[0]) ? reasons[0]! : null;
}

export function RelationOptions({
  verdicts,
  onChoose,
  autoFocus = false,
  current,
}: {
  verdicts: ReturnType<typeof useRelationVerdicts>;
  onChoose: (choice: RelationChoice) => void;
  autoFocus?: boolean;
  /** The relation the link has now, marked as such. */
  current?: RelationChoice;
}) {
  const firstAllowed = verdicts.findIndex(({ verdict }) => verdict.ok);
  return (
    <ul className="relation-options" aria-label="Relations">
      {verdicts.map(({ option, verdict }, index) => (
        <li key={option.key}>
          <button
            type="button"
            className={`relation-option${verdict.ok ? '' : ' is-refused'}${isCurrent(option.choice, current) ? ' is-current' : ''}`}
            aria-current={isCurrent(option.choice, current) ? 'true' : undefined}
            aria-disabled={!verdict.ok}
            aria-describedby={`relation-${option.key}-why`}
            // biome-ignore lint/a11y/noAutofocus: the chooser opens on purpose, its first choice takes focus
            autoFocus={autoFocus && index === firstAllowed}
            onClick={() => {
              if (verdict.ok) onChoose(option.choice);
            }}
            data-relation={option.key}
          >
            <span
              className={`relation-option__symbol relation-label--${option.choice.relation}`}
              aria-hidden
            >
              {RELATION_OPERATORS[option.choice.relation].symbol}
            </span>
            <span className="relation-option__text">
              <span className="relation-option__label">{option.label}</span>
              <span className="relation-option__why" id={`relation-${option.key}-why`}>
                {verdict.ok
                  ? verdict.pending
                    ? `Allowed; ${verdict.pending}`
                    : option.hint
                  : verdict.reason}
              </span>
            </span>
            {verdict.ok ? (
              <Check aria-hidden size={14} className="relation-option__ok" />
            ) : (
              <Ban aria-hidden size={14} className="relation-option__no" />
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}

function isCurrent(choice: RelationChoice, current: RelationChoice | undefined): boolean {
  return (
    current !== undefined &&
    choice.relation === current.relation &&
    choice.role === current.role &&
    choice.exponent === current.exponent
  );
}
