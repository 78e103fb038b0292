/**
 * The mapping editor: for each field of the entity, where its value comes from (a column of
 * the file, a constant, or a preset's rules), a per-field date format, and for enum and
 * boolean fields a value map ("Phone Call" → call) that offers the sample's unknown values;
 * above it the file's time zone and date format, below it the columns kept as properties.
 */
import {
  DATE_FORMAT_LABELS,
  DATE_FORMATS,
  type DateFormat,
  type ImportFieldSpec,
} from '@treeline/core';
import { ChevronDown, ChevronRight, Plus, X } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import {
  columnCells,
  describeKeptRules,
  editableFields,
  type FieldDraft,
  type FieldSource,
  isDateFormat,
  type MappingDraft,
  takesProperties,
  unmappedValues,
  type ValueMapEntry,
  withField,
} from './mapping-draft';

const CONSTANT = '\u0000constant';
const RULES = '\u0000rules';

/** Short names of the date formats for the selects; the long ones go in the hint. */
export const DATE_FORMAT_NAMES: Record<DateFormat, string> = {
  iso: 'ISO 8601 (2026-03-02 14:05)',
  'MM/DD/YYYY': 'MM/DD/YYYY (US)',
  'DD/MM/YYYY': 'DD/MM/YYYY',
  'DD.MM.YYYY': 'DD.MM.YYYY',
  epoch_ms: 'Unix time, milliseconds',
  epoch_s: 'Unix time, seconds',
};

