/**
 * The metric page below its top bar: what the metric is, its summary and its line over
 * the range (dimmed while another range loads), and its split.
 */
import { useMemo } from 'react';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import type { MetricEntry } from '../lib/api';
import { describeMetricDefinition } from '../lib/describe-metric-definition';
import { DIRECTION_LABELS, KIND_LABELS, UNIT_LABELS } from '../lib/metric-catalog';
import { growthRows } from './growth-rows';
import { MetricSummary } from './MetricSummary';
import { MetricTrend } from './MetricTrend';
import { summarizeSeries } from './metric-summary';
import { SplitSection } from './SplitSection';
import type { PageGrain } from './series-range';
import { offeredSplitDimensions } from './split-dimensions';
import type { PageSeries } from './use-metric-page-series';

export function MetricPageBody({
  metric,
  catalog,
  series: { series, loaded, loadedCount },
  grain,
  count,
}: {
  metric: MetricEntry;
  catalog: MetricEntry[];
  series: PageSeries;
  grain: PageGrain;
  /** The periods asked for (the split loads on its own). */
  count: number;
}) {
  const shown = loadedCount ?? count;
  const rows = useMemo(() => (loaded ? growthRows(loaded, shown) : []), [loaded, shown]);
  const summary = loaded ? summarizeSeries(loaded, metric.definition, shown) : null;
  const dimensions = useMemo(() => offeredSplitDimensions(metric.dimensions), [metric.dimensions]);
  const { definition } = metric;
  const numeratorKey = definition.type === 'ratio' ? definition.numerator : null;
  const numeratorName = catalog.find((entry) => entry.key === numeratorKey)?.name ?? null;
  return (
    <>
      <header className="mp__head">
        <p className="panel__eyebrow">
          {metric.builtIn ? 'Built-in metric' : 'Custom metric'} · {UNIT_LABELS[metric.unit]} ·{' '}
          {KIND_LABELS[metric.kind]} · {DIRECTION_LABELS[metric.direction]}
        </p>
        <h2 className="mp__title">{metric.name}</h2>
        <p className="mp__definition">
          <code>{metric.key}</code> = {describeMetricDefinition(metric.definition)}
        </p>
        {metric.description ? <p className="mp__description">{metric.description}</p> : null}
      </header>

      {series.status === 'error' ? (
        <ProblemState problem={series.problem} onRetry={series.retry} compact />
      ) : !loaded || !summary ? (
        <div role="status" className="mp__loading">
          <span className="visually-hidden">Loading values…</span>
          <SkeletonLine width="100%" height={64} />
          <SkeletonLine width="100%" height={240} />
        </div>
      ) : (
        <div className={series.refreshing ? 'is-refreshing' : undefined}>
          <MetricSummary metric={metric} summary={summary} count={shown} grain={grain} />
          <MetricTrend metric={metric} rows={rows} count={shown} grain={grain} />
        </div>
      )}

      <SplitSection
        metric={metric}
        dimensions={dimensions}
        numeratorName={numeratorName}
        grain={grain}
        count={count}
      />
    </>
  );
}
