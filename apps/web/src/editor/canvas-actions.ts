/**
 * What the canvas tells the editor: React Flow's node and edge changes (selection, measured
 * sizes, drags, a drop becoming one undoable move) and the selection and link-drawing
 * actions of clicks and keys. Removals are not taken from React Flow: deleting is the
 * editor's own action (undoable, with the node's links).
 */
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { moveDraftNodes } from './draft-edits';
import type { Point, TreeEditorActions, TreeFlowEdge, TreeFlowNode } from './tree-editor-state';
import type { Commit, TreeEditorStore } from './tree-editor-store';

type CanvasActions = Pick<
  TreeEditorActions,
  'onNodesChange' | 'onEdgesChange' | 'selectNode' | 'selectEdge' | 'beginConnection'
>;

/** `ids` with `id` in or out. */
function toggled(ids: readonly string[], id: string, selected: boolean): readonly string[] {
  const has = ids.includes(id);
  if (has === selected) return ids;
  return selected ? [...ids, id] : ids.filter((other) => other !== id);
}

/** @example const canvas = createCanvasActions(set, get, commit); */
export function createCanvasActions(
  set: TreeEditorStore['setState'],
  get: TreeEditorStore['getState'],
  commit: Commit,
): CanvasActions {
  const onNodesChange = (changes: NodeChange<TreeFlowNode>[]) => {
    const state = get();
    let { nodeIds } = state.selection;
    let measured = state.measured;
    let dragging = state.dragging;
    const dropped = new Map<string, Point>();
    for (const change of changes) {
      if (change.type === 'select') nodeIds = toggled(nodeIds, change.id, change.selected);
      else if (change.type === 'dimensions' && change.dimensions) {
        measured = { ...measured, [change.id]: change.dimensions };
      } else if (change.type === 'position') {
        const at =
          change.position ??
          dragging[change.id] ??
          state.draft?.nodes.find((n) => n.id === change.id)?.position;
        if (!at) continue;
        if (change.dragging === false) {
          // A drag ends with a position that is no longer dragging: that is the edit.
          dropped.set(change.id, { x: Math.round(at.x), y: Math.round(at.y) });
          const { [change.id]: _, ...rest } = dragging;
          dragging = rest;
        } else {
          dragging = { ...dragging, [change.id]: at };
        }
      }
    }
    const selection =
      nodeIds === state.selection.nodeIds ? state.selection : { ...state.selection, nodeIds };
    set({ selection, measured, dragging });
    if (dropped.size > 0 && state.draft) commit(moveDraftNodes(state.draft, dropped));
  };

  const onEdgesChange = (changes: EdgeChange<TreeFlowEdge>[]) => {
    const { selection } = get();
    let { edgeIds } = selection;
    for (const change of changes) {
      if (change.type === 'select') edgeIds = toggled(edgeIds, change.id, change.selected);
    }
    if (edgeIds !== selection.edgeIds) set({ selection: { ...selection, edgeIds } });
  };

  return {
    onNodesChange,
    onEdgesChange,
    selectNode: (nodeId) => set({ selection: { nodeIds: nodeId ? [nodeId] : [], edgeIds: [] } }),
    selectEdge: (edgeId) => set({ selection: { nodeIds: [], edgeIds: [edgeId] } }),
    beginConnection: (pendingConnection) => set({ pendingConnection }),
  };
}
