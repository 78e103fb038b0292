/**
 * What a tree view is computed from: each node's metric request (its metric under the
 * tree-wide filter and its own), the catalog those are planned against, and each node's
 * evaluated series (or the error that kept it from being evaluated).
 */
import { BUILT_IN_METRICS } from '../metrics/built-in-metrics';
import { type MetricCatalog, metricCatalog } from '../metrics/metric-catalog';
import type { DimensionFilter } from '../metrics/metric-definition';
import type { MetricSeriesOutcome } from '../metrics/metric-series';
import type { MetricRequest } from '../metrics/plan-metric-request';
import type { LoadedNode, LoadedTree } from './loaded-tree';

/** A node's evaluated series (all null when it could not be evaluated). */
export interface NodeSeries {
  values: Array<number | null>;
  numerators: Array<number | null> | null;
  denominators: Array<number | null> | null;
  error: { code: string; message: string } | null;
}

/**
 * The built-in catalog overlaid by the tree's workspace metrics.
 *
 * @example planMetricRequest(treeMetricCatalog(tree), treeNodeRequest(tree.nodes[0], {}))
 */
export function treeMetricCatalog(tree: LoadedTree): MetricCatalog {
  return metricCatalog(BUILT_IN_METRICS, tree.metricsByKey.values());
}

/**
 * A node's metric under the tree-wide filter; the node's own filter wins on the same
 * dimension (a channel node keeps its channel).
 *
 * @example treeNodeRequest(callsNode, { channel: 'email', team: 'A' }) // { metricKey: 'activities_total', filter: { channel: 'call', team: 'A' } }
 */
export function treeNodeRequest(node: LoadedNode, treeFilter: DimensionFilter): MetricRequest {
  return { metricKey: node.metric.key, filter: { ...treeFilter, ...node.filter } };
}

/**
 * Each node's series from the engine's outcome for its request (same order as `nodes`);
 * a node whose request failed gets "no data" in each of `periodCount` periods and the error.
 *
 * @example nodeSeriesFromOutcomes(tree.nodes, outcomes, periods.length).get(nodeId)?.values
 */
export function nodeSeriesFromOutcomes(
  nodes: readonly LoadedNode[],
  outcomes: readonly MetricSeriesOutcome[],
  periodCount: number,
): Map<string, NodeSeries> {
  return new Map(
    nodes.map((node, index) => {
      const outcome = outcomes[index]!;
      const series: NodeSeries = outcome.ok
        ? {
            values: outcome.series.values,
            numerators: outcome.series.numerators,
            denominators: outcome.series.denominators,
            error: null,
          }
        : {
            values: Array.from({ length: periodCount }, () => null),
            numerators: null,
            denominators: null,
            error: { code: outcome.error.code, message: outcome.error.message },
          };
      return [node.id, series];
    }),
  );
}
