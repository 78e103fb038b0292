/**
 * Saves the draft being edited against the version it was read at. A stale version (409)
 * becomes the store's conflict, for the person to reload theirs or overwrite; an invalid
 * tree (422) puts each error on its node or edge; anything else is said in the status line.
 */
import { type TreelineApi, toProblem, treeConflictOf, treeIssuesOf } from '../lib/api';
import type { TreeEditorStore } from './tree-editor-store';

export type SaveOutcome = 'saved' | 'conflict' | 'invalid' | 'failed' | 'nothing';

/**
 * @example await saveEditedTree(store, api); // 'saved'
 * @example await saveEditedTree(store, api, { overwrite: true }); // re-save over the newer version
 */
export async function saveEditedTree(
  editor: TreeEditorStore,
  api: Pick<TreelineApi, 'saveTree'>,
  options: { overwrite?: boolean } = {},
): Promise<SaveOutcome> {
  const store = editor.getState();
  const { draft, treeId, conflict } = store;
  if (!draft || !treeId || store.saveStatus === 'saving') return 'nothing';
  const version = options.overwrite && conflict ? conflict.currentVersion : store.version;
  store.setSaveStatus('saving');
  store.setNotice(null);
  try {
    const saved = await api.saveTree(treeId, version, draft);
    editor.getState().markSaved(draft, saved);
    editor.getState().setNotice({ tone: 'info', text: `Saved as version ${saved.version}.` });
    return 'saved';
  } catch (error) {
    const latest = editor.getState();
    const problem = toProblem(error);
    const stale = treeConflictOf(problem);
    if (stale) {
      latest.setConflict(stale);
      return 'conflict';
    }
    const issues = treeIssuesOf(problem, draft);
    if (issues.length > 0) {
      latest.setIssues(issues);
      const general = issues.filter((issue) => !issue.nodeId && !issue.edgeId);
      latest.setNotice({
        tone: 'error',
        text: `${issues.length === 1 ? 'One problem keeps' : `${issues.length} problems keep`} this tree from being saved${
          general.length > 0 ? `: ${general.map((issue) => issue.message).join('; ')}` : ''
        }. The marked nodes say what to fix.`,
      });
      return 'invalid';
    }
    latest.setNotice({
      tone: 'error',
      text: `Not saved. ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`,
    });
    return 'failed';
  } finally {
    editor.getState().setSaveStatus('idle');
  }
}
