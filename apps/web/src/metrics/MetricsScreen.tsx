/**
 * The Metrics screen: the catalog (built-in and custom), searchable by name or key, each
 * with its unit, direction, kind and definition in words; the selected metric's details,
 * where a custom one can be edited in the metric form or deleted after a confirm step, and
 * a link to its page (charts over time and splits); and the "New metric" form.
 */

import { useQueryClient } from '@tanstack/react-query';
import { Gauge, Plus, Search } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import { api, type MetricEntry } from '../lib/api';
import { describeMetricDefinition } from '../lib/describe-metric-definition';
import { DIRECTION_LABELS, KIND_LABELS, searchMetrics, UNIT_LABELS } from '../lib/metric-catalog';
import { metricsChanged } from '../server-data/metrics-changed';
import { dimensionValuesQuery, metricsQuery } from '../server-data/queries';
import { queryKeys } from '../server-data/query-keys';
import { resourceOf } from '../server-data/resource';
import { useScreenQuery } from '../server-data/use-screen-query';
import { usePermission } from '../session/workspace-scope';
import { MetricDetails } from './MetricDetails';
import { MetricForm } from './MetricForm';

export function MetricsScreen() {
  const edit = usePermission('editor');
  const queryClient = useQueryClient();
  const loaded = resourceOf(useScreenQuery(metricsQuery()));
  const dimensionValues = useScreenQuery(dimensionValuesQuery()).data ?? null;
  const metrics = loaded.status === 'success' ? loaded.data : null;
  /** Changes the catalog on screen at once; trees and series built on it are read again. */
  const setMetrics = (change: (current: MetricEntry[]) => MetricEntry[]) => {
    queryClient.setQueryData(queryKeys.metrics(), (current: MetricEntry[] | undefined) =>
      change(current ?? []),
    );
    void metricsChanged(queryClient, { refetchCatalog: false });
  };
  const [query, setQuery] = useState('');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  // The side panel shows the selected metric's details, the new metric form or its edit form.
  const [form, setForm] = useState<'create' | 'edit' | null>(null);
  const searchId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  // A metric just created or changed takes focus in the list, where the form was.
  const focusOnShow = useRef<string | null>(null);

  // The newly selected row (e.g. a metric just created) is brought into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a saved metric re-renders its row
  useEffect(() => {
    if (!selectedKey) return;
    const row = listRef.current?.querySelector<HTMLElement>(
      `[data-metric-key="${CSS.escape(selectedKey)}"]`,
    );
    row?.scrollIntoView({ block: 'nearest' });
    if (focusOnShow.current === selectedKey) {
      focusOnShow.current = null;
      row?.focus();
    }
  }, [selectedKey, metrics]);

  const selected = metrics?.find((metric) => metric.key === selectedKey) ?? null;
  const shown = metrics ? searchMetrics(metrics, query) : [];
  const customCount = metrics?.filter((metric) => !metric.builtIn).length ?? 0;

  return (
    <div className="metrics-screen">
      <section className="catalog" aria-labelledby={`${searchId}-title`}>
        <div className="catalog__head">
          <h2 className="catalog__title" id={`${searchId}-title`}>
            Metrics
          </h2>
          {metrics ? (
            <span className="catalog__count">
              {metrics.length} metrics · {customCount} custom
            </span>
          ) : null}
          <button
            type="button"
            className="button button--primary catalog__new"
            onClick={() => setForm('create')}
            disabled={!metrics || !edit.allowed}
            title={edit.reason || undefined}
          >
            <Plus aria-hidden size={14} />
            New metric
          </button>
        </div>
        <div className="catalog__search">
          <Search aria-hidden size={14} className="catalog__search-icon" />
          <label htmlFor={searchId} className="visually-hidden">
            Search metrics by name or key
          </label>
          <input
            id={searchId}
            type="search"
            className="input catalog__search-input"
            placeholder="Search by name or key"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        {loaded.status === 'error' && !metrics ? (
          <ProblemState problem={loaded.problem} onRetry={loaded.retry} compact />
        ) : !metrics ? (
          <div className="catalog__loading" role="status">
            <span className="visually-hidden">Loading metrics…</span>
            <SkeletonLine width="80%" />
            <SkeletonLine width="65%" />
            <SkeletonLine width="72%" />
          </div>
        ) : shown.length === 0 ? (
          <p className="catalog__empty">
            No metric matches “{query}”. Try part of a name or key, or create it with{' '}
            <strong>New metric</strong>.
          </p>
        ) : (
          <ul className="catalog__list" aria-label="Metric catalog" ref={listRef}>
            {shown.map((metric) => (
              <li key={metric.key}>
                <button
                  type="button"
                  className={`catalog__row${metric.key === selectedKey ? ' is-selected' : ''}`}
                  aria-current={metric.key === selectedKey ? 'true' : undefined}
                  data-metric-key={metric.key}
                  data-testid="catalog-metric"
                  onClick={() => {
                    setSelectedKey(metric.key);
                    setForm(null);
                  }}
                >
                  <span className="catalog__row-top">
                    <span className="catalog__name">{metric.name}</span>
                    {metric.builtIn ? null : <span className="tag tag--custom">custom</span>}
                    <span className="catalog__meta">
                      <span className="tag">{UNIT_LABELS[metric.unit]}</span>
                      <span className="tag">{KIND_LABELS[metric.kind]}</span>
                      <span className="tag">{DIRECTION_LABELS[metric.direction]}</span>
                    </span>
                  </span>
                  <span className="catalog__row-bottom">
                    <code className="catalog__key">{metric.key}</code>
                    <span className="catalog__definition">
                      {describeMetricDefinition(metric.definition)}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside
        className="metrics-side"
        aria-label={
          form === 'create' ? 'New metric' : form === 'edit' ? 'Edit metric' : 'Metric details'
        }
      >
        {form === 'create' && metrics ? (
          <MetricForm
            catalog={metrics}
            dimensionValues={dimensionValues}
            mode={{ kind: 'create', create: (metric) => api.createMetric(metric) }}
            onSaved={(metric) => {
              setMetrics((current) => [...current, metric]);
              setQuery('');
              focusOnShow.current = metric.key;
              setSelectedKey(metric.key);
              setForm(null);
            }}
            onCancel={() => setForm(null)}
          />
        ) : form === 'edit' && metrics && selected && !selected.builtIn ? (
          <MetricForm
            key={`edit:${selected.key}`}
            catalog={metrics}
            dimensionValues={dimensionValues}
            mode={{
              kind: 'edit',
              metric: selected,
              update: (changes) => api.updateMetric(selected.key, changes),
            }}
            onSaved={(metric) => {
              setMetrics((current) =>
                current.map((entry) => (entry.key === metric.key ? metric : entry)),
              );
              focusOnShow.current = metric.key;
              setForm(null);
              // Metrics built on this one may have new dimensions too: read the catalog again.
              void queryClient.invalidateQueries({ queryKey: queryKeys.metrics() });
            }}
            onCancel={() => setForm(null)}
          />
        ) : selected ? (
          <MetricDetails
            key={selected.key}
            metric={selected}
            onEdit={() => setForm('edit')}
            onDeleted={() => {
              setMetrics((current) => current.filter((m) => m.key !== selected.key));
              setSelectedKey(null);
            }}
          />
        ) : (
          <div className="metrics-side__empty">
            <Gauge aria-hidden size={24} className="state__icon" />
            <p>
              Pick a metric to see its definition, or create one with <strong>New metric</strong>: a
              filtered count, a ratio of two metrics or a formula.
            </p>
          </div>
        )}
      </aside>
    </div>
  );
}