function timeZoneNames(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

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

function FieldRow({
  spec,
  field,
  header,
  sampleRows,
  error,
  onChange,
}: {
  spec: ImportFieldSpec;
  field: FieldDraft | undefined;
  header: readonly string[];
  sampleRows: readonly (readonly string[])[];
  error: string | null;
  onChange: (change: Partial<FieldDraft>) => void;
}) {
  const id = useId();
  const [valuesOpen, setValuesOpen] = useState(false);
  const source: FieldSource = field?.source ?? 'none';
  const column = field?.column ?? '';
  const mapsValues = spec.type === 'enum' || spec.type === 'boolean';
  const isDate = spec.type === 'instant' || spec.type === 'day';
  const readsColumn = source === 'column' || source === 'rules';
  const entries = field?.values ?? [];
  const toMap =
    mapsValues && spec.type === 'enum' && source === 'column'
      ? unmappedValues(spec, columnCells(header, sampleRows, column), entries)
      : [];
  const missingColumn = source === 'column' && column !== '' && !header.includes(column);

  const selectValue =
    source === 'constant'
      ? CONSTANT
      : source === 'rules'
        ? RULES
        : source === 'column'
          ? column
          : '';

  return (
    <tbody className={`mapping-table__field${error ? ' has-error' : ''}`}>
      <tr>
        <th scope="row" className="mapping-table__name">
          <span className="mapping-table__label" title={spec.description}>
            {spec.label}
          </span>
          {spec.required ? (
            <span className="tag tag--required" title="Every row needs a value">
              required
            </span>
          ) : null}
          <span className="mapping-table__key">{spec.name}</span>
        </th>
        <td className="mapping-table__source">
          <label className="visually-hidden" htmlFor={`${id}-source`}>
            Source for {spec.label}
          </label>
          <select
            id={`${id}-source`}
            className="input"
            value={selectValue}
            aria-describedby={error ? `${id}-error` : `${id}-description`}
            aria-invalid={error || missingColumn ? 'true' : undefined}
            onChange={(event) => {
              const value = event.target.value;
              if (value === CONSTANT) onChange({ source: 'constant' });
              else if (value === RULES) onChange({ source: 'rules' });
              else if (value === '') onChange({ source: 'none', column: '' });
              else onChange({ source: 'column', column: value });
            }}
          >
            <option value="">{spec.required ? '— choose a column —' : '— not mapped —'}</option>
            {header.map((name, index) =>
              name.trim() === '' ? null : (
                // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat a name
                <option key={`${index}:${name}`} value={name}>
                  {name}
                </option>
              ),
            )}
            {missingColumn ? <option value={column}>{column} (not in this file)</option> : null}
            <option value={CONSTANT}>Same value for every row…</option>
            {source === 'rules' ? <option value={RULES}>Preset rules</option> : null}
          </select>
          {source === 'constant' ? (
            <ConstantInput
              spec={spec}
              value={field?.constant ?? ''}
              onChange={(constant) => onChange({ constant })}
            />
          ) : null}
          <span className="visually-hidden" id={`${id}-description`}>
            {spec.description}
          </span>
          {error ? (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          {source === 'rules' ? (
            <p className="field__hint">
              From the preset: {describeKeptRules(field?.kept ?? {})}. Pick a column to replace it.
            </p>
          ) : null}
          {field?.kept.default !== undefined ? (
            <p className="field__hint">When empty: {String(field.kept.default)}</p>
          ) : spec.defaultValue !== undefined && source === 'none' ? (
            <p className="field__hint">When not mapped: {String(spec.defaultValue)}</p>
          ) : null}
        </td>
        <td className="mapping-table__options">
          <div className="mapping-table__option-list">
            {isDate && readsColumn ? (
              <>
                <label className="visually-hidden" htmlFor={`${id}-date`}>
                  Date format of {spec.label}
                </label>
                <select
                  id={`${id}-date`}
                  className="input input--small"
                  value={field?.format ?? ''}
                  onChange={(event) => {
                    const value = event.target.value;
                    onChange({ format: isDateFormat(value) ? value : '' });
                  }}
                >
                  <option value="">File's date format</option>
                  {DATE_FORMATS.map((format) => (
                    <option key={format} value={format}>
                      {DATE_FORMAT_NAMES[format]}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            {mapsValues && readsColumn ? (
              <button
                type="button"
                className="link-button"
                aria-expanded={valuesOpen}
                aria-controls={`${id}-values`}
                onClick={() => setValuesOpen((open) => !open)}
              >
                {valuesOpen ? (
                  <ChevronDown aria-hidden size={13} />
                ) : (
                  <ChevronRight aria-hidden size={13} />
                )}
                Value map{entries.length > 0 ? ` (${entries.length})` : ''}
                <span className="visually-hidden"> for {spec.label}</span>
              </button>
            ) : null}
            {toMap.length > 0 ? (
              <span className="tag tag--warning" title={toMap.join(', ')}>
                {toMap.length} {toMap.length === 1 ? 'value' : 'values'} to map
              </span>
            ) : null}
          </div>
        </td>
      </tr>
      {mapsValues && readsColumn && valuesOpen ? (
        <tr>
          <td colSpan={3} id={`${id}-values`} className="mapping-table__values">
            <ValueMapEditor
              spec={spec}
              entries={entries}
              suggestions={toMap}
              onChange={(values) => onChange({ values })}
            />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

/** The targets a value can map to: the enum's values, or true/false. */
function targetsOf(spec: ImportFieldSpec): readonly string[] {
  return spec.type === 'boolean' ? ['true', 'false'] : (spec.values ?? []);
}

function ConstantInput({
  spec,
  value,
  onChange,
}: {
  spec: ImportFieldSpec;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const choices = spec.type === 'enum' || spec.type === 'boolean' ? targetsOf(spec) : null;
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Value of {spec.label} for every row
      </label>
      {choices ? (
        <select
          id={id}
          className="input mapping-table__constant"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">— choose —</option>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="input mapping-table__constant"
          value={value}
          placeholder={
            spec.type === 'instant'
              ? '2026-03-02T14:05:00Z'
              : spec.type === 'day'
                ? '2026-03-02'
                : spec.type === 'decimal'
                  ? '8'
                  : 'value'
          }
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </>
  );
}

function ValueMapEditor({
  spec,
  entries,
  suggestions,
  onChange,
}: {
  spec: ImportFieldSpec;
  entries: ValueMapEntry[];
  suggestions: string[];
  onChange: (entries: ValueMapEntry[]) => void;
}) {
  const id = useId();
  const targets = targetsOf(spec);
  const set = (index: number, change: Partial<ValueMapEntry>) =>
    onChange(entries.map((entry, i) => (i === index ? { ...entry, ...change } : entry)));

  return (
    <fieldset className="value-map">
      <legend className="value-map__legend">
        Value map for {spec.label}: values as the file writes them → {targets.join(', ')}.{' '}
        <span className="value-map__hint">Case does not matter; * stands for any other value.</span>
      </legend>
      {entries.length === 0 ? (
        <p className="field__hint">
          No value map: values must already read as {targets.join(', ')} (any case).
        </p>
      ) : (
        <ul className="value-map__list">
          {entries.map((entry, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place
            <li key={index} className="value-map__row">
              <label className="visually-hidden" htmlFor={`${id}-from-${index}`}>
                File value {index + 1} of {spec.label}
              </label>
              <input
                id={`${id}-from-${index}`}
                className="input input--small"
                value={entry.from}
                placeholder="value in the file"
                onChange={(event) => set(index, { from: event.target.value })}
              />
              <span aria-hidden className="value-map__arrow">
                →
              </span>
              <label className="visually-hidden" htmlFor={`${id}-to-${index}`}>
                {spec.label} for “{entry.from || `value ${index + 1}`}”
              </label>
              <select
                id={`${id}-to-${index}`}
                className="input input--small"
                value={entry.to}
                onChange={(event) => set(index, { to: event.target.value })}
              >
                <option value="">(empty)</option>
                {targets.map((target) => (
                  <option key={target} value={target}>
                    {target}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove “${entry.from}” from the value map`}
                title="Remove"
                onClick={() => onChange(entries.filter((_, i) => i !== index))}
              >
                <X aria-hidden size={13} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="value-map__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange([...entries, { from: '', to: targets[0] ?? '' }])}
        >
          <Plus aria-hidden size={13} />
          Add value
        </button>
        {suggestions.map((value) => (
          <button
            key={value}
            type="button"
            className="button button--small"
            onClick={() => onChange([...entries, { from: value, to: '' }])}
          >
            <Plus aria-hidden size={13} />
            Map “{value}”
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function PropertyColumns({
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
