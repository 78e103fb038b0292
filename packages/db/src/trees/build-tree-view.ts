/**
 * Builds the canvas view of a tree: each node's value for the last complete period and a
 * series of the periods before it, the change, each child's contribution to its parent's
 * change, and the residual "other" where children do not add up. All nodes' aggregates
 * come from one grouped scan (see activity-aggregates).
 */
import {
  type DimensionFilter,
  DomainError,
  isDomainError,
  type EdgeView,
  type Grain,
  type MetricDefinition,
  type NodeView,
  type Period,
  type PeriodOptions,
  periodContaining,
  previousPeriod,
  type TreeView,
  toPeriodView,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import { type ActivityAggregate, activityAggregates, aggregateKey } from '../metrics/activity-aggregates';
import type { Database, Workspace } from '../schema/database';
import { type LoadedNode, type LoadedTree, loadTree } from './tree.repository';

export interface TreeViewOptions {
  grain: Grain;
  /** How many complete periods the series holds, ending with the last complete one. */
  periods?: number;
  /** The clock; the current, unfinished period is excluded from the comparison. */
  now?: Date;
}

type NodePlan =
  | { kind: 'aggregate'; aggregate: ActivityAggregate }
  | { kind: 'ratio'; numerator: ActivityAggregate; denominator: ActivityAggregate }
  | { kind: 'error'; code: string; message: string };

function toAggregate(definition: MetricDefinition, filter: DimensionFilter, metricKey: string): ActivityAggregate {
  if (definition.type !== 'count' && definition.type !== 'count_distinct') {
    throw new DomainError('unsupported_metric', `metric ${metricKey}: ${definition.type} metrics cannot be evaluated yet`);
  }
  if (definition.source !== 'activities') {
    throw new DomainError('unsupported_metric', `metric ${metricKey}: source ${definition.source} cannot be evaluated yet`);
  }
  const merged = { ...(definition.filter ?? {}), ...filter };
  if (definition.type === 'count') return { type: 'count', filter: merged };
  if (definition.column !== 'contact_id' && definition.column !== 'rep_id') {
    throw new DomainError('unsupported_metric', `metric ${metricKey}: cannot count distinct ${definition.column}`);
  }
  return { type: 'count_distinct', column: definition.column, filter: merged };
}

function planNode(node: LoadedNode, tree: LoadedTree): NodePlan {
  try {
    const { definition, key } = node.metric;
    if (definition.type !== 'ratio') return { kind: 'aggregate', aggregate: toAggregate(definition, node.filter, key) };
    const numerator = tree.metricsByKey.get(definition.numerator);
    const denominator = tree.metricsByKey.get(definition.denominator);
    if (!numerator || !denominator) {
      throw new DomainError('unknown_metric', `metric ${key} refers to a metric that does not exist`);
    }
    const ignored = new Set(definition.denominatorIgnores ?? []);
    const denominatorFilter = Object.fromEntries(Object.entries(node.filter).filter(([d]) => !ignored.has(d)));
    return {
      kind: 'ratio',
      numerator: toAggregate(numerator.definition, node.filter, numerator.key),
      denominator: toAggregate(denominator.definition, denominatorFilter, denominator.key),
    };
  } catch (error) {
    if (isDomainError(error)) return { kind: 'error', code: error.code, message: error.message };
    throw error;
  }
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

function lastPeriods(now: Date, grain: Grain, count: number, options: PeriodOptions): Period[] {
  const periods: Period[] = [];
  let period = previousPeriod(periodContaining(now, grain, options), options);
  for (let i = 0; i < count; i++) {
    periods.unshift(period);
    period = previousPeriod(period, options);
  }
  return periods;
}

const isClose = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

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
  const periods = lastPeriods(now, options.grain, Math.max(2, options.periods ?? 6), periodOptions);
  const boundaries = [...periods.map((p) => p.start), periods.at(-1)!.end];

  const plans = new Map(tree.nodes.map((node) => [node.id, planNode(node, tree)]));
  const aggregates = new Map<string, ActivityAggregate>();
  for (const plan of plans.values()) {
    const used = plan.kind === 'aggregate' ? [plan.aggregate] : plan.kind === 'ratio' ? [plan.numerator, plan.denominator] : [];
    for (const aggregate of used) aggregates.set(aggregateKey(aggregate), aggregate);
  }
  const keys = [...aggregates.keys()];
  const results = await activityAggregates(db, {
    workspaceId: workspace.id,
    countingPolicy: workspace.counting_policy,
    boundaries,
    aggregates: [...aggregates.values()],
  });
  const seriesOf = (aggregate: ActivityAggregate) => results[keys.indexOf(aggregateKey(aggregate))]!;

  const owners = (nodeId: string) => tree.assignments.filter((a) => a.nodeId === nodeId);
  const last = periods.length - 1;
  const nodes: NodeView[] = tree.nodes.map((node) => {
    const plan = plans.get(node.id)!;
    let values: Array<number | null> = periods.map(() => null);
    let numerators: Array<number | null> = values;
    let denominators: Array<number | null> = values;
    if (plan.kind === 'aggregate') {
      values = seriesOf(plan.aggregate);
    } else if (plan.kind === 'ratio') {
      numerators = seriesOf(plan.numerator);
      denominators = seriesOf(plan.denominator);
      values = numerators.map((n, i) => (n === null || !denominators[i] ? null : n / denominators[i]!));
    }
    const value = values[last] ?? null;
    const previousValue = values[last - 1] ?? null;
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
      numerator: plan.kind === 'ratio' ? (numerators[last] ?? null) : null,
      denominator: plan.kind === 'ratio' ? (denominators[last] ?? null) : null,
      change:
        value === null || previousValue === null
          ? null
          : {
              absolute: value - previousValue,
              percent: previousValue === 0 ? null : ((value - previousValue) / Math.abs(previousValue)) * 100,
            },
      series: periods.map((period, i) => ({
        periodStart: period.start,
        label: toPeriodView(period, periodOptions, now).label,
        value: values[i] ?? null,
      })),
      accountable: accountable
        ? { id: accountable.personId, name: accountable.personName, initials: initials(accountable.personName) }
        : null,
      responsibleCount: owners(node.id).filter((a) => a.role === 'responsible').length,
      error: plan.kind === 'error' ? { code: plan.code, message: plan.message } : null,
    };
  });

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: EdgeView[] = tree.edges.map((edge) => {
    const child = byId.get(edge.childNodeId);
    // Only `sum` attribution is exact without the attribution engine: a child's Δ is its contribution.
    const contribution = edge.relation === 'sum' && child?.change ? child.change.absolute : null;
    return { id: edge.id, source: edge.parentNodeId, target: edge.childNodeId, relation: edge.relation, contribution };
  });

  const residuals: TreeView['residuals'] = [];
  for (const parent of nodes) {
    const children = tree.edges.filter((e) => e.parentNodeId === parent.id && e.relation === 'sum');
    if (children.length === 0 || parent.value === null) continue;
    const childValues = children.map((e) => byId.get(e.childNodeId)?.value ?? null);
    if (childValues.some((v) => v === null)) continue;
    const sum = childValues.reduce<number>((total, v) => total + (v ?? 0), 0);
    if (!isClose(parent.value, sum)) residuals.push({ nodeId: parent.id, value: parent.value - sum });
  }

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
    previousPeriod: toPeriodView(periods[last - 1]!, periodOptions, now),
    nodes,
    edges,
    residuals,
  };
}
