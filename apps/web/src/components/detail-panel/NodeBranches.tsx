/** A node's children, each with its relation and what it contributed to the change. */
import type { NodeView, TreeDraft, TreeDraftNode, TreeView } from '@treeline/core';
import { useMemo } from 'react';
import { useEditorActions } from '../../editor/tree-editor-hooks';
import { formatSignedMetricValue } from '../../lib/format';
import { RELATION_OPERATORS } from '../../lib/relation-operator';

interface Branch {
  edge: TreeDraft['edges'][number];
  child: TreeDraftNode;
  contribution: number | null;
}

export function NodeBranches({
  node,
  draft,
  view,
}: {
  node: NodeView;
  draft: TreeDraft;
  view: TreeView | null;
}) {
  const { selectNode } = useEditorActions();
  const children = useMemo(() => {
    const byId = new Map(draft.nodes.map((n) => [n.id, n]));
    const live = new Map(view?.edges.map((edge) => [edge.id, edge]) ?? []);
    return draft.edges
      .filter((edge) => edge.parent === node.id)
      .map((edge) => ({
        edge,
        child: byId.get(edge.child),
        contribution: live.get(edge.id)?.contribution ?? null,
      }))
      .filter((entry): entry is Branch => Boolean(entry.child));
  }, [draft, view, node.id]);
  if (children.length === 0) return null;
  return (
    <section className="panel__section" aria-label="Branches">
      <h3 className="panel__subtitle">Branches and their contribution</h3>
      <ul className="branches">
        {children.map(({ edge, child, contribution }) => (
          <li key={edge.id}>
            <button
              type="button"
              className="branches__item"
              onClick={() => selectNode(child.id)}
              title={`Select ${child.label}`}
            >
              <span
                className={`branches__operator relation-label--${edge.relation}`}
                title={RELATION_OPERATORS[edge.relation].name}
              >
                {RELATION_OPERATORS[edge.relation].symbol}
              </span>
              <span className="branches__label">{child.label}</span>
              <span className="branches__value">
                {edge.relation === 'driver'
                  ? 'driver'
                  : contribution !== null
                    ? formatSignedMetricValue(contribution, node.unit)
                    : 'not attributed'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
