/**
 * The panel with nothing selected: the tree itself (name, description, motion), its facts
 * and hygiene warnings, and how to start.
 */
import {
  BENCHMARK_MOTIONS,
  type BenchmarkMotionKey,
  type TreeDraft,
  type TreeView,
} from '@treeline/core';
import { MousePointerClick } from 'lucide-react';
import { useId } from 'react';
import { useTreeEditor } from '../../editor/TreeEditorProvider';
import { useEditorActions } from '../../editor/tree-editor-hooks';
import { usePermission } from '../../session/workspace-scope';
import { CommitInput } from './CommitInput';
import { Fact } from './Fact';
import { HygieneWarnings } from './HygieneWarnings';

export function TreeOverview({ view, draft }: { view: TreeView | null; draft: TreeDraft }) {
  const { updateTree } = useEditorActions();
  const version = useTreeEditor((state) => state.version);
  const warnings = useTreeEditor((state) => state.warnings);
  const id = useId();
  const edit = usePermission('editor');
  return (
    <div className="panel__scroll">
      <section className="panel__section" aria-label="Tree">
        <p className="panel__eyebrow">Tree</p>
        <CommitInput
          key={`name:${draft.name}`}
          id={`${id}-name`}
          label="Tree name"
          className="input panel__title-input"
          value={draft.name}
          onCommit={(name) => updateTree({ name })}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-description`}>
            Description
          </label>
          <CommitInput
            key={`description:${draft.description}`}
            id={`${id}-description`}
            className="input input--area"
            multiline
            value={draft.description}
            placeholder="What this tree explains, and for whom"
            onCommit={(description) => updateTree({ description })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-motion`}>
            Outbound motion (benchmark)
          </label>
          <select
            id={`${id}-motion`}
            disabled={!edit.allowed}
            title={edit.reason || undefined}
            className="input"
            value={draft.motion ?? ''}
            onChange={(event) =>
              updateTree({ motion: (event.target.value || null) as BenchmarkMotionKey | null })
            }
          >
            <option value="">None</option>
            {BENCHMARK_MOTIONS.map((motion) => (
              <option key={motion.key} value={motion.key}>
                {motion.name} ({motion.min}–{motion.max}
                {motion.openAbove ? '+' : ''})
              </option>
            ))}
          </select>
        </div>
        <dl className="facts">
          <Fact term="Nodes">{draft.nodes.length}</Fact>
          <Fact term="Links">{draft.edges.length}</Fact>
          {view ? <Fact term="Period">{view.period.label}</Fact> : null}
          <Fact term="Version">{version}</Fact>
          {view?.tree.templateKey ? <Fact term="Template">{view.tree.templateKey}</Fact> : null}
        </dl>
        <HygieneWarnings warnings={warnings} />
        <p className="panel__hint">
          <MousePointerClick aria-hidden size={14} className="panel__hint-icon" />
          <span>
            Select a node to see its value and owners. Add metrics with <kbd>A</kbd>; link a child
            by dragging from its parent's lower handle onto it.
          </span>
        </p>
      </section>
    </div>
  );
}
