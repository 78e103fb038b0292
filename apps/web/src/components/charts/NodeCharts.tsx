/**
 * The selected node's charts in the detail panel: its value over the tree's periods as a
 * line (growth in the tooltip), for an activity metric its split by channel as bars, and
 * its split by source, segment or lifecycle stage (a small select) as a pie, or as bars
 * where the parts do not add up. Splits are read from the metric series API with the
 * node's filter and the view's grain, for the view's period; empty splits say "no data".
 */
import { useQuery } from '@tanstack/react-query';
import { dimensionSpec, type MetricUnit, type NodeView, type TreeView } from '@treeline/core';
import { ChartLine } from 'lucide-react';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { formatMetricValue, NO_DATA } from '../../lib/format';
import { hasNoData, pointRows } from '../../metric-page/growth-rows';
import {
  metricSourcesOf,
  offeredSplitDimensions,
  SPLIT_DIMENSION_LABELS,
  SPLIT_DIMENSIONS,
  type SplitDimension,
} from '../../metric-page/split-dimensions';
import { type SplitTable, splitTable } from '../../metric-page/split-rows';
import { paths } from '../../routes/paths';
import { metricSeriesQuery } from '../../server-data/queries';
import { resourceOf } from '../../server-data/resource';
import { useCatalog } from '../../server-data/use-catalog';
import { SkeletonLine } from '../Skeleton';
import { Sparkline } from '../Sparkline';
import { splitColour } from './chart-theme';
import { LazyMetricLineChart, LazySplitBarChart, LazySplitPieChart } from './lazy-charts';
import './charts.css';

const CONTACT_DIMENSIONS = SPLIT_DIMENSIONS.filter((d) => dimensionSpec(d)?.record === 'contact');

const share = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** The node's value over the tree's periods; the sparkline stands in while recharts loads. */
export function NodeLineChart({
  node,
  view,
  label,
  tone,
}: {
  node: NodeView;
  view: TreeView | null;
  label: string;
  tone: Parameters<typeof Sparkline>[0]['tone'];
}) {
  const rows = useMemo(
    () => pointRows(node.series, view?.period.toDate ?? false),
    [node.series, view?.period.toDate],
  );
  if (node.series.length === 0 || hasNoData(rows.map((row) => row.value))) {
    return (
      <p className="node-chart__empty" data-testid="node-line-chart-empty">
        {NO_DATA} for {node.label} in the last {node.series.length || ''} periods
      </p>
    );
  }
  return (
    <figure className="panel__chart" data-testid="node-line-chart">
      <figcaption className="visually-hidden">{label}</figcaption>
      <div aria-hidden="true">
        <LazyMetricLineChart
          rows={rows}
          unit={node.unit}
          height={132}
          name={node.label}
          fallback={<Sparkline series={node.series} width={272} height={132} tone={tone} filled />}
        />
      </div>
    </figure>
  );
}

/** The channel split and the contact-dimension split of the node, for the view's period. */
export function NodeSplitCharts({ node, view }: { node: NodeView; view: TreeView }) {
  const id = useId();
  const catalog = useCatalog();
  const metric = catalog.get(node.metricKey);
  const lookup = (key: string) => catalog.get(key)?.definition;
  // The dimensions the API says the engine can split this metric by, less those the node's
  // or the tree's filter pins to one value (calls per contact split by channel is one bar).
  const pinned = new Set(Object.keys({ ...(view.filter ?? {}), ...node.filter }));
  const dimensions = metric
    ? offeredSplitDimensions(metric.dimensions).filter((d) => !pinned.has(d))
    : [];
  const isActivityMetric = metric
    ? metricSourcesOf(metric.definition, lookup).includes('activities')
    : false;
  const contactDimensions = CONTACT_DIMENSIONS.filter((d) => dimensions.includes(d));
  const [chosen, setChosen] = useState<SplitDimension>('source');
  const contactDimension = contactDimensions.includes(chosen) ? chosen : contactDimensions[0];

  if (!metric) return null;
  return (
    <>
      {isActivityMetric && dimensions.includes('channel') ? (
        <div className="node-chart" data-testid="node-channel-chart">
          <div className="node-chart__head">
            <h4 className="panel__subtitle" id={`${id}-channel`}>
              By channel
            </h4>
            <span className="node-chart__caption">{view.period.label}</span>
          </div>
          <NodeSplit node={node} view={view} dimension="channel" as="bars" numeratorName={null} />
        </div>
      ) : null}
      {contactDimension ? (
        <div className="node-chart" data-testid="node-split-chart">
          <div className="node-chart__head">
            <label className="panel__subtitle" htmlFor={`${id}-dimension`}>
              By
            </label>
            <select
              id={`${id}-dimension`}
              className="input node-chart__select"
              value={contactDimension}
              aria-label="Split the node by"
              onChange={(event) => setChosen(event.target.value as SplitDimension)}
            >
              {contactDimensions.map((dimension) => (
                <option key={dimension} value={dimension}>
                  {SPLIT_DIMENSION_LABELS[dimension]}
                </option>
              ))}
            </select>
            <span className="node-chart__caption">{view.period.label}</span>
          </div>
          <NodeSplit
            node={node}
            view={view}
            dimension={contactDimension}
            as="pie"
            numeratorName={
              metric.definition.type === 'ratio'
                ? (catalog.get(metric.definition.numerator)?.name ?? null)
                : null
            }
          />
        </div>
      ) : null}
    </>
  );
}

