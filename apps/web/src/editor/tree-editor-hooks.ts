/**
 * Selector hooks over the open tree's editor for toolbars and the panel: the draft, the
 * undo and save state, the selected link, and the selected node as the panel shows it (the
 * draft joined to the values on screen, the catalog and the people).
 */
import type { NodeView, TreeDraftNode } from '@treeline/core';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../server-data/use-catalog';
import { usePeopleById } from '../server-data/use-people';
import { displayNodeView } from './draft-to-flow';
import { useShownTreeView } from './ShownTreeView';
import { useTreeEditor, useTreeEditorApi } from './TreeEditorProvider';
import type { TreeEditorActions } from './tree-editor-state';

/** The draft being edited, or null before the tree is read. */
export const useDraft = () => useTreeEditor((state) => state.draft);

/** Undo, redo and save state for toolbars. */
export const useHistoryState = () =>
  useTreeEditor(
    useShallow((state) => ({
      canUndo: state.history.past.length > 0,
      canRedo: state.history.future.length > 0,
      dirty: state.dirty,
      saveStatus: state.saveStatus,
      version: state.version,
      hasSelection: state.selection.nodeIds.length > 0 || state.selection.edgeIds.length > 0,
    })),
  );

/** The selected edge, when an edge (and no node) is selected. */
export const useSelectedEdgeId = (): string | null =>
  useTreeEditor((state) =>
    state.selection.nodeIds.length > 0 ? null : (state.selection.edgeIds[0] ?? null),
  );

/** The selected node as the panel shows it (values merged over the draft), or null. */
export function useSelectedNode(): {
  view: NodeView;
  draft: TreeDraftNode;
  pending: boolean;
  /** What keeps the node from being saved, beside the errors of one of its fields. */
  issues: readonly string[];
  /** A refused save's errors on one of the node's fields, by its path (alertRule.window). */
  fieldIssues: Readonly<Record<string, string>>;
} | null {
  const { draft, nodeIds, issues } = useTreeEditor(
    useShallow((state) => ({
      draft: state.draft,
      nodeIds: state.selection.nodeIds,
      issues: state.issues,
    })),
  );
  const view = useShownTreeView();
  const catalog = useCatalog();
  const people = usePeopleById();
  return useMemo(() => {
    const node = draft?.nodes.find((n) => nodeIds.includes(n.id));
    if (!draft || !node) return null;
    const shown = displayNodeView(node, draft, { view, catalog, people });
    const own = issues.filter((issue) => issue.nodeId === node.id);
    const fieldIssues: Record<string, string> = {};
    for (const issue of own) if (issue.field) fieldIssues[issue.field] ??= issue.message;
    return {
      ...shown,
      draft: node,
      issues: own.filter((issue) => !issue.field).map((issue) => issue.message),
      fieldIssues,
    };
  }, [draft, nodeIds, issues, view, catalog, people]);
}

/** The open tree's actions; they never change, so reading them re-renders nothing. */
export const useEditorActions = (): TreeEditorActions => useTreeEditorApi().getState();
