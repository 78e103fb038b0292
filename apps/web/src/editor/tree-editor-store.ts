/**
 * The store of one open tree's editor (a zustand vanilla store, one per tree, created by
 * TreeEditorStores): the state of tree-editor-state.ts and its actions. Every change to
 * the draft goes through `commit`, one undoable edit; the edit actions (edit-actions.ts)
 * and the canvas's (canvas-actions.ts) are built on it.
 */
import type { TreeDraft } from '@treeline/core';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCanvasActions } from './canvas-actions';
import { detectFlowDirection, findRootNodeId } from './detect-flow-direction';
import { sameDraft } from './draft-edits';
import { mapHistory, recordEdit, redoEdit, undoEdit } from './draft-history';
import { draftOfRecord } from './draft-of-record';
import { createEditActions } from './edit-actions';
import { remapDraftIds, savedIdMap } from './remap-saved-ids';
import { standingIssues } from './standing-issues';
import {
  type Selection,
  type TreeEditorData,
  type TreeEditorDeps,
  type TreeEditorState,
  unreadTree,
} from './tree-editor-state';

export type TreeEditorStore = StoreApi<TreeEditorState>;

/** Makes one undoable edit of the draft, with any other state that goes with it. */
export type Commit = (next: TreeDraft, extra?: Partial<TreeEditorData>) => void;

/** The selection, less what `draft` no longer holds. */
function within(selection: Selection, draft: TreeDraft): Selection {
  const nodeIds = selection.nodeIds.filter((id) => draft.nodes.some((n) => n.id === id));
  const edgeIds = selection.edgeIds.filter((id) => draft.edges.some((e) => e.id === id));
  return nodeIds.length === selection.nodeIds.length && edgeIds.length === selection.edgeIds.length
    ? selection
    : { nodeIds, edgeIds };
}

/**
 * @example
 * const store = createTreeEditorStore('t1', { catalog: () => catalogByKey });
 * store.getState().loadTree(await api.getTree('t1'));
 */
export function createTreeEditorStore(treeId: string, deps: TreeEditorDeps): TreeEditorStore {
  return createStore<TreeEditorState>()((set, get) => {
    const commit: Commit = (next, extra = {}) => {
      const state = get();
      if (!state.draft || next === state.draft) return;
      set({
        ...extra,
        issues:
          state.issues.length === 0
            ? state.issues
            : standingIssues(state.issues, state.draft, next),
        draft: next,
        history: recordEdit(state.history, state.draft),
        dirty: !sameDraft(next, state.savedDraft),
        selection: within(state.selection, next),
      });
    };

    /** An undo or redo step: the draft it lands on, and nothing half-done left over. */
    const step = (to: { draft: TreeDraft; history: TreeEditorData['history'] } | null) => {
      if (!to) return;
      set({
        draft: to.draft,
        history: to.history,
        dirty: !sameDraft(to.draft, get().savedDraft),
        selection: within(get().selection, to.draft),
        pendingConnection: null,
        notice: null,
      });
    };

    return {
      ...unreadTree(treeId),
      ...createEditActions(set, get, commit, deps),
      ...createCanvasActions(set, get, commit),

      loadTree: (tree) => {
        if (tree.id !== treeId) return;
        const state = get();
        const draft = draftOfRecord(tree);
        // Read again (reloaded, or saved elsewhere): the selection stays where it still can.
        const root = findRootNodeId(draft);
        const selection = state.draft
          ? within(state.selection, draft)
          : { nodeIds: root ? [root] : [], edgeIds: [] };
        set({
          version: tree.version,
          draft,
          savedDraft: draft,
          dirty: false,
          history: { past: [], future: [] },
          selection,
          dragging: {},
          direction: detectFlowDirection(draft),
          issues: [],
          warnings: tree.warnings,
          conflict: null,
          pendingConnection: null,
          notice: null,
        });
      },
      discard: () => set(unreadTree(treeId)),
      undo: () => {
        const { history, draft } = get();
        if (draft) step(undoEdit(history, draft));
      },
      redo: () => {
        const { history, draft } = get();
        if (draft) step(redoEdit(history, draft));
      },
      markSaved: (sent, saved) => {
        const state = get();
        if (!state.draft || saved.id !== treeId) return;
        const savedDraft = draftOfRecord(saved);
        const ids = savedIdMap(sent, savedDraft);
        const unchanged = state.draft === sent;
        // Edits made while the save was in flight stay, with the new ids.
        const draft = unchanged ? savedDraft : remapDraftIds(state.draft, ids);
        const rename = (id: string) => ids.get(id) ?? id;
        set({
          version: saved.version,
          draft,
          savedDraft,
          dirty: !unchanged && !sameDraft(draft, savedDraft),
          history: mapHistory(state.history, (d) => remapDraftIds(d, ids)),
          selection: {
            nodeIds: state.selection.nodeIds.map(rename),
            edgeIds: state.selection.edgeIds.map(rename),
          },
          measured: Object.fromEntries(
            Object.entries(state.measured).map(([id, size]) => [rename(id), size]),
          ),
          issues: [],
          warnings: saved.warnings,
          conflict: null,
        });
      },
      setSaveStatus: (saveStatus) => set({ saveStatus }),
      setIssues: (issues) => set({ issues }),
      setConflict: (conflict) => set({ conflict }),
      setNotice: (notice) => set({ notice }),
    };
  });
}
