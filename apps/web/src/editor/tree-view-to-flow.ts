/**
 * Turns the API's TreeView into React Flow nodes and edges. Positions are used as the
 * server stores them; only the direction the tree grows in is inferred, so handles sit
 * on the sides the edges actually leave from.
 */
import type { NodeView, TreeView } from '@treeline/core';
import { formatMetricValue, formatPercentChange, formatSignedMetricValue } from '../lib/format';
import type { RelationFlowEdge } from './edges/RelationEdge';
import type { FlowDirection, MetricFlowNode } from './nodes/MetricNode';

/**
 * Top-to-bottom when children mostly sit below their parents, left-to-right when they
 * mostly sit to the right. Sideways offsets between siblings cancel out in the sums.
 *
 * @example detectFlowDirection(view) // "TB"
 */
export function detectFlowDirection(view: Pick<TreeView, 'nodes' | 'edges'>): FlowDirection {
  const byId = new Map(view.nodes.map((node) => [node.id, node.position]));
  let down = 0;
  let right = 0;
  for (const edge of view.edges) {
    const parent = byId.get(edge.source);
    const child = byId.get(edge.target);
    if (!parent || !child) continue;
    down += child.y - parent.y;
    right += child.x - parent.x;
  }
  return right > down ? 'LR' : 'TB';
}

/** The node no edge points to; the first one when a view has several. */
export function findRootNodeId(view: Pick<TreeView, 'nodes' | 'edges'>): string | null {
  const children = new Set(view.edges.map((edge) => edge.target));
  return view.nodes.find((node) => !children.has(node.id))?.id ?? view.nodes[0]?.id ?? null;
}

/**
 * What a screen reader announces for a node: the same facts the card shows.
 *
 * @example describeNode(node) // "Calls per contact: 1.24, +3.1% vs previous period, Accountable Ana Ruiz"
 */
export function describeNode(node: NodeView, previousLabel = 'previous period'): string {
  const parts = [`${node.label}: ${formatMetricValue(node.value, node.unit)}`];
  if (node.error) parts.push(`not evaluated: ${node.error.message}`);
  else if (node.change && node.previousValue !== null) {
    const change =
      node.change.percent !== null
        ? formatPercentChange(node.change.percent)
        : formatSignedMetricValue(node.change.absolute, node.unit);
    parts.push(`${change} vs ${previousLabel}`);
  }
  parts.push(node.accountable ? `Accountable ${node.accountable.name}` : 'no Accountable owner');
  return parts.join(', ');
}

/**
 * @example const { nodes, edges } = treeViewToFlow(view, findRootNodeId(view));
 */
export function treeViewToFlow(
  view: TreeView,
  selectedNodeId: string | null = null,
): { nodes: MetricFlowNode[]; edges: RelationFlowEdge[] } {
  const direction = detectFlowDirection(view);
  const residuals = new Map(view.residuals.map((r) => [r.nodeId, r.value]));
  const nodesById = new Map(view.nodes.map((node) => [node.id, node]));

  const nodes: MetricFlowNode[] = view.nodes.map((node) => ({
    id: node.id,
    type: 'metric',
    position: { x: node.position.x, y: node.position.y },
    data: { view: node, direction, residual: residuals.get(node.id) ?? null },
    selected: node.id === selectedNodeId,
    draggable: false,
    connectable: false,
    ariaLabel: describeNode(node, view.previousPeriod.label),
  }));

  const edges: RelationFlowEdge[] = view.edges.map((edge) => {
    const parent = nodesById.get(edge.source);
    const child = nodesById.get(edge.target);
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: 'relation',
      selectable: false,
      focusable: false,
      data: {
        relation: edge.relation,
        contribution: edge.contribution,
        parentUnit: parent?.unit ?? 'count',
        parentLabel: parent?.label ?? edge.source,
        childLabel: child?.label ?? edge.target,
        direction,
      },
    };
  });

  return { nodes, edges };
}
