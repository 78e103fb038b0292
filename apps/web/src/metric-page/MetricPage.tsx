/**
 * A metric's page, for any catalog metric in a tree or not: its definition, a summary of
 * the current period against the previous one (and net new for a stock), its value over
 * the last N periods with period-over-period growth, and its split by a dimension it
 * supports as bars, a pie and a table. The grain and the range sit in the top bar.
 */
import { ArrowLeft, Gauge, LineChart } from 'lucide-react';
import { type ReactNode, useId, useMemo, useState } from 'react';
import {
  LazyMetricLineChart,
  LazySplitBarChart,
  LazySplitPieChart,
} from '../components/charts/lazy-charts';
import { EmptyState } from '../components/EmptyState';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import { TopBar } from '../components/TopBar';
import { api, type Health, type MetricEntry, type MetricSeries, type Workspace } from '../lib/api';
import { describeMetricDefinition } from '../lib/describe-metric-definition';
import {
  formatGrain,
  formatMetricValue,
  formatPercentChange,
  formatSignedMetricValue,
} from '../lib/format';
import { DIRECTION_LABELS, KIND_LABELS, UNIT_LABELS } from '../lib/metric-catalog';
import { type KeptResource, useKeptResource } from '../lib/use-kept-resource';
import { useDataVersion } from '../lib/use-live-data';
import { type Resource, useResource } from '../lib/use-resource';
import { growthRows, hasNoData } from './growth-rows';
import { summarizeSeries } from './metric-summary';
import { SplitTableView } from './SplitTableView';
import { DEFAULT_RANGE, type PageGrain, RANGE_CHOICES, seriesRange } from './series-range';
import {
  offeredSplitDimensions,
  SPLIT_DIMENSION_LABELS,
  type SplitDimension,
} from './split-dimensions';
import { latestWithData, splitTable } from './split-rows';
import './metric-page.css';

const GRAINS: PageGrain[] = ['week', 'month', 'quarter'];

