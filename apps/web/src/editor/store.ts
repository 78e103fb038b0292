/**
 * The editor state in one zustand store: the tree being built (a TreeDraft and the version
 * it was read at), its undo/redo history, the live values of the last tree view, the
 * metric catalog and the workspace's people, and the React Flow nodes and edges derived
 * from all of them. Domain actions (add, connect, delete, move, layout, RACI, bands) each
 * make one undoable edit. Components read the store through the selector hooks below.
 */
import type {
  NodeBand,
  NodeView,
  PersonRef,
  TreeDraft,
  TreeDraftNode,
  TreeIssue,
  TreeView,
} from '@treeline/core';
import {
  applyEdgeChanges,
  applyNodeChanges,
  type OnEdgesChange,
  type OnNodesChange,
} from '@xyflow/react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { MetricEntry, Person, TreeConflict, TreeRecord } from '../lib/api';
import { layoutTree } from './auto-layout';
import { type ConnectionCheck, checkConnection } from './check-connection';
import { detectFlowDirection, findRootNodeId } from './detect-flow-direction';
import {
  addDraftEdge,
  addDraftNode,
  moveDraftNodes,
  nextDraftId,
  type RaciRole,
  removeFromDraft,
  sameDraft,
  setRaciRole,
  updateDraftNode,
} from './draft-edits';
import { draftToFlow } from './draft-to-flow';
import type { RelationFlowEdge } from './edges/RelationEdge';
import type { FlowDirection, MetricFlowNode } from './nodes/MetricNode';
import type { RelationChoice } from './relation-choices';
import { remapDraftIds, savedIdMap } from './remap-saved-ids';

/** Every node type the canvas knows; the union grows with new node kinds. */
export type TreeFlowNode = MetricFlowNode;
/** Every edge type the canvas knows. */
export type TreeFlowEdge = RelationFlowEdge;

/** How many edits undo reaches back. */
export const HISTORY_LIMIT = 100;

/** A link being drawn: the two ends, waiting for its relation to be chosen. */
export interface PendingConnection {
  parentId: string;
  childId: string;
}

export type SaveStatus = 'idle' | 'saving';

interface EditorState {
  treeId: string | null;
  /** The version the draft was read at; a save is made against it. */
  version: number;
  draft: TreeDraft | null;
  /** The draft as last loaded or saved, to tell whether there are unsaved edits. */
  savedDraft: TreeDraft | null;
  dirty: boolean;
  past: TreeDraft[];
  future: TreeDraft[];
  /** Live values of the tree (any version: nodes are matched by id). */
  view: TreeView | null;
  catalog: ReadonlyMap<string, MetricEntry>;
  people: Person[];
  peopleById: ReadonlyMap<string, PersonRef>;
  direction: FlowDirection;
  /** What the last refused save (422) said, per node and edge. */
  issues: TreeIssue[];
  /** Hygiene warnings of the tree as last read or saved; they never block a save. */
  warnings: TreeIssue[];
  /** The last save was against a stale version: what changed. */
  conflict: TreeConflict | null;
  saveStatus: SaveStatus;
  pendingConnection: PendingConnection | null;
  /** The last refused or incomplete link, said once, for a status line. */
  notice: { tone: 'error' | 'info'; text: string } | null;
  nodes: TreeFlowNode[];
  edges: TreeFlowEdge[];

