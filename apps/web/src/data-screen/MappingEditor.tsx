/**
 * The mapping editor: for each field of the entity, where its value comes from (a column of
 * the file, a constant, or a preset's rules), a per-field date format, and for enum and
 * boolean fields a value map ("Phone Call" → call) that offers the sample's unknown values;
 * above it the file's time zone and date format, below it the columns kept as properties.
 */
import { DATE_FORMAT_LABELS, DATE_FORMATS } from '@treeline/core';
import { useId, useMemo } from 'react';
import { DATE_FORMAT_NAMES } from './date-format-names';
import { FieldRow } from './FieldRow';
import {
  editableFields,
  isDateFormat,
  type MappingDraft,
  takesProperties,
  withField,
} from './mapping-draft';
import { PropertyColumns } from './PropertyColumns';
import { timeZoneNames } from './time-zone-names';

export function MappingEditor({
  draft,
  onChange,
  header,
  sampleRows,
  workspaceTimeZone,
  fieldErrors,
}: {
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  header: readonly string[];
  sampleRows: readonly (readonly string[])[];
  workspaceTimeZone: string;
  /** Problems of the mapping itself, by field (from compiling it against the header). */
  fieldErrors: ReadonlyMap<string, string>;
}) {
  const id = useId();
  const zones = useMemo(timeZoneNames, []);
  const specs = editableFields(draft.entity);

  return (
    <div className="mapping-editor">
      <div className="mapping-editor__file">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-zone`}>
            Time zone of the file
          </label>
          <input
            id={`${id}-zone`}
            className="input"
            list={`${id}-zones`}
            value={draft.timeZone}
            placeholder={`${workspaceTimeZone} (workspace)`}
            aria-describedby={`${id}-zone-hint`}
            aria-invalid={fieldErrors.has('(timeZone)') ? 'true' : undefined}
            onChange={(event) => onChange({ ...draft, timeZone: event.target.value })}
          />
          <datalist id={`${id}-zones`}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <p className="field__hint" id={`${id}-zone-hint`}>
            For times written without Z or an offset. Empty uses the workspace's zone.
          </p>
          {fieldErrors.get('(timeZone)') ? (
            <p className="field__error">{fieldErrors.get('(timeZone)')}</p>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-format`}>
            Date format
          </label>
          <select
            id={`${id}-format`}
            className="input"
            value={draft.dateFormat}
            aria-describedby={`${id}-format-hint`}
            onChange={(event) => {
              const value = event.target.value;
              if (isDateFormat(value)) onChange({ ...draft, dateFormat: value });
            }}
          >
            {DATE_FORMATS.map((format) => (
              <option key={format} value={format}>
                {DATE_FORMAT_NAMES[format]}
              </option>
            ))}
          </select>
          <p className="field__hint" id={`${id}-format-hint`}>
            {DATE_FORMAT_LABELS[draft.dateFormat]}
          </p>
        </div>
      </div>

      <table className="mapping-table">
        <caption className="visually-hidden">
          Where each field of {draft.entity} takes its value from
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">From</th>
            <th scope="col">Options</th>
          </tr>
        </thead>
        {specs.map((spec) => (
          <FieldRow
            key={spec.name}
            spec={spec}
            field={draft.fields[spec.name]}
            header={header}
            sampleRows={sampleRows}
            error={fieldErrors.get(spec.name) ?? null}
            onChange={(change) => onChange(withField(draft, spec.name, change))}
          />
        ))}
      </table>

      {takesProperties(draft.entity) ? (
        <PropertyColumns draft={draft} header={header} onChange={onChange} />
      ) : null}
    </div>
  );
}
