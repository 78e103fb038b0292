// Hand-made loaded trees and node series for the tree-view tests (no database).

import type { MetricDefinition } from '../metrics/metric-definition';
import type { LoadedEdge, LoadedNode, LoadedTree } from './loaded-tree';
import type { NodeSeries } from './node-series';

/** A node whose metric is `metricKey` (a count unless a definition is given). */
export function loadedNode(
  id: string,
  metricKey: string,
  extra: Partial<LoadedNode> & { definition?: MetricDefinition } = {},
): LoadedNode {
  const { definition, ...rest } = extra;
  return {
    id,
    label: id,
    filter: {},
    position: { x: 0, y: 0 },
    band: null,
    metric: {
      id: `metric-${metricKey}`,
      key: metricKey,
      name: metricKey,
      unit: 'count',
      direction: 'higher_is_better',
      kind: 'input',
      definition: definition ?? { type: 'count', source: 'activities' },
    },
    ...rest,
    alertRule: rest.alertRule ?? null,
  };
}

export function loadedEdge(
  parent: string,
  child: string,
  relation: LoadedEdge['relation'],
  extra: Partial<LoadedEdge> = {},
): LoadedEdge {
  return {
    id: `${parent}>${child}`,
    parentNodeId: parent,
    childNodeId: child,
    relation,
    role: null,
    exponent: 1,
    ...extra,
  };
}

export function loadedTree(
  nodes: LoadedNode[],
  edges: LoadedEdge[] = [],
  extra: Partial<LoadedTree> = {},
): LoadedTree {
  return {
    id: 'tree-1',
    name: 'Tree',
    description: '',
    version: 3,
    templateKey: null,
    motion: null,
    outboundWindowDays: 30,
    nodes,
    edges,
    assignments: [],
    metricsByKey: new Map(nodes.map((node) => [node.metric.key, node.metric])),
    ...extra,
  };
}

/** Series by node id from plain value lists (numerators and denominators where given). */
export function seriesOf(
  values: Record<string, Array<number | null>>,
  ratios: Record<string, { numerators: number[]; denominators: number[] }> = {},
): Map<string, NodeSeries> {
  return new Map(
    Object.entries(values).map(([id, series]) => [
      id,
      {
        values: series,
        numerators: ratios[id]?.numerators ?? null,
        denominators: ratios[id]?.denominators ?? null,
        error: null,
      },
    ]),
  );
}
