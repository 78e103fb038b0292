/**
 * An alert in words (docs/product.md §5): what moved and by how much, against which
 * baseline, why it counts as a movement (the z-score, the interval), which branch caused it
 * and its share of the change, and the tree-wide filter if any.
 */
import type { DimensionFilter, MetricUnit } from '../metrics/metric-definition';
import type { LoadedTree } from '../trees/loaded-tree';
import type { PlannedAlert } from './plan-tree-alerts';

export interface DescribeAlertInput {
  tree: Pick<LoadedTree, 'nodes' | 'assignments'>;
  alert: PlannedAlert;
  /** The period's label, e.g. "W47 2026". */
  periodLabel: string;
  /** The grain, for "the last 13 weeks". */
  grain: 'week' | 'month';
  filter?: DimensionFilter;
}

export interface AlertText {
  title: string;
  summary: string;
}

/**
 * Formats a value in its unit: percent metrics are proportions shown in percent.
 *
 * @example formatMetricValue(0.1234, 'percent') // "12.3%"
 */
export function formatMetricValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'count':
      return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : trim(value, 1);
    case 'hours':
      return `${trim(value, 1)} h`;
    case 'duration':
      return `${trim(value / 3600, 1)} h`;
    case 'ratio':
      return trim(value, 2);
  }
}

const trim = (value: number, digits: number) => Number(value.toFixed(digits)).toString();

/**
 * @example
 * describeAlert({ tree, alert, periodLabel: 'W47 2026', grain: 'week' }).title;
 * // "Activity volume per contact fell 18% in W47 2026"
 */
export function describeAlert(input: DescribeAlertInput): AlertText {
  const { tree, alert } = input;
  const node = tree.nodes.find((n) => n.id === alert.nodeId)!;
  const d = alert.detection;
  const unit = node.metric.unit;
  const verb = alert.direction === 'up' ? 'rose' : 'fell';
  const pct = d.changePct === null ? '' : ` ${Math.abs(d.changePct).toFixed(0)}%`;
  const title = `${node.label} ${verb}${pct} in ${input.periodLabel}`;

  const parts: string[] = [];
  const baseline = d.baseline!;
  const grainWord = input.grain === 'week' ? 'weeks' : 'months';
  parts.push(
    `${node.label} was ${formatMetricValue(d.value!, unit)} in ${input.periodLabel}, against a baseline of ${formatMetricValue(baseline.median, unit)} (the median of the last ${baseline.periods} ${grainWord})${d.changePct === null ? '' : `: ${d.changePct > 0 ? '+' : ''}${d.changePct.toFixed(1)}%`}.`,
  );
  const why =
    d.test === 'spike'
      ? `A robust z-score of ${d.z!.toFixed(1)} (its usual spread is ±${formatMetricValue(baseline.scale, unit)})`
      : `A sustained drift (cumulative sum of z-scores past its limit; z ${d.z!.toFixed(1)} this period)`;
  const interval = d.ratio?.interval
    ? `, and its 95% interval ${formatMetricValue(d.ratio.interval[0], unit)}–${formatMetricValue(d.ratio.interval[1], unit)} excludes the baseline rate of ${formatMetricValue(d.ratio.baselineRate!, unit)}`
    : '';
  parts.push(`${why}${interval}.`);
  const routed = alert.route.path.at(-1)!;
  if (routed.nodeId !== alert.nodeId) {
    const branch = tree.nodes.find((n) => n.id === routed.nodeId)!;
    parts.push(
      `${branch.label} explains ${(routed.cumulativeShare * 100).toFixed(0)}% of the change${
        alert.route.path.length > 2
          ? ` (through ${alert.route.path
              .slice(1, -1)
              .map((s) => tree.nodes.find((n) => n.id === s.nodeId)!.label)
              .join(' → ')})`
          : ''
      }.`,
    );
  } else {
    parts.push(`No single branch below explains most of it (${alert.route.stop}).`);
  }
  const owner = tree.assignments.find(
    (a) => a.nodeId === routed.nodeId && a.role === 'accountable',
  );
  if (owner) parts.push(`Accountable: ${owner.personName}.`);
  const filter = Object.entries(input.filter ?? {});
  if (filter.length > 0) {
    parts.push(`Tree filter: ${filter.map(([k, v]) => `${k} = ${v}`).join(', ')}.`);
  }
  return { title, summary: parts.join(' ') };
}