export function MetricPage({
  metricKey,
  workspace,
  health,
  onBack,
}: {
  metricKey: string;
  workspace: Resource<Workspace>;
  health: Resource<Health>;
  onBack: () => void;
}) {
  const catalog = useResource('metrics', (signal) => api.listMetrics(signal));
  const [grain, setGrain] = useState<PageGrain>('month');
  const [count, setCount] = useState(DEFAULT_RANGE.month);
  // The range is fixed when the grain or length is chosen, so a re-render asks for nothing new.
  // New data (a live import) re-reads the values, up to the moment it arrived.
  const dataVersion = useDataVersion();
  // biome-ignore lint/correctness/useExhaustiveDependencies: dataVersion moves the range's end to now
  const range = useMemo(() => seriesRange(grain, count, new Date()), [grain, count, dataVersion]);
  const metric =
    catalog.status === 'success'
      ? (catalog.data.find((entry) => entry.key === metricKey) ?? null)
      : null;
  // Each series remembers the range length it was asked for, so while a new one loads the
  // dimmed old one is drawn as it was (another grain is not kept: its periods differ).
  const series = useKeptResource(
    metric && `metric-series:${metricKey}:${grain}:${count}:${dataVersion}`,
    (signal) =>
      api.getMetricSeries(metricKey, { ...range, grain }, signal).then((data) => ({ data, count })),
  );
  const kept =
    series.status === 'success' &&
    series.data.data.metricKey === metricKey &&
    series.data.data.grain === grain
      ? series.data
      : null;
  const loaded = kept?.data ?? null;
  const last = loaded ? loaded.periods.length - 1 : -1;

  const controls = (
    <div className="period-controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">Time grain</legend>
        {GRAINS.map((choice) => (
          <button
            key={choice}
            type="button"
            className={`segmented__option${choice === grain ? ' is-active' : ''}`}
            aria-pressed={choice === grain}
            onClick={() => {
              setGrain(choice);
              setCount(DEFAULT_RANGE[choice]);
            }}
          >
            {formatGrain(choice)}
          </button>
        ))}
      </fieldset>
      <label className="visually-hidden" htmlFor="metric-page-range">
        Range
      </label>
      <select
        id="metric-page-range"
        className="input input--small"
        value={count}
        onChange={(event) => setCount(Number(event.target.value))}
      >
        {RANGE_CHOICES[grain].map((n) => (
          <option key={n} value={n}>
            Last {n} {grain}s
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <TopBar
        workspace={workspace}
        treeName={metric ? metric.name : 'Metric'}
        period={loaded ? (loaded.periods[last] ?? null) : null}
        previousPeriod={loaded && last >= 1 ? (loaded.periods[last - 1] ?? null) : null}
        health={health}
        refreshing={series.status === 'success' && series.refreshing}
        controls={metric ? controls : null}
      />
      <main className="metric-page-main">
        <div className="mp">
          <button type="button" className="button button--small mp__back" onClick={onBack}>
            <ArrowLeft aria-hidden size={13} />
            All metrics
          </button>
          {catalog.status === 'loading' ? (
            <div role="status" className="mp__loading">
              <span className="visually-hidden">Loading the metric…</span>
              <SkeletonLine width="40%" height={20} />
              <SkeletonLine width="70%" />
              <SkeletonLine width="100%" height={220} />
            </div>
          ) : catalog.status === 'error' ? (
            <ProblemState problem={catalog.problem} onRetry={catalog.retry} />
          ) : !metric ? (
            <EmptyState icon={<Gauge size={28} />} title={`No metric “${metricKey}”`}>
              <p>
                It may have been deleted or renamed. Go back to <strong>All metrics</strong> and
                pick one from the catalog.
              </p>
            </EmptyState>
          ) : (
            <MetricPageBody
              metric={metric}
              catalog={catalog.data}
              series={series}
              loaded={loaded}
              grain={grain}
              count={kept?.count ?? count}
              splitCount={count}
              range={range}
            />
          )}
        </div>
      </main>
    </>
  );
}

function MetricPageBody({
  metric,
  catalog,
  series,
  loaded,
  grain,
  count,
  splitCount,
  range,
}: {
  metric: MetricEntry;
  catalog: MetricEntry[];
  series: KeptResource<{ data: MetricSeries; count: number }>;
  loaded: MetricSeries | null;
  grain: PageGrain;
  /** The periods shown of `loaded`. */
  count: number;
  /** The periods asked for (the split loads on its own). */
  splitCount: number;
  range: { from: string; to: string };
}) {
  const id = useId();
  const rows = useMemo(() => (loaded ? growthRows(loaded, count) : []), [loaded, count]);
  const summary = loaded ? summarizeSeries(loaded, metric.definition, count) : null;
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
          <section className="mp-summary" aria-label="Summary" data-testid="metric-summary">
            <SummaryCard
              term={`Current${summary.period ? ` · ${summary.period.label}` : ''}${summary.period?.toDate ? ' (to date)' : ''}`}
              value={formatMetricValue(summary.current, metric.unit)}
              empty={summary.current === null}
              testId="summary-current"
            />
            <SummaryCard
              term={`Previous${summary.previousPeriod ? ` · ${summary.previousPeriod.label}` : ''}`}
              value={formatMetricValue(summary.previous, metric.unit)}
              empty={summary.previous === null}
              testId="summary-previous"
            />
            <SummaryCard
              term="Change"
              value={formatSignedMetricValue(summary.changeAbsolute, metric.unit)}
              detail={
                summary.changeAbsolute === null
                  ? undefined
                  : formatPercentChange(summary.changePercent)
              }
              empty={summary.changeAbsolute === null}
              testId="summary-change"
            />
            {summary.netNew !== undefined ? (
              <SummaryCard
                term="Net new this period"
                value={formatSignedMetricValue(summary.netNew, metric.unit)}
                detail="the period's change of the total"
                empty={summary.netNew === null}
                testId="summary-net-new"
              />
            ) : summary.rangeTotal !== undefined ? (
              <SummaryCard
                term={`Total, last ${count} ${grain}s`}
                value={formatMetricValue(summary.rangeTotal, metric.unit)}
                empty={summary.rangeTotal === null}
                testId="summary-range-total"
              />
            ) : null}
          </section>

          <section className="mp-card" aria-labelledby={`${id}-trend`}>
            <h3 className="mp-card__title" id={`${id}-trend`}>
              Over the last {count} {grain}s
            </h3>
            {hasNoData(rows.map((row) => row.value)) ? (
              <NoData>
                No data for {metric.name.toLowerCase()} in the last {count} {grain}s. Import the
                data it counts (Data screen), or pick a longer range.
              </NoData>
            ) : (
              <figure className="mp-chart" data-testid="metric-line-chart">
                <figcaption className="visually-hidden">
                  {metric.name} per {grain}, with the growth over the previous {grain} as bars
                </figcaption>
                <div aria-hidden="true">
                  <LazyMetricLineChart
                    rows={rows}
                    unit={metric.unit}
                    height={260}
                    showGrowth
                    name={metric.name}
                  />
                </div>
                <details className="mp-chart__table">
                  <summary>Show as a table</summary>
                  <table className="mp-table">
                    <thead>
                      <tr>
                        <th scope="col">{formatGrain(grain)}</th>
                        <th scope="col" className="mp-table__num">
                          Value
                        </th>
                        <th scope="col" className="mp-table__num">
                          Growth
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row) => (
                        <tr key={row.periodStart}>
                          <th scope="row">
                            {row.label}
                            {row.toDate ? <span className="is-muted"> (to date)</span> : null}
                          </th>
                          <td className={`mp-table__num${row.value === null ? ' is-empty' : ''}`}>
                            {formatMetricValue(row.value, metric.unit)}
                          </td>
                          <td className={`mp-table__num${row.growth === null ? ' is-empty' : ''}`}>
                            {formatPercentChange(row.growth)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </figure>
            )}
          </section>
        </div>
      )}

      <SplitSection
        metric={metric}
        dimensions={dimensions}
        numeratorName={numeratorName}
        grain={grain}
        count={splitCount}
        range={range}
      />
    </>
  );
}

function SummaryCard({
  term,
  value,
  detail,
  empty,
  testId,
}: {
  term: string;
  value: string;
  detail?: string;
  empty: boolean;
  testId: string;
}) {
  return (
    <div className="mp-summary__card" data-testid={testId}>
      <p className="mp-summary__term">{term}</p>
      <p className={`mp-summary__value${empty ? ' is-empty' : ''}`}>{value}</p>
      {detail ? <p className="mp-summary__detail">{detail}</p> : null}
    </div>
  );
}

function NoData({ children }: { children: ReactNode }) {
  return (
    <div className="mp-empty" data-testid="no-data">
      <LineChart aria-hidden size={18} className="state__icon" />
      <p>{children}</p>
    </div>
  );
}

function SplitSection({
  metric,
  dimensions,
  numeratorName,
  grain,
  count,
  range,
}: {
  metric: MetricEntry;
  dimensions: SplitDimension[];
  /** A ratio's numerator, whose shares the pie shows when the rates do not add up. */
  numeratorName: string | null;
  grain: PageGrain;
  count: number;
  range: { from: string; to: string };
}) {
  const id = useId();
  const [chosen, setChosen] = useState<SplitDimension | null>(null);
  const dimension = chosen && dimensions.includes(chosen) ? chosen : (dimensions[0] ?? null);
  const split = useKeptResource(
    dimension && `metric-split:${metric.key}:${grain}:${count}:${dimension}:${range.to}`,
    (signal) => api.getMetricSeries(metric.key, { ...range, grain, split: dimension }, signal),
  );
  /** The chosen period's start; the latest period when none is chosen or it is not shown. */
  const [periodChoice, setPeriodChoice] = useState<string | null>(null);
  const loaded =
    split.status === 'success' &&
    split.data.metricKey === metric.key &&
    split.data.grain === grain &&
    split.data.splitBy === dimension
      ? split.data
      : null;
  const lastIndex = loaded ? loaded.periods.length - 1 : -1;
  const firstShown = Math.max(0, lastIndex - count + 1);
  const chosenIndex = loaded?.periods.findIndex((p) => p.start === periodChoice) ?? -1;
  const periodIndex =
    chosenIndex >= firstShown ? chosenIndex : loaded ? latestWithData(loaded, firstShown) : -1;
  const table = useMemo(
    () => (loaded ? splitTable(loaded, periodIndex) : null),
    [loaded, periodIndex],
  );
  const dimensionLabel = dimension ? SPLIT_DIMENSION_LABELS[dimension] : '';
  const period = loaded?.periods[periodIndex];
  const previous = loaded?.periods[periodIndex - 1];

  return (
    <section className="mp-card" aria-labelledby={`${id}-split`} data-testid="metric-split">
      <div className="mp-card__head">
        <h3 className="mp-card__title" id={`${id}-split`}>
          Split{dimension ? ` by ${dimensionLabel.toLowerCase()}` : ''}
        </h3>
        {dimensions.length > 0 ? (
          <>
            <span className="mp-field">
              <label htmlFor={`${id}-dimension`}>Split by</label>
              <select
                id={`${id}-dimension`}
                className="input input--small"
                value={dimension ?? ''}
                onChange={(event) => setChosen(event.target.value as SplitDimension)}
              >
                {dimensions.map((choice) => (
                  <option key={choice} value={choice}>
                    {SPLIT_DIMENSION_LABELS[choice]}
                  </option>
                ))}
              </select>
            </span>
            {loaded ? (
              <span className="mp-field">
                <label htmlFor={`${id}-period`}>Period</label>
                <select
                  id={`${id}-period`}
                  className="input input--small"
                  value={loaded.periods[periodIndex]?.start ?? ''}
                  onChange={(event) => setPeriodChoice(event.target.value)}
                >
                  {loaded.periods.slice(firstShown).map((choice) => (
                    <option key={choice.start} value={choice.start}>
                      {choice.label}
                      {choice.toDate ? ' (to date)' : ''}
                    </option>
                  ))}
                </select>
              </span>
            ) : null}
          </>
        ) : null}
      </div>
      {dimensions.length === 0 ? (
        <p className="mp-card__text">
          {metric.name} cannot be split by channel, source, segment, lifecycle stage or team: the
          data it reads carries none of them.
        </p>
      ) : split.status === 'error' ? (
        <ProblemState problem={split.problem} onRetry={split.retry} compact />
      ) : !table || !period ? (
        <div role="status" className="mp__loading">
          <span className="visually-hidden">Loading the split…</span>
          <SkeletonLine width="100%" height={160} />
        </div>
      ) : table.rows.length === 0 || table.rows.every((row) => row.amount === null) ? (
        <NoData>
          No data by {dimensionLabel.toLowerCase()} in {period.label}. Pick another period or
          dimension.
        </NoData>
      ) : (
        <div className={split.refreshing ? 'is-refreshing' : undefined}>
          <div className="mp-split">
            <figure className="mp-split__bars" data-testid="split-bar-chart">
              <figcaption className="mp-split__caption">
                {metric.name} by {dimensionLabel.toLowerCase()}, {period.label}
                {period.toDate ? ' (to date)' : ''}
              </figcaption>
              <div aria-hidden="true">
                <LazySplitBarChart rows={table.rows} unit={metric.unit} labelWidth={112} />
              </div>
            </figure>
            <figure className="mp-split__pie" data-testid="split-pie-chart">
              <figcaption className="mp-split__caption">
                {table.pieBasis === 'value'
                  ? 'Share of the total'
                  : table.pieBasis === 'numerator'
                    ? `Share of ${numeratorName ? numeratorName.toLowerCase() : 'the numerator'}`
                    : 'Shares'}
              </figcaption>
              {table.pieBasis && table.slices.length > 0 ? (
                <div aria-hidden="true">
                  <LazySplitPieChart slices={table.slices} size={180} />
                </div>
              ) : (
                <p className="mp-card__text">
                  No pie: the parts of {metric.name.toLowerCase()} by {dimensionLabel.toLowerCase()}{' '}
                  do not add up to the whole (each is a rate of its own), so compare them in the
                  bars.
                </p>
              )}
            </figure>
          </div>
          <SplitTableView
            table={table}
            unit={metric.unit}
            dimensionLabel={dimensionLabel}
            numeratorName={numeratorName}
            periodLabel={period.label}
            previousLabel={previous?.label ?? null}
          />
        </div>
      )}
    </section>
  );
}
