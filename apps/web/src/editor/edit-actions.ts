/**
 * The editor's domain edits of the draft, each one undoable edit through `commit`: add a
 * metric's node, link (checked against the catalog), relink, delete, move, tidy, and
 * change a node's label, filter, band and owners or the tree's name and motion.
 */
import { layoutTree } from './auto-layout';
import { checkConnection } from './check-connection';
import {
  addDraftEdge,
  addDraftNode,
  moveDraftNodes,
  nextDraftId,
  removeFromDraft,
  setRaciRole,
  updateDraftNode,
} from './draft-edits';
import { freeSpot } from './free-spot';
import type { TreeEditorActions, TreeEditorDeps } from './tree-editor-state';
import type { Commit, TreeEditorStore } from './tree-editor-store';

type EditActions = Pick<
  TreeEditorActions,
  | 'addNode'
  | 'checkLink'
  | 'connect'
  | 'relink'
  | 'deleteElements'
  | 'moveNodes'
  | 'autoLayout'
  | 'updateNode'
  | 'setBand'
  | 'assignRole'
  | 'updateTree'
>;

/** @example const edits = createEditActions(set, get, commit, { catalog: () => catalog }); */
export function createEditActions(
  set: TreeEditorStore['setState'],
  get: TreeEditorStore['getState'],
  commit: Commit,
  deps: TreeEditorDeps,
): EditActions {
  return {
    addNode: (metricKey, position) => {
      const { draft, selection, direction } = get();
      if (!draft) return null;
      const metric = deps.catalog().get(metricKey);
      const id = nextDraftId(draft, 'node');
      const selected = draft.nodes.find((node) => selection.nodeIds.includes(node.id));
      // Below (or right of) the selected node, else under everything there is.
      const wanted =
        position ??
        (selected
          ? direction === 'TB'
            ? { x: selected.position.x, y: selected.position.y + 180 }
            : { x: selected.position.x + 300, y: selected.position.y }
          : {
              x: 0,
              y:
                draft.nodes.length === 0
                  ? 0
                  : Math.max(...draft.nodes.map((n) => n.position.y)) + 180,
            });
      const next = addDraftNode(draft, {
        id,
        metricKey,
        label: metric?.name ?? metricKey,
        position: freeSpot(draft, wanted),
      });
      commit(next);
      set({ selection: { nodeIds: [id], edgeIds: [] } });
      return id;
    },
    checkLink: (parentId, childId, choice) => {
      const { draft } = get();
      if (!draft) return { ok: false, reason: 'no tree is open' };
      return checkConnection(draft, deps.catalog(), parentId, childId, choice);
    },
    connect: (parentId, childId, choice) => {
      const { draft } = get();
      if (!draft) return { ok: false, reason: 'no tree is open' };
      const verdict = checkConnection(draft, deps.catalog(), parentId, childId, choice);
      if (!verdict.ok) {
        set({ notice: { tone: 'error', text: `Not linked: ${verdict.reason}.` } });
        return verdict;
      }
      commit(
        addDraftEdge(draft, {
          id: nextDraftId(draft, 'edge'),
          parent: parentId,
          child: childId,
          ...choice,
        }),
        {
          pendingConnection: null,
          notice: verdict.pending ? { tone: 'info', text: `Linked; ${verdict.pending}.` } : null,
        },
      );
      return verdict;
    },
    relink: (edgeId, choice) => {
      const { draft } = get();
      const edge = draft?.edges.find((e) => e.id === edgeId);
      if (!draft || !edge) return { ok: false, reason: 'the link is no longer there' };
      const without = removeFromDraft(draft, { edgeIds: [edgeId] });
      const verdict = checkConnection(without, deps.catalog(), edge.parent, edge.child, choice);
      if (!verdict.ok) {
        set({ notice: { tone: 'error', text: `Not changed: ${verdict.reason}.` } });
        return verdict;
      }
      commit(
        { ...draft, edges: draft.edges.map((e) => (e.id === edgeId ? { ...e, ...choice } : e)) },
        { notice: verdict.pending ? { tone: 'info', text: `Changed; ${verdict.pending}.` } : null },
      );
      return verdict;
    },
    deleteElements: (ids) => {
      const { draft, selection } = get();
      if (!draft) return;
      const { nodeIds = [], edgeIds = [] } = ids ?? {
        nodeIds: [...selection.nodeIds],
        edgeIds: [...selection.edgeIds],
      };
      if (nodeIds.length === 0 && edgeIds.length === 0) return;
      const next = removeFromDraft(draft, { nodeIds, edgeIds });
      if (next.nodes.length === draft.nodes.length && next.edges.length === draft.edges.length)
        return;
      commit(next);
    },
    moveNodes: (positions) => {
      const { draft } = get();
      if (draft) commit(moveDraftNodes(draft, positions));
    },
    autoLayout: () => {
      const { draft, measured, direction } = get();
      if (!draft || draft.nodes.length === 0) return;
      const sizes = new Map(
        Object.entries(measured).filter(([, size]) => size.width > 0 && size.height > 0),
      );
      commit(moveDraftNodes(draft, layoutTree(draft, direction, sizes)));
    },
    updateNode: (nodeId, patch) => {
      const { draft } = get();
      if (draft) commit(updateDraftNode(draft, nodeId, patch));
    },
    setBand: (nodeId, band) => {
      const { draft } = get();
      if (draft) commit(updateDraftNode(draft, nodeId, { band }));
    },
    assignRole: (nodeId, role, personId, assigned) => {
      const { draft } = get();
      const node = draft?.nodes.find((n) => n.id === nodeId);
      if (!draft || !node) return;
      commit(
        updateDraftNode(draft, nodeId, { raci: setRaciRole(node.raci, role, personId, assigned) }),
      );
    },
    updateTree: (patch) => {
      const { draft } = get();
      if (draft) commit({ ...draft, ...patch });
    },
  };
}
