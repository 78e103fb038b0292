/**
 * The canvas view of a tree from its evaluated series: each node's value for the focus
 * period (the last evaluated) and its series, the change against the comparison period,
 * each child's contribution to its parent's change, the residual "other" where children do
 * not add up, and the bands. Only evaluating the series needs the database (db's
 * buildTreeView); everything here is arithmetic on them.
 */

import type { EdgeView, NodeView, TreeView } from '../contract/trees/tree-view';
import type { DimensionFilter } from '../metrics/metric-definition';
import { lastCompletePeriod } from '../periods/focus-period';
import { toPeriodView } from '../periods/period-view';
import type { PeriodOptions } from '../periods/periods';
import { edgeContributions } from './edge-contributions';
import type { LoadedTree } from './loaded-tree';
import { nodeBands } from './node-bands';
import type { NodeSeries } from './node-series';
import { treeResiduals } from './tree-residuals';
import type { TreeViewPeriods } from './tree-view-periods';

export interface TreeViewInput {
  tree: LoadedTree;
  workspace: { id: string; name: string; timeZone: string };
  periodOptions: PeriodOptions;
  /** What was evaluated (treeViewPeriods): the focus period is the last. */
  periods: TreeViewPeriods;
  /** Each node's series over `periods.periods` (nodeSeriesFromOutcomes). */
  seriesByNode: ReadonlyMap<string, NodeSeries>;
  /** Benchmarked nodes' values over the outbound window (benchmarkEvaluation); else empty. */
  benchmarkValues: ReadonlyMap<string, number | null>;
  /** The tree-wide filter the series were evaluated under ({} for none). */
  filter: DimensionFilter;
  /** The clock: labels "to date" and the latest period the view can show. */
  now: Date;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

/**
 * @example
 * const view = assembleTreeView({ tree, workspace, periodOptions, periods, seriesByNode, benchmarkValues: new Map(), filter: {}, now });
 * view.nodes[0].change; // { absolute: 3, percent: 12.5 }
 */
export function assembleTreeView(input: TreeViewInput): TreeView {
  const { tree, periodOptions, seriesByNode, now } = input;
  const { periods, seriesFrom, comparisonIndex: before } = input.periods;
  const last = periods.length - 1;
  const focus = periods[last]!;
  const series = periods.slice(seriesFrom);
  const owners = (nodeId: string) => tree.assignments.filter((a) => a.nodeId === nodeId);
  const valueAt = (nodeId: string, period: number) =>
    seriesByNode.get(nodeId)?.values[period] ?? null;
  const bands = nodeBands(tree, {
    focus,
    timeZone: input.workspace.timeZone,
    valueOf: (nodeId) => valueAt(nodeId, last),
    benchmarkValues: input.benchmarkValues,
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

  return {
    tree: {
      id: tree.id,
      name: tree.name,
      description: tree.description,
      version: tree.version,
      templateKey: tree.templateKey,
    },
    workspace: {
      id: input.workspace.id,
      name: input.workspace.name,
      timeZone: input.workspace.timeZone,
    },
    period: toPeriodView(focus, periodOptions, now),
    previousPeriod: toPeriodView(periods[before]!, periodOptions, now),
    compare: input.periods.compare,
    latestPeriod: toPeriodView(
      lastCompletePeriod(now, input.periods.grain, periodOptions),
      periodOptions,
      now,
    ),
    ...(Object.keys(input.filter).length > 0 ? { filter: input.filter } : {}),
    nodes,
    edges,
    residuals: treeResiduals(tree, seriesByNode, last),
  };
}
