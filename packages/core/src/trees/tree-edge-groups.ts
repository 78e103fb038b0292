/**
 * A tree's edges grouped into decompositions: one group per parent and relation (a node
 * may be a sum of channels and a product of factors at once), in the order first seen.
 */
import type { LoadedEdge } from './loaded-tree';

/**
 * @example treeEdgeGroups(tree.edges).map((group) => group[0].relation) // ['product', 'ratio']
 */
export function treeEdgeGroups(edges: readonly LoadedEdge[]): LoadedEdge[][] {
  const groups = new Map<string, LoadedEdge[]>();
  for (const edge of edges) {
    const key = `${edge.parentNodeId}|${edge.relation}`;
    const group = groups.get(key);
    if (group) group.push(edge);
    else groups.set(key, [edge]);
  }
  return [...groups.values()];
}
