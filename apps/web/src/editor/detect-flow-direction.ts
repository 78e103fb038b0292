/**
 * Which way a tree grows on the canvas, read from where its nodes sit, so handles go on the
 * sides the edges leave from and a tidy layout keeps the tree's direction; and its root.
 */
import type { FlowDirection } from './nodes/MetricNode';

interface Placed {
  nodes: ReadonlyArray<{ id: string; position: { x: number; y: number } }>;
  edges: ReadonlyArray<{ parent: string; child: string }>;
}

/**
 * Top-to-bottom when children mostly sit below their parents, left-to-right when they
 * mostly sit to the right. Sideways offsets between siblings cancel out in the sums.
 *
 * @example detectFlowDirection(draft) // "TB"
 */
export function detectFlowDirection(tree: Placed): FlowDirection {
  const byId = new Map(tree.nodes.map((node) => [node.id, node.position]));
  let down = 0;
  let right = 0;
  for (const edge of tree.edges) {
    const parent = byId.get(edge.parent);
    const child = byId.get(edge.child);
    if (!parent || !child) continue;
    down += child.y - parent.y;
    right += child.x - parent.x;
  }
  return right > down ? 'LR' : 'TB';
}

/**
 * The node no edge points to; the first one when a tree has several.
 *
 * @example findRootNodeId(draft) // "outcome"
 */
export function findRootNodeId(tree: Placed): string | null {
  const children = new Set(tree.edges.map((edge) => edge.child));
  return tree.nodes.find((node) => !children.has(node.id))?.id ?? tree.nodes[0]?.id ?? null;
}
