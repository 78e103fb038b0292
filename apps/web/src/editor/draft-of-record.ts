/** The draft of a tree record: what is edited and saved, without id, version and checks. */
import type { TreeDraft } from '@treeline/core';
import type { TreeRecord } from '../lib/api';

/** @example const draft = draftOfRecord(await api.getTree(id)); */
export function draftOfRecord(tree: TreeRecord): TreeDraft {
  return {
    name: tree.name,
    description: tree.description,
    motion: tree.motion,
    outboundWindowDays: tree.outboundWindowDays,
    nodes: tree.nodes,
    edges: tree.edges,
  };
}
