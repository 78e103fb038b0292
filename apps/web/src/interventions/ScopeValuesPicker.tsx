/** Checkboxes for the values of a scope's dimension (teams, segments, reps) the data holds. */
import type { DimensionValues } from '@treeline/core';

export function ScopeValuesPicker({
  id,
  legend,
  dimension,
  chosen,
  disabled = [],
  onChange,
  error,
}: {
  id: string;
  legend: string;
  dimension: DimensionValues | undefined;
  chosen: string[];
  /** Values taken by the other scope, shown but not offered. */
  disabled?: string[];
  onChange: (values: string[]) => void;
  error: string | undefined;
}) {
  const values = dimension?.values ?? [];
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...chosen, value] : chosen.filter((v) => v !== value));
  return (
    <fieldset
      className={`field scope-picker${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {values.length === 0 ? (
        <p className="field__hint">
          The data holds no values for this yet. Import reps with their teams and segments (Data in
          the rail) first.
        </p>
      ) : (
        <div className="scope-picker__values">
          {values.map((v) => (
            <label key={v.value} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(v.value)}
                disabled={disabled.includes(v.value)}
                onChange={(e) => toggle(v.value, e.target.checked)}
              />
              {v.label ?? v.value}
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
