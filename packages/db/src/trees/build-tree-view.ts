/**
 * Builds the canvas view of a tree: each node's value for the focus period (the last
 * complete one unless another is asked for) and a series of the periods before it, the
 * change against the comparison period (the one before, or the same period a year
 * earlier), each child's contribution to its parent's change, and the residual "other"
 * where children do not add up. All nodes are evaluated together by the metric engine
 * (one grouped scan per source); a node whose metric cannot be evaluated carries its error
 * while the rest of the tree still gets values.
 */
import {
  attributeChange,
  BUILT_IN_METRICS,
  bandStatus,
  benchmarkBand,
  benchmarkMotionByKey,
  type ChangeInput,
  type CompareMode,
  comparisonPeriod,
  type DimensionFilter,
  DomainError,
  type EdgeView,
  focusPeriod,
  type Grain,
  isDomainError,
  lastCompletePeriod,
  metricCatalog,
  type NodeBandView,
  type NodeView,
  outboundWindow,
  type Period,
  type PeriodOptions,
  parseFormula,
  parseLocalDate,
  periodsBetween,
  periodsEndingWith,
  previousPeriod,
  type SegmentValue,
  type TreeView,
  toPeriodView,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import { evaluateMetricSeriesSettled } from '../metrics/evaluate-metric-series';
import type { Database, Workspace } from '../schema/database';
import { type LoadedTree, loadTree } from './tree.repository';

export interface TreeViewOptions {
  grain: Grain;
  /** How many complete periods the series holds, ending with the focus period. */
  periods?: number;
  /**
   * The focus period: the one holding this local date (YYYY-MM-DD, workspace zone). Default
   * and ceiling: the last complete period (a date in the current period or later shows it).
   * A malformed date is a DomainError ('invalid_date'). Ignored with `range`.
   */
  at?: string;
  /**
   * What the focus period's change is measured against: the period before (default) or the
   * same period a year earlier. Ignored with `range`, which compares its last two periods.
   */
  compare?: CompareMode;
  /**
   * Evaluate every period of `grain` overlapping [from, to) instead (the last one may be
   * "to date"); a range of one period gets the period before it too, for the change.
   * More than 1000 periods is a DomainError ('too_many_periods').
   */
  range?: { from: string; to: string };
  /** The clock; the current, unfinished period is excluded from the comparison. */
  now?: Date;
  /**
   * Narrows every node (team, segment, source…); a node's own filter wins on the same
   * dimension (a channel node keeps its channel).
   */
  filter?: DimensionFilter;
  /** Read the activity rollup where it is current (default true; the values are the same). */
  useRollups?: boolean;
}

/** A node's evaluated series (all null when it could not be evaluated). */
interface NodeSeries {
  values: Array<number | null>;
  numerators: Array<number | null> | null;
  denominators: Array<number | null> | null;
  error: { code: string; message: string } | null;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

/**
 * The periods to evaluate for a series of `count` ending with the focus period, and the
 * comparison period: one contiguous run from the earlier of the series' start and the
 * comparison period up to the focus, so one grouped evaluation covers them all.
 */
function seriesPeriods(
  focus: Period,
  count: number,
  compare: CompareMode,
  options: PeriodOptions,
): { periods: Period[]; seriesFrom: number; comparisonIndex: number } {
  const series = periodsEndingWith(focus, count, options);
  const comparison = comparisonPeriod(focus, compare, options);
  const first =
    Date.parse(comparison.start) < Date.parse(series[0]!.start) ? comparison : series[0]!;
  const periods = periodsBetween(first.start, focus.end, focus.grain, options);
  return {
    periods,
    seriesFrom: periods.length - series.length,
    comparisonIndex: periods.findIndex((period) => period.start === comparison.start),
  };
}

function rangePeriods(
  range: { from: string; to: string },
  grain: Grain,
  options: PeriodOptions,
): Period[] {
  const periods = periodsBetween(range.from, range.to, grain, options);
  const first = periods[0];
  if (!first) {
    throw new DomainError('invalid_range', `the range ${range.from} – ${range.to} is empty`, {
      from: range.from,
      to: range.to,
    });
  }
  return periods.length === 1 ? [previousPeriod(first, options), first] : periods;
}

const isClose = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The tree with live values, or null when the workspace has no such tree.
 * @example const view = await buildTreeView(db, workspace, treeId, { grain: 'month' });
 */
export async function buildTreeView(
  db: Kysely<Database>,
  workspace: Workspace,
  treeId: string,
  options: TreeViewOptions,
): Promise<TreeView | null> {
  const tree = await loadTree(db, workspace.id, treeId);
  if (!tree) return null;
  const periodOptions: PeriodOptions = {
    timeZone: workspace.time_zone,
    weekStart: workspace.week_start,
    fiscalYearStartMonth: workspace.fiscal_year_start_month,
  };
  const now = options.now ?? new Date();
  const compare: CompareMode = options.range ? 'previous' : (options.compare ?? 'previous');
  let periods: Period[];
  let seriesFrom = 0;
  let before: number;
  if (options.range) {
    periods = rangePeriods(options.range, options.grain, periodOptions);
    before = periods.length - 2;
  } else {
    const at = options.at === undefined ? null : parseLocalDate(options.at);
    if (options.at !== undefined && !at) {
      throw new DomainError(
        'invalid_date',
        `at: '${options.at}' is not a date; write it like 2026-03-01 (YYYY-MM-DD)`,
        { at: options.at },
      );
    }
    const focus = focusPeriod(at, options.grain, now, periodOptions);
    const count = Math.max(2, options.periods ?? 6);
    ({
      periods,
      seriesFrom,
      comparisonIndex: before,
    } = seriesPeriods(focus, count, compare, periodOptions));
  }

  const catalog = metricCatalog(BUILT_IN_METRICS, tree.metricsByKey.values());
  const treeFilter = options.filter ?? {};
  const requestOf = (node: LoadedTree['nodes'][number]) => ({
    metricKey: node.metric.key,
    filter: { ...treeFilter, ...node.filter },
  });
  const useRollups = options.useRollups ?? true;
  const outcomes = await evaluateMetricSeriesSettled(db, workspace, {
    periods,
    requests: tree.nodes.map(requestOf),
    catalog,
    useRollups,
  });
  const seriesByNode = new Map<string, NodeSeries>(
    tree.nodes.map((node, index) => {
      const outcome = outcomes[index]!;
      return [
        node.id,
        outcome.ok
          ? { ...outcome.series, error: null }
          : {
              values: periods.map(() => null),
              numerators: null,
              denominators: null,
              error: { code: outcome.error.code, message: outcome.error.message },
            },
      ];
    }),
  );

  const owners = (nodeId: string) => tree.assignments.filter((a) => a.nodeId === nodeId);
  // The focus period is the last one evaluated; `before` is the comparison period's index.
  const last = periods.length - 1;
  const series = periods.slice(seriesFrom);
  const bands = await evaluateBands(db, workspace, tree, periods[last]!, seriesByNode, last, {
    catalog,
    requestOf,
    useRollups,
  });
  const nodes: NodeView[] = tree.nodes.map((node) => {
    const { values, numerators, denominators, error } = seriesByNode.get(node.id)!;
    const value = values[last] ?? null;
    const previousValue = values[before] ?? null;
    const accountable = owners(node.id).find((a) => a.role === 'accountable');
    return {
      id: node.id,
      label: node.label,
      metricKey: node.metric.key,
      metricName: node.metric.name,
      unit: node.metric.unit,
      direction: node.metric.direction,
      kind: node.metric.kind,
      filter: node.filter,
      position: node.position,
      value,
      previousValue,
      numerator: numerators ? (numerators[last] ?? null) : null,
      denominator: denominators ? (denominators[last] ?? null) : null,
      change:
        value === null || previousValue === null
          ? null
          : {
              absolute: value - previousValue,
              percent:
                previousValue === 0
                  ? null
                  : ((value - previousValue) / Math.abs(previousValue)) * 100,
            },
      series: series.map((period, i) => ({
        periodStart: period.start,
        label: toPeriodView(period, periodOptions, now).label,
        value: values[seriesFrom + i] ?? null,
      })),
      accountable: accountable
        ? {
            id: accountable.personId,
            name: accountable.personName,
            initials: initials(accountable.personName),
          }
        : null,
      responsibleCount: owners(node.id).filter((a) => a.role === 'responsible').length,
      error,
      band: bands.get(node.id) ?? null,
    };
  });

  const contributions = edgeContributions(tree, seriesByNode, before, last);
  const edges: EdgeView[] = tree.edges.map((edge) => ({
    id: edge.id,
    source: edge.parentNodeId,
    target: edge.childNodeId,
    relation: edge.relation,
    role: edge.role,
    exponent: edge.exponent === -1 ? -1 : 1,
    contribution: contributions.get(edge.id) ?? null,
  }));

  const residuals = treeResiduals(tree, seriesByNode, last);

  return {
    tree: {
      id: tree.id,
      name: tree.name,
      description: tree.description,
      version: tree.version,
      templateKey: tree.templateKey,
    },
    workspace: { id: workspace.id, name: workspace.name, timeZone: workspace.time_zone },
    period: toPeriodView(periods[last]!, periodOptions, now),
    previousPeriod: toPeriodView(periods[before]!, periodOptions, now),
    compare,
    latestPeriod: toPeriodView(
      lastCompletePeriod(now, options.grain, periodOptions),
      periodOptions,
      now,
    ),
    ...(Object.keys(treeFilter).length > 0 ? { filter: treeFilter } : {}),
    nodes,
    edges,
    residuals,
  };
}

/**
 * Where a node's children do not give back its value in the last period, the gap, per
 * arithmetic relation: sum → parent − Σ children (a channel with no node); segments →
 * parent − Σ numerator_g ÷ the parent's denominator (segments that do not cover every row);
 * product → parent − Π children^±1; ratio → parent − numerator ÷ denominator. Products and
 * ratios that validation accepted hold exactly, so they only show here when the data or a
 * metric changed under the tree. Formula and driver links have no residual.
 */
function treeResiduals(
  tree: LoadedTree,
  seriesByNode: ReadonlyMap<string, NodeSeries>,
  last: number,
): TreeView['residuals'] {
  const residuals: TreeView['residuals'] = [];
  const groups = new Map<string, TreeEdge[]>();
  for (const edge of tree.edges) {
    const key = `${edge.parentNodeId}|${edge.relation}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  const value = (nodeId: string) => seriesByNode.get(nodeId)?.values[last] ?? null;
  for (const edges of groups.values()) {
    const parentId = edges[0]!.parentNodeId;
    const parent = value(parentId);
    if (parent === null) continue;
    const children = edges.map((edge) => value(edge.childNodeId));
    if (children.some((v) => v === null)) continue;
    let implied: number | null = null;
    switch (edges[0]!.relation) {
      case 'sum':
        implied = children.reduce<number>((total, v) => total + v!, 0);
        break;
      case 'product':
        implied = edges.reduce(
          (product, edge, i) => product * (edge.exponent === -1 ? 1 / children[i]! : children[i]!),
          1,
        );
        break;
      case 'ratio': {
        const numerator = edges.findIndex((edge) => edge.role === 'numerator');
        const denominator = edges.findIndex((edge) => edge.role === 'denominator');
        if (edges.length === 2 && numerator >= 0 && denominator >= 0) {
          implied = children[numerator]! / children[denominator]!;
        }
        break;
      }
      case 'segments': {
        const total = seriesByNode.get(parentId)?.denominators?.[last] ?? null;
        const numerators = edges.map((edge) => {
          const series = seriesByNode.get(edge.childNodeId);
          return series?.numerators?.[last] ?? null;
        });
        if (total !== null && total !== 0 && numerators.every((n) => n !== null)) {
          implied = numerators.reduce<number>((sum, n) => sum + n!, 0) / total;
        }
        break;
      }
      default:
        break;
    }
    if (implied === null || !Number.isFinite(implied)) continue;
    if (!isClose(parent, implied)) {
      residuals.push({ nodeId: parentId, value: parent - implied, relation: edges[0]!.relation });
    }
  }
  return residuals;
}

/**
 * Each banded node's band and status: a target judges the last period's value; a benchmark
 * judges touches per contact over the tree's outbound window ending where the last period
 * ends (one more grouped evaluation for all benchmark nodes), never a weekly value.
 */
async function evaluateBands(
  db: Kysely<Database>,
  workspace: Workspace,
  tree: LoadedTree,
  lastPeriod: Period,
  seriesByNode: ReadonlyMap<string, NodeSeries>,
  last: number,
  context: {
    catalog: ReturnType<typeof metricCatalog>;
    requestOf: (node: LoadedTree['nodes'][number]) => {
      metricKey: string;
      filter: DimensionFilter;
    };
    useRollups: boolean;
  },
): Promise<Map<string, NodeBandView>> {
  const bands = new Map<string, NodeBandView>();
  for (const node of tree.nodes) {
    if (node.band?.kind !== 'target') continue;
    const value = seriesByNode.get(node.id)?.values[last] ?? null;
    const band = { min: node.band.min, max: node.band.max };
    bands.set(node.id, {
      kind: 'target',
      ...band,
      motion: null,
      value,
      window: null,
      status: bandStatus(band, value),
    });
  }
  const benchmarked = tree.nodes.filter((node) => node.band?.kind === 'benchmark');
  if (benchmarked.length === 0) return bands;
  const motion = tree.motion === null ? undefined : benchmarkMotionByKey(tree.motion);
  if (!motion) {
    for (const node of benchmarked) {
      bands.set(node.id, {
        kind: 'benchmark',
        min: null,
        max: null,
        motion: null,
        value: null,
        window: null,
        status: null,
      });
    }
    return bands;
  }
  const window = outboundWindow(lastPeriod.end, tree.outboundWindowDays, {
    timeZone: workspace.time_zone,
  });
  const outcomes = await evaluateMetricSeriesSettled(db, workspace, {
    periods: [window],
    requests: benchmarked.map(context.requestOf),
    catalog: context.catalog,
    useRollups: context.useRollups,
  });
  const band = benchmarkBand(motion);
  benchmarked.forEach((node, index) => {
    const outcome = outcomes[index]!;
    const value = outcome.ok ? (outcome.series.values[0] ?? null) : null;
    bands.set(node.id, {
      kind: 'benchmark',
      ...band,
      motion: motion.name,
      value,
      window: { start: window.start, end: window.end, days: tree.outboundWindowDays },
      status: bandStatus(band, value),
    });
  });
  return bands;
}

type TreeEdge = LoadedTree['edges'][number];

/**
 * Each edge's share of its parent's change between two periods (the comparison period
 * `before` and the focus period `after`, indices into the series), by
 * the relation on the parent's edges (core's attributeChange): sum → the child's change;
 * product → LMDI (Shapley at values ≤ 0); ratio → numerator and denominator effects;
 * segments → Kitagawa rate + mix, with each child's denominator as its segment size;
 * formula → Shapley over the parent's formula, children matched by metric key. null where
 * the data do not allow it (a value missing, a zero divisor, children that do not fit the
 * relation) and for driver links, which are not arithmetic.
 */
function edgeContributions(
  tree: LoadedTree,
  seriesByNode: ReadonlyMap<string, NodeSeries>,
  before: number,
  after: number,
): Map<string, number | null> {
  const contributions = new Map<string, number | null>();
  const at = (nodeId: string, period: number) => seriesByNode.get(nodeId)?.values[period] ?? null;
  const groups = new Map<string, TreeEdge[]>();
  for (const edge of tree.edges) {
    const key = `${edge.parentNodeId}|${edge.relation}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  for (const edges of groups.values()) {
    const relation = edges[0]!.relation;
    if (relation === 'driver') continue;
    if (relation === 'sum') {
      // A child's change is its contribution, even where the children do not add up to the
      // parent (the gap shows as the residual "other").
      for (const edge of edges) {
        const from = at(edge.childNodeId, before);
        const to = at(edge.childNodeId, after);
        contributions.set(edge.id, from === null || to === null ? null : to - from);
      }
      continue;
    }
    const input = changeInput(relation, edges, tree, seriesByNode, before, after);
    if (!input) continue;
    try {
      const attribution = attributeChange(input.change);
      for (const edge of edges) {
        contributions.set(edge.id, attribution.contributions[input.keyOf(edge)] ?? null);
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  return contributions;
}

function changeInput(
  relation: Exclude<TreeEdge['relation'], 'sum' | 'driver'>,
  edges: TreeEdge[],
  tree: LoadedTree,
  seriesByNode: ReadonlyMap<string, NodeSeries>,
  beforeIndex: number,
  afterIndex: number,
): { change: ChangeInput; keyOf: (edge: TreeEdge) => string } | null {
  const valuesAt = (period: number, keyOf: (edge: TreeEdge) => string) => {
    const values: Record<string, number> = {};
    for (const edge of edges) {
      const value = seriesByNode.get(edge.childNodeId)?.values[period] ?? null;
      if (value === null) return null;
      values[keyOf(edge)] = value;
    }
    return values;
  };
  const byEdge = (edge: TreeEdge) => edge.id;
  switch (relation) {
    case 'product': {
      const before = valuesAt(beforeIndex, byEdge);
      const after = valuesAt(afterIndex, byEdge);
      if (!before || !after) return null;
      const exponents = Object.fromEntries(
        edges.map((edge) => [edge.id, edge.exponent === -1 ? -1 : 1] as const),
      );
      return { change: { relation, before, after, exponents }, keyOf: byEdge };
    }
    case 'ratio': {
      const numerator = edges.filter((edge) => edge.role === 'numerator');
      const denominator = edges.filter((edge) => edge.role === 'denominator');
      if (numerator.length !== 1 || denominator.length !== 1 || edges.length !== 2) return null;
      const before = valuesAt(beforeIndex, byEdge);
      const after = valuesAt(afterIndex, byEdge);
      if (!before || !after) return null;
      return {
        change: {
          relation,
          numerator: numerator[0]!.id,
          denominator: denominator[0]!.id,
          before,
          after,
        },
        keyOf: byEdge,
      };
    }
    case 'segments': {
      const segmentsAt = (period: number) => {
        const segments: Record<string, SegmentValue> = {};
        for (const edge of edges) {
          const series = seriesByNode.get(edge.childNodeId);
          const n = series?.denominators?.[period] ?? null;
          if (n === null) return null;
          segments[edge.id] = { n, rate: series?.values[period] ?? null };
        }
        return segments;
      };
      const before = segmentsAt(beforeIndex);
      const after = segmentsAt(afterIndex);
      if (!before || !after) return null;
      return { change: { relation, before, after }, keyOf: byEdge };
    }
    case 'formula': {
      const parent = tree.nodes.find((node) => node.id === edges[0]!.parentNodeId);
      const definition = parent?.metric.definition;
      if (definition?.type !== 'formula') return null;
      const metricKeyOf = (edge: TreeEdge) =>
        tree.nodes.find((node) => node.id === edge.childNodeId)?.metric.key ?? edge.id;
      if (new Set(edges.map(metricKeyOf)).size !== edges.length) return null;
      let formula: ReturnType<typeof parseFormula>;
      try {
        formula = parseFormula(definition.expression);
      } catch {
        return null;
      }
      const before = valuesAt(beforeIndex, metricKeyOf);
      const after = valuesAt(afterIndex, metricKeyOf);
      if (!before || !after) return null;
      return { change: { relation, before, after, formula }, keyOf: metricKeyOf };
    }
  }
}
