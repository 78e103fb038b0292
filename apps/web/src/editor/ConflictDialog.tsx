/**
 * A save against a stale version (409): what the other save changed, as the API says, and
 * the two ways on: reload their tree (dropping these edits), or keep these edits and save
 * them over theirs.
 */

import { useQueryClient } from '@tanstack/react-query';
import type { TreeDraftChanges } from '@treeline/core';
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { api, toProblem } from '../lib/api';
import { treeQuery } from '../server-data/queries';
import { saveEditedTree } from './save-tree';
import { useTreeEditor, useTreeEditorApi } from './TreeEditorProvider';

const TREE_FIELD_WORDS: Record<string, string> = {
  name: 'The name',
  description: 'The description',
  motion: 'The benchmark motion',
  outboundWindowDays: 'The outbound window',
};

/** One line per change, in words. */
export function describeChanges(changes: TreeDraftChanges): string[] {
  const lines = changes.tree.map((field) => `${TREE_FIELD_WORDS[field] ?? field} changed`);
  for (const node of changes.nodes.added) lines.push(`Node '${node.label}' was added`);
  for (const node of changes.nodes.removed) lines.push(`Node '${node.label}' was removed`);
  for (const node of changes.nodes.changed)
    lines.push(`Node '${node.label}' changed: ${node.fields.join(', ')}`);
  for (const edge of changes.edges.added) lines.push(`Link ${edge.label} was added`);
  for (const edge of changes.edges.removed) lines.push(`Link ${edge.label} was removed`);
  for (const edge of changes.edges.changed)
    lines.push(`Link ${edge.label} changed: ${edge.fields.join(', ')}`);
  return lines;
}

export function ConflictDialog() {
  const store = useTreeEditorApi();
  const queryClient = useQueryClient();
  const conflict = useTreeEditor((state) => state.conflict);
  const treeId = useTreeEditor((state) => state.treeId);
  const saving = useTreeEditor((state) => state.saveStatus === 'saving');
  const [reloading, setReloading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!conflict) return null;
  const lines = describeChanges(conflict.changes);
  const close = () => store.getState().setConflict(null);

  async function reloadTheirs() {
    setReloading(true);
    setProblem(null);
    try {
      const tree = await queryClient.fetchQuery({ ...treeQuery(treeId), staleTime: 0 });
      store.getState().loadTree(tree);
      store.getState().setNotice({ tone: 'info', text: `Reloaded version ${tree.version}.` });
    } catch (error) {
      const p = toProblem(error);
      setProblem(`${p.title}${p.detail ? `: ${p.detail}` : ''}`);
    } finally {
      setReloading(false);
    }
  }

  return (
    <Dialog
      title="Someone else saved this tree"
      onClose={close}
      className="conflict"
      testId="conflict-dialog"
    >
      <p className="dialog__text">
        The tree is at version {conflict.currentVersion}; your edits started from version{' '}
        {conflict.yourVersion}.{' '}
        {conflict.basis === 'since_your_version'
          ? 'Since then:'
          : 'Their tree differs from yours in:'}
      </p>
      {lines.length > 0 ? (
        <ul className="conflict__changes" aria-label="What changed">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="dialog__text">Nothing that you can see differs.</p>
      )}
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button
          type="button"
          className="button"
          onClick={reloadTheirs}
          disabled={reloading || saving}
        >
          {reloading ? 'Reloading…' : 'Reload theirs'}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void saveEditedTree(store, api, { overwrite: true })}
          disabled={reloading || saving}
        >
          {saving ? 'Saving…' : 'Keep mine and overwrite'}
        </button>
        <button type="button" className="button button--quiet" onClick={close}>
          Not now
        </button>
      </div>
      <p className="field__hint">
        Reloading drops your unsaved edits. Overwriting replaces their changes with your tree.
      </p>
    </Dialog>
  );
}