  onNodesChange: OnNodesChange<TreeFlowNode>;
  onEdgesChange: OnEdgesChange<TreeFlowEdge>;
  /** Opens a tree as read (or as saved by someone else): no history, nothing unsaved. */
  loadTree: (tree: TreeRecord) => void;
  /** Shows the live values of a tree view over the draft. */
  setView: (view: TreeView) => void;
  setCatalog: (metrics: readonly MetricEntry[]) => void;
  setPeople: (people: readonly Person[]) => void;
  /** Adds a node for a catalog metric and selects it; returns its id. */
  addNode: (metricKey: string, position?: { x: number; y: number }) => string | null;
  /** Whether the link may be made, and why not (or what is still missing). */
  checkLink: (parentId: string, childId: string, choice: RelationChoice) => ConnectionCheck;
  /** Makes the link when it may be made; the check's verdict either way. */
  connect: (parentId: string, childId: string, choice: RelationChoice) => ConnectionCheck;
  beginConnection: (connection: PendingConnection | null) => void;
  /** Gives an existing link another relation, when that relation fits. */
  relink: (edgeId: string, choice: RelationChoice) => ConnectionCheck;
  /** Deletes the given nodes (with their edges) and edges; by default the selection. */
  deleteElements: (ids?: { nodeIds?: string[]; edgeIds?: string[] }) => void;
  moveNodes: (positions: ReadonlyMap<string, { x: number; y: number }>) => void;
  autoLayout: () => void;
  updateNode: (
    nodeId: string,
    patch: Partial<Pick<TreeDraftNode, 'label' | 'band' | 'filter'>>,
  ) => void;
  setBand: (nodeId: string, band: NodeBand | null) => void;
  assignRole: (nodeId: string, role: RaciRole, personId: string, assigned: boolean) => void;
  updateTree: (patch: Partial<Pick<TreeDraft, 'name' | 'description' | 'motion'>>) => void;
  undo: () => void;
  redo: () => void;
  /** Takes in a successful save of `sent`: the new version, real ids for new nodes. */
  markSaved: (sent: TreeDraft, saved: TreeRecord) => void;
  setSaveStatus: (status: SaveStatus) => void;
  setIssues: (issues: TreeIssue[]) => void;
  setConflict: (conflict: TreeConflict | null) => void;
  setNotice: (notice: EditorState['notice']) => void;
  /** Selects one node (or none), as a click on the canvas would. */
  selectNode: (nodeId: string | null) => void;
  /** Selects one link, and no node. */
  selectEdge: (edgeId: string) => void;
  /** Forgets the current tree, e.g. while another one loads. */
  clear: () => void;
}

/** The draft of a tree record: what is edited and saved, without id, version and checks. */
function draftOf(tree: TreeRecord): TreeDraft {
  return {
    name: tree.name,
    description: tree.description,
    motion: tree.motion,
    outboundWindowDays: tree.outboundWindowDays,
    nodes: tree.nodes,
    edges: tree.edges,
  };
}

/** The issues whose node and link are unchanged between two drafts. */
function stillStanding(issues: TreeIssue[], before: TreeDraft, after: TreeDraft): TreeIssue[] {
  const same = <T extends { id: string }>(list: (d: TreeDraft) => T[], id: string | undefined) =>
    id === undefined ||
    list(before).find((x) => x.id === id) === list(after).find((x) => x.id === id);
  const kept = issues.filter(
    (issue) => same((d) => d.nodes, issue.nodeId) && same((d) => d.edges, issue.edgeId),
  );
  return kept.length === issues.length ? issues : kept;
}

/** `wanted`, or the nearest spot down and to the right that no node card already covers. */
function freeSpot(draft: TreeDraft, wanted: { x: number; y: number }): { x: number; y: number } {
  let at = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  const covered = (p: { x: number; y: number }) =>
    draft.nodes.some((n) => Math.abs(n.position.x - p.x) < 60 && Math.abs(n.position.y - p.y) < 40);
  for (let i = 0; i < 50 && covered(at); i++) at = { x: at.x + 40, y: at.y + 40 };
  return at;
}

const EMPTY_CATALOG: ReadonlyMap<string, MetricEntry> = new Map();
const EMPTY_PEOPLE: ReadonlyMap<string, PersonRef> = new Map();

