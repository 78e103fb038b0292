/**
 * Where a node's children do not give back its value in a period, the gap ("other"), per
 * arithmetic relation: sum → parent − Σ children (a channel with no node); segments →
 * parent − Σ numerator_g ÷ the parent's denominator (segments that do not cover every row);
 * product → parent − Π children^±1; ratio → parent − numerator ÷ denominator. Products and
 * ratios that validation accepted hold exactly, so they only show when the data or a
 * metric changed under the tree. Formula and driver links have no residual.
 */

import type { TreeView } from '../contract/trees/tree-view';
import type { LoadedTree } from './loaded-tree';
import type { NodeSeries } from './node-series';
import { treeEdgeGroups } from './tree-edge-groups';

const isClose = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The residuals at `period` (an index into the series); decompositions that hold to 1e-9
 * relative, or where a value is missing, have none.
 *
 * @example treeResiduals(tree, seriesByNode, periods.length - 1) // [{ nodeId, value: 12, relation: 'sum' }]
 */
export function treeResiduals(
  tree: Pick<LoadedTree, 'edges'>,
  seriesByNode: ReadonlyMap<string, NodeSeries>,
  period: number,
): TreeView['residuals'] {
  const residuals: TreeView['residuals'] = [];
  const value = (nodeId: string) => seriesByNode.get(nodeId)?.values[period] ?? null;
  for (const edges of treeEdgeGroups(tree.edges)) {
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
        const total = seriesByNode.get(parentId)?.denominators?.[period] ?? null;
        const numerators = edges.map((edge) => {
          const series = seriesByNode.get(edge.childNodeId);
          return series?.numerators?.[period] ?? null;
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
