/**
 * A row metric's filters: dimension = value pairs, each value field suggesting the
 * workspace's values of its dimension.
 */
import { Plus, X } from 'lucide-react';
import type { DimensionValues } from '../lib/api';
import { filterSuggestions } from '../lib/filter-suggestions';
import type { MetricFormState } from '../lib/metric-form';

export function MetricFilterRows({
  id,
  state,
  known,
  error,
  onChange,
}: {
  id: string;
  state: MetricFormState;
  known: readonly DimensionValues[] | null;
  error: string | undefined;
  onChange: (filters: MetricFormState['filters']) => void;
}) {
  const rows = state.filters;
  const set = (index: number, part: 'dimension' | 'value', value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [part]: value } : row)));
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <span className="field__label" id={`${id}-filters-label`}>
        Filters
      </span>
      {rows.length === 0 ? (
        <p className="field__hint">
          Every row counts. Add a filter to narrow, e.g. channel = call.
        </p>
      ) : null}
      <datalist id={`${id}-dimensions`}>
        {filterSuggestions(null, known, '').dimensions.map((dimension) => (
          <option key={dimension} value={dimension} />
        ))}
      </datalist>
      {rows.map((row, index) => (
        // Rows have no identity beyond their place; removing re-renders the rest.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="filter-row" key={index}>
          <input
            className="input input--mono"
            aria-label={`Filter ${index + 1} dimension`}
            data-field={index === 0 ? 'filters' : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-filters-error` : undefined}
            list={`${id}-dimensions`}
            placeholder="channel"
            value={row.dimension}
            onChange={(e) => set(index, 'dimension', e.target.value)}
          />
          <span aria-hidden className="filter-row__eq">
            =
          </span>
          <input
            className="input input--mono"
            aria-label={`Filter ${index + 1} value`}
            list={`${id}-values-${index}`}
            placeholder="call"
            value={row.value}
            onChange={(e) => set(index, 'value', e.target.value)}
          />
          <datalist id={`${id}-values-${index}`}>
            {filterSuggestions(null, known, row.dimension.trim()).values.map((suggestion) => (
              <option key={suggestion.value} value={suggestion.value}>
                {suggestion.label}
              </option>
            ))}
          </datalist>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove filter ${index + 1}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <X aria-hidden size={14} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...rows, { dimension: '', value: '' }])}
      >
        <Plus aria-hidden size={14} />
        Add filter
      </button>
      {error ? (
        <p id={`${id}-filters-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