export const useEditorStore = create<EditorState>()((set, get) => {
  /** Re-derives the canvas; `reuse` keeps node objects whose draft node did not change. */
  function derive(
    state: EditorState,
    draft: TreeDraft | null,
    reuse: boolean,
  ): Pick<EditorState, 'nodes' | 'edges'> {
    if (!draft) return { nodes: [], edges: [] };
    return draftToFlow(
      draft,
      {
        view: state.view,
        catalog: state.catalog,
        people: state.peopleById,
        issues: state.issues,
        direction: state.direction,
      },
      { nodes: state.nodes, edges: state.edges, reuse },
    );
  }

  /** One undoable edit: the old draft goes on the history, redo is forgotten. */
  function commit(next: TreeDraft, extra: Partial<EditorState> = {}) {
    const state = get();
    if (!state.draft || next === state.draft) return;
    // A refused save's marks go from the nodes and links that have been edited since.
    const issues =
      state.issues.length === 0 ? state.issues : stillStanding(state.issues, state.draft, next);
    const merged = { ...state, ...extra, issues };
    set({
      ...extra,
      issues,
      draft: next,
      past: [...state.past, state.draft].slice(-HISTORY_LIMIT),
      future: [],
      dirty: !sameDraft(next, state.savedDraft),
      ...derive(merged, next, true),
    });
  }

  function selectedIds() {
    const { nodes, edges } = get();
    return {
      nodeIds: nodes.filter((node) => node.selected).map((node) => node.id),
      edgeIds: edges.filter((edge) => edge.selected).map((edge) => edge.id),
    };
  }

  return {
    treeId: null,
    version: 0,
    draft: null,
    savedDraft: null,
    dirty: false,
    past: [],
    future: [],
    view: null,
    catalog: EMPTY_CATALOG,
    people: [],
    peopleById: EMPTY_PEOPLE,
    direction: 'TB',
    issues: [],
    warnings: [],
    conflict: null,
    saveStatus: 'idle',
    pendingConnection: null,
    notice: null,
    nodes: [],
    edges: [],

    onNodesChange: (changes) => {
      const state = get();
      const nodes = applyNodeChanges(
        changes.filter((change) => change.type !== 'remove'),
        state.nodes,
      );
      // A drag ends with a position change that is no longer dragging: that is the edit.
      const dropped = new Map<string, { x: number; y: number }>();
      for (const change of changes) {
        if (change.type === 'position' && change.dragging === false) {
          const node = nodes.find((n) => n.id === change.id);
          if (node)
            dropped.set(node.id, {
              x: Math.round(node.position.x),
              y: Math.round(node.position.y),
            });
        }
      }
      set({ nodes });
      if (dropped.size > 0 && state.draft) commit(moveDraftNodes(state.draft, dropped));
    },
    onEdgesChange: (changes) =>
      set({
        edges: applyEdgeChanges(
          changes.filter((change) => change.type !== 'remove'),
          get().edges,
        ),
      }),

    loadTree: (tree) => {
      const { id, version } = tree;
      const state = get();
      const next = draftOf(tree);
      const sameTree = state.treeId === id;
      const base: EditorState = {
        ...state,
        treeId: id,
        version,
        view: sameTree ? state.view : null,
        issues: [],
        direction: detectFlowDirection(next),
        nodes: sameTree ? state.nodes : [],
        edges: sameTree ? state.edges : [],
      };
      const root = findRootNodeId(next);
      const derived = derive(base, next, false);
      set({
        treeId: id,
        version,
        draft: next,
        savedDraft: next,
        dirty: false,
        past: [],
        future: [],
        view: base.view,
        issues: [],
        warnings: tree.warnings,
        conflict: null,
        pendingConnection: null,
        notice: null,
        direction: base.direction,
        nodes: sameTree
          ? derived.nodes
          : derived.nodes.map((node) => (node.id === root ? { ...node, selected: true } : node)),
        edges: derived.edges,
      });
    },
    setView: (view) => {
      const state = get();
      if (view.tree.id !== state.treeId) return;
      const next = { ...state, view };
      set({ view, ...derive(next, state.draft, false) });
    },
    setCatalog: (metrics) => {
      const catalog = new Map(metrics.map((metric) => [metric.key, metric]));
      const next = { ...get(), catalog };
      set({ catalog, ...derive(next, next.draft, false) });
    },
    setPeople: (people) => {
      const peopleById = new Map(
        people.map((p) => [p.id, { id: p.id, name: p.name, initials: p.initials }]),
      );
      const next = { ...get(), people: [...people], peopleById };
      set({ people: next.people, peopleById, ...derive(next, next.draft, false) });
    },

    addNode: (metricKey, position) => {
      const { draft, catalog, nodes } = get();
      if (!draft) return null;
      const metric = catalog.get(metricKey);
      const id = nextDraftId(draft, 'node');
      const selected = nodes.find((node) => node.selected);
      // Below (or right of) the selected node, else under everything there is.
      const wanted =
        position ??
        (selected
          ? get().direction === 'TB'
            ? { x: selected.position.x, y: selected.position.y + 180 }
            : { x: selected.position.x + 300, y: selected.position.y }
          : {
              x: 0,
              y:
                draft.nodes.length === 0
                  ? 0
                  : Math.max(...draft.nodes.map((n) => n.position.y)) + 180,
            });
      const at = freeSpot(draft, wanted);
      const next = addDraftNode(draft, {
        id,
        metricKey,
        label: metric?.name ?? metricKey,
        position: at,
      });
      set({
        nodes: get().nodes.map((node) => (node.selected ? { ...node, selected: false } : node)),
        edges: get().edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
      });
      commit(next);
      set({
        nodes: get().nodes.map((node) => (node.id === id ? { ...node, selected: true } : node)),
      });
      return id;
    },
    checkLink: (parentId, childId, choice) => {
      const { draft, catalog } = get();
      if (!draft) return { ok: false, reason: 'no tree is open' };
      return checkConnection(draft, catalog, parentId, childId, choice);
    },
    connect: (parentId, childId, choice) => {
      const { draft, catalog } = get();
      if (!draft) return { ok: false, reason: 'no tree is open' };
      const verdict = checkConnection(draft, catalog, parentId, childId, choice);
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
    beginConnection: (pendingConnection) => set({ pendingConnection }),
    relink: (edgeId, choice) => {
      const { draft, catalog } = get();
      const edge = draft?.edges.find((e) => e.id === edgeId);
      if (!draft || !edge) return { ok: false, reason: 'the link is no longer there' };
      const without = removeFromDraft(draft, { edgeIds: [edgeId] });
      const verdict = checkConnection(without, catalog, edge.parent, edge.child, choice);
      if (!verdict.ok) {
        set({ notice: { tone: 'error', text: `Not changed: ${verdict.reason}.` } });
        return verdict;
      }
      commit(
        {
          ...draft,
          edges: draft.edges.map((e) => (e.id === edgeId ? { ...e, ...choice } : e)),
        },
        { notice: verdict.pending ? { tone: 'info', text: `Changed; ${verdict.pending}.` } : null },
      );
      return verdict;
    },
    deleteElements: (ids) => {
      const { draft } = get();
      if (!draft) return;
      const { nodeIds = [], edgeIds = [] } = ids ?? selectedIds();
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
      const { draft, nodes, direction } = get();
      if (!draft || draft.nodes.length === 0) return;
      const sizes = new Map(
        nodes
          .filter((node) => node.measured?.width && node.measured?.height)
          .map((node) => [
            node.id,
            { width: node.measured!.width!, height: node.measured!.height! },
          ]),
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
    undo: () => {
      const state = get();
      const previous = state.past.at(-1);
      if (!previous || !state.draft) return;
      set({
        draft: previous,
        past: state.past.slice(0, -1),
        future: [state.draft, ...state.future],
        dirty: !sameDraft(previous, state.savedDraft),
        pendingConnection: null,
        notice: null,
        ...derive(state, previous, true),
      });
    },
    redo: () => {
      const state = get();
      const next = state.future[0];
      if (!next || !state.draft) return;
      set({
        draft: next,
        past: [...state.past, state.draft],
        future: state.future.slice(1),
        dirty: !sameDraft(next, state.savedDraft),
        pendingConnection: null,
        notice: null,
        ...derive(state, next, true),
      });
    },
    markSaved: (sent, saved) => {
      const state = get();
      if (!state.draft || saved.id !== state.treeId) return;
      const { version } = saved;
      const savedDraft = draftOf(saved);
      const ids = savedIdMap(sent, savedDraft);
      const unchanged = state.draft === sent;
      // Edits made while the save was in flight stay, with the new ids.
      const draft = unchanged ? savedDraft : remapDraftIds(state.draft, ids);
      const remap = (d: TreeDraft) => remapDraftIds(d, ids);
      const selected = new Set(
        state.nodes.filter((node) => node.selected).map((node) => ids.get(node.id) ?? node.id),
      );
      const next: EditorState = {
        ...state,
        nodes: state.nodes.map((node) =>
          ids.has(node.id) ? { ...node, id: ids.get(node.id)! } : node,
        ),
        issues: [],
      };
      const derived = derive(next, draft, false);
      set({
        version,
        draft,
        savedDraft,
        dirty: !unchanged && !sameDraft(draft, savedDraft),
        past: state.past.map(remap),
        future: state.future.map(remap),
        issues: [],
        warnings: saved.warnings,
        conflict: null,
        nodes: derived.nodes.map((node) =>
          selected.has(node.id) === Boolean(node.selected)
            ? node
            : { ...node, selected: selected.has(node.id) },
        ),
        edges: derived.edges,
      });
    },
    setSaveStatus: (saveStatus) => set({ saveStatus }),
    setIssues: (issues) => {
      const next = { ...get(), issues };
      set({ issues, ...derive(next, next.draft, false) });
    },
    setConflict: (conflict) => set({ conflict }),
    setNotice: (notice) => set({ notice }),
    selectNode: (nodeId) =>
      set({
        nodes: get().nodes.map((node) =>
          node.selected === (node.id === nodeId) ? node : { ...node, selected: node.id === nodeId },
        ),
        edges: get().edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
      }),
    selectEdge: (edgeId) =>
      set({
        nodes: get().nodes.map((node) => (node.selected ? { ...node, selected: false } : node)),
        edges: get().edges.map((edge) =>
          edge.selected === (edge.id === edgeId) ? edge : { ...edge, selected: edge.id === edgeId },
        ),
      }),
    clear: () =>
      set({
        treeId: null,
        version: 0,
        draft: null,
        savedDraft: null,
        dirty: false,
        past: [],
        future: [],
        view: null,
        issues: [],
        warnings: [],
        conflict: null,
        pendingConnection: null,
        notice: null,
        nodes: [],
        edges: [],
      }),
  };
});

/** The live tree view, or null before one is loaded. */
export const useTreeView = () => useEditorStore((state) => state.view);

/** The draft being edited, or null before a tree is open. */
export const useDraft = () => useEditorStore((state) => state.draft);

/** The React Flow nodes and edges with their change handlers, for the canvas. */
export const useCanvasElements = () =>
  useEditorStore(
    useShallow((state) => ({
      nodes: state.nodes,
      edges: state.edges,
      onNodesChange: state.onNodesChange,
      onEdgesChange: state.onEdgesChange,
    })),
  );

/** The selected node as the panel shows it (view merged over the draft), or null. */
export const useSelectedNode = (): {
  view: NodeView;
  draft: TreeDraftNode;
  pending: boolean;
  issues: readonly string[];
} | null =>
  useEditorStore(
    useShallow((state) => {
      const node = state.nodes.find((n) => n.selected);
      if (!node?.data.draft) return null;
      return {
        view: node.data.view,
        draft: node.data.draft,
        pending: node.data.pending ?? false,
        issues: node.data.issues ?? [],
      };
    }),
  );

/** The selected node's view, or null when nothing is selected. */
export const useSelectedNodeView = (): NodeView | null =>
  useEditorStore((state) => state.nodes.find((node) => node.selected)?.data.view ?? null);

/** The selected edge, when an edge (and no node) is selected. */
export const useSelectedEdgeId = (): string | null =>
  useEditorStore((state) =>
    state.nodes.some((node) => node.selected)
      ? null
      : (state.edges.find((edge) => edge.selected)?.id ?? null),
  );

/** Undo, redo and save state for toolbars. */
export const useHistoryState = () =>
  useEditorStore(
    useShallow((state) => ({
      canUndo: state.past.length > 0,
      canRedo: state.future.length > 0,
      dirty: state.dirty,
      saveStatus: state.saveStatus,
      version: state.version,
      hasSelection:
        state.nodes.some((node) => node.selected) || state.edges.some((edge) => edge.selected),
    })),
  );

/** The store's domain actions; stable across renders. */
export const useEditorActions = () =>
  useEditorStore(
    useShallow((state) => ({
      loadTree: state.loadTree,
      setView: state.setView,
      setCatalog: state.setCatalog,
      setPeople: state.setPeople,
      addNode: state.addNode,
      checkLink: state.checkLink,
      connect: state.connect,
      beginConnection: state.beginConnection,
      relink: state.relink,
      deleteElements: state.deleteElements,
      moveNodes: state.moveNodes,
      autoLayout: state.autoLayout,
      updateNode: state.updateNode,
      setBand: state.setBand,
      assignRole: state.assignRole,
      updateTree: state.updateTree,
      undo: state.undo,
      redo: state.redo,
      markSaved: state.markSaved,
      setSaveStatus: state.setSaveStatus,
      setIssues: state.setIssues,
      setConflict: state.setConflict,
      setNotice: state.setNotice,
      selectNode: state.selectNode,
      selectEdge: state.selectEdge,
      clear: state.clear,
    })),
  );
