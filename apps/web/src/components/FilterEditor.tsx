/**
 * A node's own filter (e.g. channel = call), edited as dimension = value pairs: each one
 * removable, a new one added with a dimension (suggested from those the node's metric can
 * be filtered by) and a value (suggested from the values the workspace's data holds for
 * it). The server says when a dimension does not fit the node's metric.
 */
import type { DimensionFilter } from '@treeline/core';
import { Plus, X } from 'lucide-react';
import { useId, useState } from 'react';
import type { DimensionValues } from '../lib/api';
import { filterSuggestions } from '../lib/filter-suggestions';

export function FilterEditor({
  filter,
  dimensions,
  known,
  onChange,
}: {
  filter: DimensionFilter;
  /** The dimensions the node's metric takes (the catalog's), or null when not known. */
  dimensions: readonly string[] | null;
  /** The workspace's dimension values, once loaded. */
  known: readonly DimensionValues[] | null;
  onChange: (filter: DimensionFilter) => void;
}) {
  const id = useId();
  const [dimension, setDimension] = useState('');
  const [value, setValue] = useState('');
  const entries = Object.entries(filter);
  const canAdd = dimension.trim() !== '' && value.trim() !== '';
  const suggested = filterSuggestions(dimensions, known, dimension.trim());

  function add(event: React.FormEvent) {
    event.preventDefault();
    if (!canAdd) return;
    onChange({ ...filter, [dimension.trim()]: value.trim() });
    setDimension('');
    setValue('');
  }

  return (
    <div className="filter-editor">
      {entries.length === 0 ? (
        <p className="field__hint">
          No filter: the metric over all rows (the tree's filter aside).
        </p>
      ) : (
        <ul className="filter-editor__list" aria-label="Filter">
          {entries.map(([key, val]) => (
            <li key={key} className="filter-editor__item">
              <code>
                {key} = {val}
              </code>
              <button
                type="button"
                className="icon-button icon-button--small"
                aria-label={`Remove ${key} = ${val}`}
                onClick={() => {
                  const { [key]: _removed, ...rest } = filter;
                  onChange(rest);
                }}
              >
                <X aria-hidden size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="filter-row" onSubmit={add} aria-label="Add a filter">
        <input
          className="input"
          aria-label="Filter dimension"
          placeholder="dimension"
          list={`${id}-dimensions`}
          value={dimension}
          onChange={(event) => setDimension(event.target.value)}
        />
        <span className="filter-row__eq" aria-hidden>
          =
        </span>
        <input
          className="input"
          aria-label="Filter value"
          placeholder="value"
          list={`${id}-values`}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button
          type="submit"
          className="icon-button"
          aria-label="Add filter"
          title="Add filter"
          disabled={!canAdd}
        >
          <Plus aria-hidden size={14} />
        </button>
        <datalist id={`${id}-dimensions`}>
          {suggested.dimensions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
        <datalist id={`${id}-values`}>
          {suggested.values.map((suggestion) => (
            <option key={suggestion.value} value={suggestion.value}>
              {suggestion.label}
            </option>
          ))}
        </datalist>
      </form>
    </div>
  );
}
