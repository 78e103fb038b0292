/**
 * After a save, new nodes and edges have real ids (the server gives "new-node-1" a uuid).
 * The saved tree comes back ordered by position, not as sent, so new nodes are matched to
 * what was sent by metric, label and filter, nearest position first; edges by their ends.
 */
import type { TreeDraft } from '@treeline/core';

/**
 * The real id of every node and edge the save gave one to: sent id → saved id.
 *
 * @example savedIdMap(sent, saved).get('new-node-1') // "5b0c…"
 */
export function savedIdMap(sent: TreeDraft, saved: TreeDraft): Map<string, string> {
  const map = new Map<string, string>();
  const sentNodeIds = new Set(sent.nodes.map((n) => n.id));
  const fresh = saved.nodes.filter((n) => !sentNodeIds.has(n.id));
  const taken = new Set<string>();
  const signature = (n: TreeDraft['nodes'][number]) =>
    `${n.metricKey}\u0000${n.label}\u0000${JSON.stringify(Object.entries(n.filter).sort())}`;
  for (const node of sent.nodes) {
    if (saved.nodes.some((n) => n.id === node.id)) continue;
    let best: { id: string; distance: number } | null = null;
    for (const candidate of fresh) {
      if (taken.has(candidate.id) || signature(candidate) !== signature(node)) continue;
      const distance = Math.hypot(
        candidate.position.x - node.position.x,
        candidate.position.y - node.position.y,
      );
      if (!best || distance < best.distance) best = { id: candidate.id, distance };
    }
    if (best) {
      taken.add(best.id);
      map.set(node.id, best.id);
    }
  }
  const nodeId = (id: string) => map.get(id) ?? id;
  const sentEdgeIds = new Set(sent.edges.map((e) => e.id));
  for (const edge of sent.edges) {
    if (saved.edges.some((e) => e.id === edge.id)) continue;
    const match = saved.edges.find(
      (e) =>
        !sentEdgeIds.has(e.id) &&
        e.parent === nodeId(edge.parent) &&
        e.child === nodeId(edge.child),
    );
    if (match) map.set(edge.id, match.id);
  }
  return map;
}

/** The draft with ids replaced as `map` says (ids it does not name are kept). */
export function remapDraftIds(draft: TreeDraft, map: ReadonlyMap<string, string>): TreeDraft {
  if (map.size === 0) return draft;
  const id = (value: string) => map.get(value) ?? value;
  return {
    ...draft,
    nodes: draft.nodes.map((node) => (map.has(node.id) ? { ...node, id: id(node.id) } : node)),
    edges: draft.edges.map((edge) =>
      map.has(edge.id) || map.has(edge.parent) || map.has(edge.child)
        ? { ...edge, id: id(edge.id), parent: id(edge.parent), child: id(edge.child) }
        : edge,
    ),
  };
}
