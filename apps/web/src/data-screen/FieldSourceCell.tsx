/**
 * Where a mapped field's value comes from: a column of the file, one value for every row,
 * or the preset's rules (kept until a column replaces them), with the field's problem.
 */
import type { ImportFieldSpec } from '@treeline/core';
import { useId } from 'react';
import { ConstantInput } from './ConstantInput';
import { describeKeptRules, type FieldDraft, type FieldSource } from './mapping-draft';

const CONSTANT = '\u0000constant';
const RULES = '\u0000rules';

export function FieldSourceCell({
  spec,
  field,
  header,
  error,
  errorId,
  onChange,
}: {
  spec: ImportFieldSpec;
  field: FieldDraft | undefined;
  header: readonly string[];
  error: string | null;
  errorId: string;
  onChange: (change: Partial<FieldDraft>) => void;
}) {
  const id = useId();
  const source: FieldSource = field?.source ?? 'none';
  const column = field?.column ?? '';
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
    <td className="mapping-table__source">
      <label className="visually-hidden" htmlFor={`${id}-source`}>
        Source for {spec.label}
      </label>
      <select
        id={`${id}-source`}
        className="input"
        value={selectValue}
        aria-describedby={error ? errorId : `${id}-description`}
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
        <p className="field__error" id={errorId}>
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
  );
}
