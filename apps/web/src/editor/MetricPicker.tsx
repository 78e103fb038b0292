/**
 * The metric picker: a search box over the catalog with a list of matches, usable from the
 * keyboard alone (type to filter, ↑ ↓ to move, Enter to add, Esc to close), as the WAI-ARIA
 * combobox pattern describes. Picking a metric adds it to the tree as a new node.
 */
import { Search } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CatalogMetric } from '../lib/api';
import { searchMetrics, UNIT_LABELS } from '../lib/metric-catalog';

export function MetricPicker({
  metrics,
  onPick,
  onClose,
}: {
  metrics: readonly CatalogMetric[];
  onPick: (metric: CatalogMetric) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const matches = useMemo(() => searchMetrics([...metrics], query), [metrics, query]);
  const current = matches[Math.min(active, matches.length - 1)];

  useEffect(() => inputRef.current?.focus(), []);
  const currentKey = current?.key;
  useEffect(() => {
    if (!currentKey) return;
    document.getElementById(`${id}-${currentKey}`)?.scrollIntoView({ block: 'nearest' });
  }, [id, currentKey]);

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActive(0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onPick(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <div className="picker" role="dialog" aria-label="Add a metric" data-testid="metric-picker">
      <div className="picker__search">
        <Search aria-hidden size={14} className="picker__search-icon" />
        <label htmlFor={`${id}-input`} className="visually-hidden">
          Search the metric catalog
        </label>
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="input picker__input"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={current ? `${id}-${current.key}` : undefined}
          placeholder="Search metrics by name or key"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
        />
      </div>
      {matches.length === 0 ? (
        <p className="picker__empty">
          No metric matches “{query}”. Define it on the <strong>Metrics</strong> screen first.
        </p>
      ) : (
        <div
          className="picker__list"
          id={`${id}-list`}
          role="listbox"
          aria-label="Metrics"
          ref={listRef}
        >
          {matches.map((metric) => (
            // The input keeps focus; options are picked with the mouse or with Enter there.
            // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use goes through the combobox input
            <div
              key={metric.key}
              id={`${id}-${metric.key}`}
              role="option"
              tabIndex={-1}
              aria-selected={metric === current}
              className={`picker__option${metric === current ? ' is-active' : ''}`}
              onMouseMove={() => setActive(matches.indexOf(metric))}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(metric)}
            >
              <span className="picker__name">{metric.name}</span>
              <span className="picker__meta">
                <code className="picker__key">{metric.key}</code>
                <span className="tag">{UNIT_LABELS[metric.unit]}</span>
              </span>
            </div>
          ))}
        </div>
      )}
      <p className="picker__hint" aria-hidden>
        ↑ ↓ to move · Enter to add · Esc to close
      </p>
    </div>
  );
}
