/**
 * Tidy positions for a tree with dagre: parents above (or left of) their children, siblings
 * side by side, in the direction the tree already grows in. Synchronous and pure, so a
 * layout is one undoable edit like any other.
 */
import dagre from '@dagrejs/dagre';
import type { TreeDraft } from '@treeline/core';
import type { FlowDirection } from './nodes/MetricNode';

/** A node card's size when it has not been measured yet (styles.css .metric-node). */
export const DEFAULT_NODE_SIZE = { width: 220, height: 104 };

export type NodeSizes = ReadonlyMap<string, { width: number; height: number }>;

/**
 * The top-left position of every node, laid out by dagre.
 *
 * @example const positions = layoutTree(draft, 'TB'); positions.get('root') // { x: 310, y: 0 }
 */
export function layoutTree(
  draft: Pick<TreeDraft, 'nodes' | 'edges'>,
  direction: FlowDirection,
  sizes: NodeSizes = new Map(),
): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({
    rankdir: direction,
    nodesep: direction === 'TB' ? 32 : 24,
    ranksep: direction === 'TB' ? 72 : 96,
    marginx: 0,
    marginy: 0,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  const sizeOf = (id: string) => sizes.get(id) ?? DEFAULT_NODE_SIZE;
  for (const node of draft.nodes) graph.setNode(node.id, { ...sizeOf(node.id) });
  const ids = new Set(draft.nodes.map((node) => node.id));
  for (const edge of draft.edges) {
    if (ids.has(edge.parent) && ids.has(edge.child)) graph.setEdge(edge.parent, edge.child);
  }
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of draft.nodes) {
    const laid = graph.node(node.id);
    const { width, height } = sizeOf(node.id);
    // dagre places centres; React Flow positions are top-left corners.
    positions.set(node.id, {
      x: Math.round(laid.x - width / 2),
      y: Math.round(laid.y - height / 2),
    });
  }
  return positions;
}
