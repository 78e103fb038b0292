/**
 * One field of the mapping table: its name, where its value comes from, its date format,
 * and for enum and boolean fields the value map, which offers the sample's unknown values.
 */
import { DATE_FORMATS, type ImportFieldSpec } from '@treeline/core';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useId, useState } from 'react';
import { DATE_FORMAT_NAMES } from './date-format-names';
import { FieldSourceCell } from './FieldSourceCell';
import {
  columnCells,
  type FieldDraft,
  type FieldSource,
  isDateFormat,
  unmappedValues,
} from './mapping-draft';
import { ValueMapEditor } from './ValueMapEditor';

export function FieldRow({
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
        <FieldSourceCell
          spec={spec}
          field={field}
          header={header}
          error={error}
          errorId={`${id}-error`}
          onChange={onChange}
        />
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
