/** A node's target: its band as it stands, and the editor of a target or benchmark band. */
import type { NodeView, TreeDraft, TreeDraftNode } from '@treeline/core';
import { useId } from 'react';
import { useEditorActions } from '../../editor/tree-editor-hooks';
import { BandBar, describeBand } from '../BandBar';
import { BandEditor } from '../BandEditor';

export function NodeTarget({
  node,
  draftNode,
  draft,
  pending,
}: {
  node: NodeView;
  draftNode: TreeDraftNode;
  draft: TreeDraft;
  pending: boolean;
}) {
  const { setBand, updateTree } = useEditorActions();
  const id = useId();
  return (
    <section className="panel__section" aria-labelledby={`${id}-band`}>
      <h3 className="panel__subtitle" id={`${id}-band`}>
        Target
      </h3>
      {node.band && !pending ? (
        <div className="panel__band">
          <BandBar band={node.band} unit={node.unit} width={272} />
          <p className="field__hint">{describeBand(node.band, node.unit)}</p>
        </div>
      ) : null}
      <BandEditor
        key={JSON.stringify(draftNode.band)}
        band={draftNode.band}
        unit={node.unit}
        motion={draft.motion}
        onBandChange={(band) => setBand(node.id, band)}
        onMotionChange={(motion) => updateTree({ motion })}
      />
    </section>
  );
}
