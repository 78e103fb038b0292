/** The one value a field takes for every row: a choice for enums and booleans, else text. */
import type { ImportFieldSpec } from '@treeline/core';
import { useId } from 'react';
import { targetsOf } from './value-targets';

export function ConstantInput({
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
