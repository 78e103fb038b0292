/**
 * The edits a person makes to a tree draft, as pure functions: each returns a new draft and
 * leaves the old one untouched (the undo history holds old ones as they were), and keeps
 * the objects of everything it did not change, so unchanged node cards do not re-render.
 */
import {
  emptyRaci,
  type NodeBand,
  type NodeRaci,
  type TreeDraft,
  type TreeDraftEdge,
  type TreeDraftNode,
} from '@treeline/core';

/** The RACI roles, in the order the editor shows them. */
export const RACI_ROLES = ['accountable', 'responsible', 'consulted', 'informed'] as const;
export type RaciRole = (typeof RACI_ROLES)[number];

/**
 * An id for a new node or edge, unique in the draft. The server gives it a real id on save.
 *
 * @example nextDraftId(draft, 'node') // "new-node-3"
 */
export function nextDraftId(draft: TreeDraft, kind: 'node' | 'edge'): string {
  const taken = new Set([...draft.nodes.map((n) => n.id), ...draft.edges.map((e) => e.id)]);
  let n = 1;
  while (taken.has(`new-${kind}-${n}`)) n++;
  return `new-${kind}-${n}`;
}

/**
 * @example addDraftNode(draft, { id: 'new-node-1', metricKey: 'tasks_per_contact', label: 'Tasks per contact', position: { x: 0, y: 240 } })
 */
export function addDraftNode(
  draft: TreeDraft,
  node: Pick<TreeDraftNode, 'id' | 'metricKey' | 'label' | 'position'> &
    Partial<Pick<TreeDraftNode, 'filter' | 'band' | 'raci'>>,
): TreeDraft {
  const added: TreeDraftNode = {
    filter: {},
    band: null,
    raci: emptyRaci(),
    ...node,
  };
  return { ...draft, nodes: [...draft.nodes, added] };
}

/** The draft with `edge` added (check it first with checkConnection). */
export function addDraftEdge(draft: TreeDraft, edge: TreeDraftEdge): TreeDraft {
  return { ...draft, edges: [...draft.edges, edge] };
}

/**
 * Removes nodes (with every edge touching them) and edges.
 *
 * @example removeFromDraft(draft, { nodeIds: ['calls'], edgeIds: [] })
 */
export function removeFromDraft(
  draft: TreeDraft,
  { nodeIds = [], edgeIds = [] }: { nodeIds?: readonly string[]; edgeIds?: readonly string[] },
): TreeDraft {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return {
    ...draft,
    nodes: draft.nodes.filter((node) => !nodes.has(node.id)),
    edges: draft.edges.filter(
      (edge) => !edges.has(edge.id) && !nodes.has(edge.parent) && !nodes.has(edge.child),
    ),
  };
}

/** Moves nodes to new positions; nodes that did not move keep their objects. */
export function moveDraftNodes(
  draft: TreeDraft,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): TreeDraft {
  let moved = false;
  const nodes = draft.nodes.map((node) => {
    const to = positions.get(node.id);
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    moved = true;
    return { ...node, position: { x: to.x, y: to.y } };
  });
  return moved ? { ...draft, nodes } : draft;
}

/** Changes one node's label, band, filter, RACI or alert rule. */
export function updateDraftNode(
  draft: TreeDraft,
  nodeId: string,
  patch: Partial<Pick<TreeDraftNode, 'label' | 'band' | 'filter' | 'raci' | 'alertRule'>>,
): TreeDraft {
  return {
    ...draft,
    nodes: draft.nodes.map((node) => (node.id === nodeId ? { ...node, ...patch } : node)),
  };
}

/**
 * Puts a person in a RACI role, or takes them out. Accountable holds exactly one person, so
 * naming someone Accountable replaces whoever was.
 *
 * @example setRaciRole(raci, 'accountable', 'p2', true) // { accountable: ['p2'], … }
 */
export function setRaciRole(
  raci: NodeRaci,
  role: RaciRole,
  personId: string,
  assigned: boolean,
): NodeRaci {
  if (role === 'accountable') {
    return {
      ...raci,
      accountable: assigned ? [personId] : raci.accountable.filter((id) => id !== personId),
    };
  }
  const others = raci[role].filter((id) => id !== personId);
  return { ...raci, [role]: assigned ? [...others, personId] : others };
}

/** Whether two bands are the same (null is "no band"). */
export function sameBand(a: NodeBand | null, b: NodeBand | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * True when two drafts would save the same tree (JSON of the same shape; key order is the
 * editor's own, so a plain comparison is enough).
 */
export function sameDraft(a: TreeDraft | null, b: TreeDraft | null): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
