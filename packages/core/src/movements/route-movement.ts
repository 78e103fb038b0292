/**
 * Where a movement came from (docs/product.md §5, decision 0038): from the node that moved,
 * attribution (§3) walks down, one decomposition at a time, to the child that explains
 * most of the change, until no child explains at least half of it. Sum, product, ratio,
 * segments and formula edges route; a driver edge never does (it is not arithmetic).
 * Where a node has several decompositions, a split (sum, segments) that explains the change
 * wins over an identity (formula, ratio, product): a split says where the change happened,
 * whose branch it is, an identity only through which factor.
 */

import { edgeContributions } from '../trees/edge-contributions';
import type { LoadedTree } from '../trees/loaded-tree';
import type { NodeSeries } from '../trees/node-series';
import type { EdgeRelation } from '../trees/tree-draft';
import { treeEdgeGroups } from '../trees/tree-edge-groups';

/** Which decomposition routes first when several explain the change. */
const RELATION_PREFERENCE: readonly EdgeRelation[] = [
  'sum',
  'segments',
  'formula',
  'ratio',
  'product',
];
/** The least share of its parent's change a child must explain to be walked into. */
export const DEFAULT_MIN_ROUTE_SHARE = 0.5;

export interface RouteStep {
  nodeId: string;
  /** The edge walked to reach this node (null for the node that moved). */
  edgeId: string | null;
  relation: EdgeRelation | null;
  /** Its share of its parent's change (1 for the node that moved). */
  share: number;
  /** Its share of the moved node's change: the shares along the path multiplied. */
  cumulativeShare: number;
  /** The shares of it and its siblings in the decomposition walked. */
  siblings: Array<{ nodeId: string; share: number | null }>;
}

export interface MovementRoute {
  movedNodeId: string;
  /** The branch that explains most of the change (the moved node when nothing below does). */
  routedNodeId: string;
  /** From the moved node down to the routed one. */
  path: RouteStep[];
  /** Why the walk stopped where it did. */
  stop: string;
}

export interface RouteOptions {
  /** The index of the period the change is measured from. */
  before: number;
  /** The index of the period that moved. */
  after: number;
  minShare?: number;
  /** Edge contributions already computed for these two periods (edgeContributions). */
  contributions?: ReadonlyMap<string, number | null>;
}

/**
 * @example
 * const route = routeMovement(tree, seriesByNode, rootId, { before: 11, after: 12 });
 * route.routedNodeId; // the emails node; route.path[1].share ≈ 0.9
 */
export function routeMovement(
  tree: Pick<LoadedTree, 'nodes' | 'edges'>,
  seriesByNode: ReadonlyMap<string, NodeSeries>,
  movedNodeId: string,
  options: RouteOptions,
): MovementRoute {
  const minShare = options.minShare ?? DEFAULT_MIN_ROUTE_SHARE;
  const contributions =
    options.contributions ?? edgeContributions(tree, seriesByNode, options.before, options.after);
  const groups = treeEdgeGroups(tree.edges).filter((g) => g[0]!.relation !== 'driver');
  const value = (nodeId: string, i: number) => seriesByNode.get(nodeId)?.values[i] ?? null;
  const path: RouteStep[] = [
    {
      nodeId: movedNodeId,
      edgeId: null,
      relation: null,
      share: 1,
      cumulativeShare: 1,
      siblings: [],
    },
  ];
  const seen = new Set([movedNodeId]);
  let current = movedNodeId;
  let cumulative = 1;
  for (;;) {
    const from = value(current, options.before);
    const to = value(current, options.after);
    if (from === null || to === null || to === from) {
      return { movedNodeId, routedNodeId: current, path, stop: 'no change to attribute' };
    }
    const change = to - from;
    const candidates = groups
      .filter((g) => g[0]!.parentNodeId === current)
      .map((edges) => {
        const shares = edges.map((edge) => {
          const c = contributions.get(edge.id);
          return { edge, share: c === null || c === undefined ? null : c / change };
        });
        const best = shares.reduce<(typeof shares)[number] | null>(
          (top, s) => (s.share !== null && (top === null || s.share > top.share!) ? s : top),
          null,
        );
        return { relation: edges[0]!.relation, shares, best };
      })
      .filter(
        (c) => c.best !== null && c.best.share! >= minShare && !seen.has(c.best.edge.childNodeId),
      )
      .sort(
        (a, b) =>
          RELATION_PREFERENCE.indexOf(a.relation) - RELATION_PREFERENCE.indexOf(b.relation) ||
          b.best!.share! - a.best!.share!,
      );
    const chosen = candidates[0];
    if (!chosen) {
      const hasChildren = groups.some((g) => g[0]!.parentNodeId === current);
      return {
        movedNodeId,
        routedNodeId: current,
        path,
        stop: hasChildren
          ? `no child explains ${Math.round(minShare * 100)}% of the change`
          : 'a leaf: nothing below to attribute to',
      };
    }
    const best = chosen.best!;
    cumulative *= best.share!;
    current = best.edge.childNodeId;
    seen.add(current);
    path.push({
      nodeId: current,
      edgeId: best.edge.id,
      relation: chosen.relation,
      share: best.share!,
      cumulativeShare: cumulative,
      siblings: chosen.shares.map((s) => ({ nodeId: s.edge.childNodeId, share: s.share })),
    });
  }
}

/**
 * The nodes below `nodeId` whose change the node's own change explains: reached through
 * arithmetic edges whose share of the parent's change is positive at every step (a child
 * that pushed against its parent moved on its own). Their alerts are suppressed.
 *
 * @example explainedDescendants(tree, seriesByNode, rootId, contributions, 11, 12) // Set { emails, touchesPerHour, … }
 */
export function explainedDescendants(
  tree: Pick<LoadedTree, 'edges'>,
  seriesByNode: ReadonlyMap<string, NodeSeries>,
  nodeId: string,
  contributions: ReadonlyMap<string, number | null>,
  before: number,
  after: number,
): Set<string> {
  const value = (id: string, i: number) => seriesByNode.get(id)?.values[i] ?? null;
  const explained = new Set<string>();
  const queue = [nodeId];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    const from = value(parent, before);
    const to = value(parent, after);
    if (from === null || to === null || from === to) continue;
    for (const edge of tree.edges) {
      if (edge.parentNodeId !== parent || edge.relation === 'driver') continue;
      if (explained.has(edge.childNodeId) || edge.childNodeId === nodeId) continue;
      const c = contributions.get(edge.id);
      if (c === null || c === undefined || c / (to - from) <= 0) continue;
      explained.add(edge.childNodeId);
      queue.push(edge.childNodeId);
    }
  }
  return explained;
}
