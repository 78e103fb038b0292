/**
 * The value map of an enum or boolean field ("Phone Call" → call): its entries, and the
 * sample's values it does not map yet, one click each to add.
 */
import type { ImportFieldSpec } from '@treeline/core';
import { Plus, X } from 'lucide-react';
import { useId } from 'react';
import type { ValueMapEntry } from './mapping-draft';
import { targetsOf } from './value-targets';

export function ValueMapEditor({
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
