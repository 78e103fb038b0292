// Hand-made tree drafts for the tests of validation and of a draft's issues.

import type { TreeDraft, TreeDraftEdge, TreeDraftNode } from './tree-draft';

/** A node owned by 'ann', labelled by its id unless told. */
export function draftNode(
  id: string,
  metricKey: string,
  extra: Partial<TreeDraftNode> = {},
): TreeDraftNode {
  return {
    id,
    metricKey,
    label: extra.label ?? id,
    filter: {},
    position: { x: 0, y: 0 },
    band: null,
    raci: { accountable: ['ann'], responsible: [], consulted: [], informed: [] },
    ...extra,
  };
}

export function draftEdge(
  parent: string,
  child: string,
  relation: TreeDraftEdge['relation'],
  extra: Partial<TreeDraftEdge> = {},
): TreeDraftEdge {
  return { id: `${parent}>${child}`, parent, child, relation, role: null, exponent: 1, ...extra };
}

export function treeDraft(nodes: TreeDraftNode[], edges: TreeDraftEdge[] = []): TreeDraft {
  return { name: 'Tree', description: '', motion: null, outboundWindowDays: 30, nodes, edges };
}
