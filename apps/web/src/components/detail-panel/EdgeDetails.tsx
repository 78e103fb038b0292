/** The panel of a selected link: which two nodes, its relation in words, change or delete it. */
import type { TreeDraft } from '@treeline/core';
import { Trash2 } from 'lucide-react';
import { useId } from 'react';
import { RelationOptions, useRelationVerdicts } from '../../editor/RelationOptions';
import { useEditorActions } from '../../editor/tree-editor-hooks';
import { RELATION_OPERATORS } from '../../lib/relation-operator';
import { EditGuard } from '../EditGuard';
import { Fact } from './Fact';

export function EdgeDetails({ edgeId, draft }: { edgeId: string; draft: TreeDraft }) {
  const { deleteElements, selectNode, relink } = useEditorActions();
  const edge = draft.edges.find((e) => e.id === edgeId);
  const verdicts = useRelationVerdicts(edge?.parent ?? null, edge?.child ?? null, edgeId);
  const id = useId();
  if (!edge) return null;
  const parent = draft.nodes.find((n) => n.id === edge.parent);
  const child = draft.nodes.find((n) => n.id === edge.child);
  const operator = RELATION_OPERATORS[edge.relation];
  const side =
    edge.relation === 'ratio' && edge.role
      ? ` (${edge.role})`
      : edge.relation === 'product' && edge.exponent === -1
        ? ' (divides)'
        : '';
  return (
    <div className="panel__scroll">
      <section className="panel__section" aria-label="Link">
        <p className="panel__eyebrow">Link</p>
        <h2 className="panel__title">
          {child?.label ?? edge.child} → {parent?.label ?? edge.parent}
        </h2>
        <dl className="facts">
          <Fact term="Relation">
            {operator.name}
            {side}
          </Fact>
          <Fact term="Means">{operator.description}</Fact>
        </dl>
        <div className="panel__actions">
          {parent ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => selectNode(parent.id)}
            >
              Select parent
            </button>
          ) : null}
          <EditGuard>
            <button
              type="button"
              className="button button--small"
              onClick={() => deleteElements({ edgeIds: [edge.id] })}
            >
              <Trash2 aria-hidden size={13} />
              Delete link
            </button>
          </EditGuard>
        </div>
      </section>
      <section className="panel__section" aria-labelledby={`${id}-relation`}>
        <h3 className="panel__subtitle" id={`${id}-relation`}>
          Change the relation
        </h3>
        <EditGuard>
          <RelationOptions
            verdicts={verdicts}
            current={edge}
            onChoose={(choice) => relink(edge.id, choice)}
          />
        </EditGuard>
      </section>
    </div>
  );
}
