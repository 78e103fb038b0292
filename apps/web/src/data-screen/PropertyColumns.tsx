/** The file's columns kept on each row as properties, beyond the mapped fields. */
import { useId } from 'react';
import type { MappingDraft } from './mapping-draft';

export function PropertyColumns({
  draft,
  header,
  onChange,
}: {
  draft: MappingDraft;
  header: readonly string[];
  onChange: (draft: MappingDraft) => void;
}) {
  const id = useId();
  const used = new Set(
    Object.values(draft.fields)
      .filter((field) => field.source === 'column')
      .map((field) => field.column),
  );
  const kept = new Map(
    draft.properties.map((entry) => [typeof entry === 'string' ? entry : entry.column, entry]),
  );
  const candidates = header.filter((name) => name.trim() !== '' && !used.has(name));
  if (candidates.length === 0) return null;
  return (
    <fieldset className="property-columns">
      <legend className="field__label">Keep as custom properties</legend>
      <p className="field__hint" id={`${id}-hint`}>
        Other columns kept with each record, usable as filters and scoring attributes.
      </p>
      <div className="property-columns__list">
        {candidates.map((name) => (
          <label key={name} className="checkbox">
            <input
              type="checkbox"
              checked={kept.has(name)}
              aria-describedby={`${id}-hint`}
              onChange={(event) => {
                const properties = event.target.checked
                  ? [...draft.properties, name]
                  : draft.properties.filter(
                      (entry) => (typeof entry === 'string' ? entry : entry.column) !== name,
                    );
                onChange({ ...draft, properties });
              }}
            />
            {name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
