// A template as a draft, so it is validated like any tree before it is written.

import {
  DEFAULT_OUTBOUND_WINDOW_DAYS,
  emptyRaci,
  type NodeRaci,
  type TreeDraft,
} from '../tree-draft';
import type { TreeTemplate } from './tree-template';

/**
 * The template as a TreeDraft: node ids are the template refs, edge ids `parent>child`,
 * owners by ref (nodes without an entry have none yet).
 *
 * @example treeDraftFromTemplate(ACTIVITY_PER_CONTACT_TEMPLATE, { root: { ...emptyRaci(), accountable: [ana] } })
 */
export function treeDraftFromTemplate(
  template: TreeTemplate,
  owners: Readonly<Record<string, Partial<NodeRaci>>> = {},
): TreeDraft {
  return {
    name: template.name,
    description: template.description,
    motion: template.motion ?? null,
    outboundWindowDays: DEFAULT_OUTBOUND_WINDOW_DAYS,
    nodes: template.nodes.map((node) => ({
      id: node.ref,
      metricKey: node.metricKey,
      label: node.label,
      filter: { ...(node.filter ?? {}) },
      position: { ...node.position },
      band: node.band ?? null,
      raci: { ...emptyRaci(), ...(owners[node.ref] ?? {}) },
    })),
    edges: template.edges.map((edge) => ({
      id: `${edge.parent}>${edge.child}`,
      parent: edge.parent,
      child: edge.child,
      relation: edge.relation,
      role: edge.role ?? null,
      exponent: edge.exponent ?? 1,
    })),
  };
}
