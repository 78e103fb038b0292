/**
 * Builds the canvas view of a tree: loads it, cuts its periods in the workspace time zone
 * (core's treeViewPeriods), has the metric engine evaluate every node at once (one grouped
 * scan per source) and the benchmarked nodes over the outbound window, and hands the series
 * to core's assembleTreeView for values, changes, contributions, residuals and bands. A node
 * whose metric cannot be evaluated carries its error while the rest of the tree still gets
 * values.
 */
import {
  assembleTreeView,
  benchmarkEvaluation,
  type DimensionFilter,
  nodeSeriesFromOutcomes,
  type PeriodOptions,
  type TreeView,
  type TreeViewPeriodRequest,
  treeMetricCatalog,
  treeNodeRequest,
  treeViewPeriods,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import { evaluateMetricSeriesSettled } from '../metrics/evaluate-metric-series';
import type { Database, Workspace } from '../schema/database';
import { loadTree } from './tree.repository';

export interface TreeViewOptions extends TreeViewPeriodRequest {
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
  const planned = treeViewPeriods(options, now, periodOptions);
  const catalog = treeMetricCatalog(tree);
  const filter = options.filter ?? {};
  const useRollups = options.useRollups ?? true;
  const outcomes = await evaluateMetricSeriesSettled(db, workspace, {
    periods: planned.periods,
    requests: tree.nodes.map((node) => treeNodeRequest(node, filter)),
    catalog,
    useRollups,
  });
  const seriesByNode = nodeSeriesFromOutcomes(tree.nodes, outcomes, planned.periods.length);

  const benchmarkValues = new Map<string, number | null>();
  const benchmark = benchmarkEvaluation(tree, planned.periods.at(-1)!, workspace.time_zone);
  if (benchmark) {
    const windowOutcomes = await evaluateMetricSeriesSettled(db, workspace, {
      periods: [benchmark.window],
      requests: benchmark.nodes.map((node) => treeNodeRequest(node, filter)),
      catalog,
      useRollups,
    });
    benchmark.nodes.forEach((node, index) => {
      const outcome = windowOutcomes[index]!;
      benchmarkValues.set(node.id, outcome.ok ? (outcome.series.values[0] ?? null) : null);
    });
  }

  return assembleTreeView({
    tree,
    workspace: { id: workspace.id, name: workspace.name, timeZone: workspace.time_zone },
    periodOptions,
    periods: planned,
    seriesByNode,
    benchmarkValues,
    filter,
    now,
  });
}
