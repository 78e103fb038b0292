// What differs between two versions of a tree: the body of a save conflict.

import type { TreeDraft, TreeDraftEdge, TreeDraftNode } from './tree-draft';

export interface NodeChangeRef {
  id: string;
  label: string;
}

export interface EdgeChangeRef {
  id: string;
  /** "'Parent' → 'Child'" as the labels read. */
  label: string;
}

export interface TreeDraftChanges {
  /** Tree fields that changed: name, description, motion, outboundWindowDays. */
  tree: string[];
  nodes: {
    added: NodeChangeRef[];
    removed: NodeChangeRef[];
    changed: Array<NodeChangeRef & { fields: string[] }>;
  };
  edges: {
    added: EdgeChangeRef[];
    removed: EdgeChangeRef[];
    changed: Array<EdgeChangeRef & { fields: string[] }>;
  };
}

const TREE_FIELDS = ['name', 'description', 'motion', 'outboundWindowDays'] as const;
const NODE_FIELDS = ['metricKey', 'label', 'filter', 'position', 'band', 'raci'] as const;
const EDGE_FIELDS = ['parent', 'child', 'relation', 'role', 'exponent'] as const;

/**
 * The changes from `before` to `after`, nodes and edges matched by id, each named by its
 * label so a person can read them.
 *
 * @example
 * diffTreeDrafts(v3, v4).nodes.changed; // [{ id: 'n2', label: 'Calls per contact', fields: ['label', 'raci'] }]
 */
export function diffTreeDrafts(before: TreeDraft, after: TreeDraft): TreeDraftChanges {
  const labelIn = (draft: TreeDraft) => {
    const labels = new Map(draft.nodes.map((node) => [node.id, node.label]));
    return (edge: TreeDraftEdge) =>
      `'${labels.get(edge.parent) ?? edge.parent}' → '${labels.get(edge.child) ?? edge.child}'`;
  };
  const edgeLabelBefore = labelIn(before);
  const edgeLabelAfter = labelIn(after);
  const nodes = diffById<TreeDraftNode, NodeChangeRef>(
    before.nodes,
    after.nodes,
    NODE_FIELDS,
    (node) => ({ id: node.id, label: node.label }),
    (node) => ({ id: node.id, label: node.label }),
  );
  const edges = diffById<TreeDraftEdge, EdgeChangeRef>(
    before.edges,
    after.edges,
    EDGE_FIELDS,
    (edge) => ({ id: edge.id, label: edgeLabelBefore(edge) }),
    (edge) => ({ id: edge.id, label: edgeLabelAfter(edge) }),
  );
  return {
    tree: TREE_FIELDS.filter((field) => !sameValue(before[field], after[field])),
    nodes,
    edges,
  };
}

/** True when nothing differs. */
export function hasNoChanges(changes: TreeDraftChanges): boolean {
  return (
    changes.tree.length === 0 &&
    [changes.nodes, changes.edges].every(
      (part) => part.added.length + part.removed.length + part.changed.length === 0,
    )
  );
}

/**
 * One sentence a person reads, e.g. "the name changed; node 'Calls' changed (label, raci);
 * node 'Tasks per contact' was added; edge 'Root' → 'Tasks per contact' was added".
 *
 * @example describeTreeDraftChanges(diffTreeDrafts(v3, v4)) // "node 'Calls per contact' changed (raci)"
 */
export function describeTreeDraftChanges(changes: TreeDraftChanges): string {
  const parts: string[] = [];
  const fieldNames: Record<string, string> = {
    name: 'the name',
    description: 'the description',
    motion: 'the motion',
    outboundWindowDays: 'the outbound window',
  };
  for (const field of changes.tree) parts.push(`${fieldNames[field] ?? field} changed`);
  const list = (
    kind: 'node' | 'edge',
    part: TreeDraftChanges['nodes'] | TreeDraftChanges['edges'],
  ) => {
    const quote = (ref: { label: string }) => (kind === 'node' ? `'${ref.label}'` : ref.label);
    for (const ref of part.changed)
      parts.push(`${kind} ${quote(ref)} changed (${ref.fields.join(', ')})`);
    for (const ref of part.added) parts.push(`${kind} ${quote(ref)} was added`);
    for (const ref of part.removed) parts.push(`${kind} ${quote(ref)} was removed`);
  };
  list('node', changes.nodes);
  list('edge', changes.edges);
  return parts.length === 0 ? 'nothing differs' : parts.join('; ');
}

function diffById<T extends { id: string }, R>(
  before: readonly T[],
  after: readonly T[],
  fields: readonly (keyof T & string)[],
  refBefore: (item: T) => R,
  refAfter: (item: T) => R,
): { added: R[]; removed: R[]; changed: Array<R & { fields: string[] }> } {
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  const added = after.filter((item) => !old.has(item.id)).map(refAfter);
  const removed = before.filter((item) => !next.has(item.id)).map(refBefore);
  const changed: Array<R & { fields: string[] }> = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) continue;
    const differing = fields.filter((field) => !sameValue(previous[field], item[field]));
    if (differing.length > 0) changed.push({ ...refAfter(item), fields: differing });
  }
  return { added, removed, changed };
}

/** Deep equality of JSON-like values; object key order and RACI list order do not matter. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const sortedA = [...a].map((v) => JSON.stringify(v)).sort();
    const sortedB = [...b].map((v) => JSON.stringify(v)).sort();
    return sortedA.every((v, i) => v === sortedB[i]);
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) =>
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    );
  }
  return false;
}