function NodeSplit({
  node,
  view,
  dimension,
  as,
  numeratorName,
}: {
  node: NodeView;
  view: TreeView;
  dimension: SplitDimension;
  as: 'bars' | 'pie';
  numeratorName: string | null;
}) {
  const filter = { ...(view.filter ?? {}), ...node.filter };
  const query = {
    // The focus period and the one before it (the split's growth column), whatever period
    // the tree compares with.
    from: node.series.at(-2)?.periodStart ?? view.previousPeriod.start,
    to: view.period.end,
    grain: view.period.grain,
    filter,
    split: dimension,
  };
  // Re-read after a save (a new version) and after new data (invalidated by the live
  // stream); the old split stays, dimmed, until then.
  const kept = resourceOf(
    useQuery(
      metricSeriesQuery(node.metricKey, { node: query, version: view.tree.version }, () => query),
    ),
  );
  const split =
    kept.status === 'success' && kept.data.splitBy !== dimension
      ? { status: 'loading' as const }
      : kept;
  if (split.status === 'loading') {
    return (
      <div role="status">
        <span className="visually-hidden">Loading the split…</span>
        <SkeletonLine width="100%" height={80} />
      </div>
    );
  }
  if (split.status === 'error') {
    return <p className="node-chart__empty">{split.problem.detail ?? split.problem.title}</p>;
  }
  const table = splitTable(split.data);
  if (table.rows.length === 0 || table.rows.every((row) => row.amount === null)) {
    return (
      <p className="node-chart__empty">
        {NO_DATA} by {SPLIT_DIMENSION_LABELS[dimension].toLowerCase()} in {view.period.label}
      </p>
    );
  }
  if (as === 'pie' && table.pieBasis && table.slices.length > 0) {
    return (
      <SplitFigure
        label={`${node.label} by ${SPLIT_DIMENSION_LABELS[dimension].toLowerCase()}`}
        table={table}
        unit={node.unit}
        refreshing={kept.refreshing}
      >
        <LazySplitPieChart slices={table.slices} size={140} />
        {table.pieBasis === 'numerator' ? (
          <p className="node-chart__caption">
            Shares of {numeratorName ? numeratorName.toLowerCase() : 'the numerator'}
          </p>
        ) : null}
      </SplitFigure>
    );
  }
  return (
    <SplitFigure
      label={`${node.label} by ${SPLIT_DIMENSION_LABELS[dimension].toLowerCase()}`}
      table={table}
      unit={node.unit}
      legend={false}
      refreshing={kept.refreshing}
    >
      <LazySplitBarChart rows={table.rows} unit={node.unit} labelWidth={84} />
    </SplitFigure>
  );
}

function SplitFigure({
  label,
  table,
  unit,
  legend = true,
  refreshing,
  children,
}: {
  refreshing: boolean;
  label: string;
  table: SplitTable;
  unit: MetricUnit;
  legend?: boolean;
  children: ReactNode;
}) {
  const shares = new Map(table.slices.map((slice) => [slice.value, slice.share]));
  return (
    <figure className={`panel__chart${refreshing ? ' is-refreshing' : ''}`}>
      <figcaption className="visually-hidden">{label}</figcaption>
      <div aria-hidden="true">{children}</div>
      {legend ? (
        <ul className="node-chart__legend">
          {table.slices.map((slice) => (
            <li key={slice.value ?? '∅'}>
              <span
                className="node-chart__swatch"
                style={{ background: splitColour(slice.rowIndex) }}
              />
              <span>{slice.label}</span>
              <span className="node-chart__legend-value">
                {share.format((shares.get(slice.value) ?? 0) / 100)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <SplitValues table={table} unit={unit} />
      )}
    </figure>
  );
}

/** The bars' numbers, for screen readers (the chart itself is hidden from them). */
function SplitValues({ table, unit }: { table: SplitTable; unit: MetricUnit }) {
  return (
    <ul className="visually-hidden">
      {table.rows.map((row) => (
        <li key={row.value ?? '∅'}>
          {row.label}: {formatMetricValue(row.amount, unit)}
        </li>
      ))}
    </ul>
  );
}

/** The link from the panel to the metric's own page. */
export function OpenMetricPageLink({ metricKey }: { metricKey: string }) {
  return (
    <Link
      className="node-chart__link"
      href={paths.metric(metricKey)}
      data-testid="node-metric-page"
    >
      <ChartLine aria-hidden size={13} />
      Open metric page
    </Link>
  );
}
