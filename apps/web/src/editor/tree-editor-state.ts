/**
 * What the editor of one open tree holds: the draft being edited and the version it was
 * read at, whether it differs from what was saved, its undo history, the selection, the
 * canvas's passing state (measured card sizes, cards being dragged), the save state and
 * what the last save or link said. No server data: values, the catalog and people come
 * from the query cache (server-data/) and are joined to the draft where it is shown.
 */
import type { NodeBand, TreeDraft, TreeDraftNode, TreeIssue } from '@treeline/core';
import type { OnEdgesChange, OnNodesChange } from '@xyflow/react';
import type { MetricEntry, TreeConflict, TreeRecord } from '../lib/api';
import type { ConnectionCheck } from './check-connection';
import type { RaciRole } from './draft-edits';
import type { DraftHistory } from './draft-history';
import type { RelationFlowEdge } from './edges/RelationEdge';
import type { FlowDirection, MetricFlowNode } from './nodes/MetricNode';
import type { RelationChoice } from './relation-choices';

/** Every node type the canvas knows; the union grows with new node kinds. */
export type TreeFlowNode = MetricFlowNode;
/** Every edge type the canvas knows. */
export type TreeFlowEdge = RelationFlowEdge;

/** A link being drawn: the two ends, waiting for its relation to be chosen. */
export interface PendingConnection {
  parentId: string;
  childId: string;
}

export type SaveStatus = 'idle' | 'saving';

export interface Point {
  x: number;
  y: number;
}

/** The selected node and link ids. */
export interface Selection {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

export interface EditorNotice {
  tone: 'error' | 'info';
  text: string;
}

export interface TreeEditorData {
  treeId: string;
  /** The version the draft was read at; a save is made against it. */
  version: number;
  /** Null until the tree is read. */
  draft: TreeDraft | null;
  /** The draft as last loaded or saved, to tell whether there are unsaved edits. */
  savedDraft: TreeDraft | null;
  dirty: boolean;
  history: DraftHistory;
  selection: Selection;
  /** Each card's size as React Flow measured it (layout and fit need them). */
  measured: Readonly<Record<string, { width: number; height: number }>>;
  /** Where cards being dragged are, until the drop makes the move an edit. */
  dragging: Readonly<Record<string, Point>>;
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
  notice: EditorNotice | null;
}

export interface TreeEditorActions {
  onNodesChange: OnNodesChange<TreeFlowNode>;
  onEdgesChange: OnEdgesChange<TreeFlowEdge>;
  /** Opens the tree as read (or as saved by someone else): no history, nothing unsaved. */
  loadTree: (tree: TreeRecord) => void;
  /** Drops unsaved edits and history: the tree is read again as stored. */
  discard: () => void;
  /** Adds a node for a catalog metric and selects it; returns its id. */
  addNode: (metricKey: string, position?: Point) => string | null;
  /** Whether the link may be made, and why not (or what is still missing). */
  checkLink: (parentId: string, childId: string, choice: RelationChoice) => ConnectionCheck;
  /** Makes the link when it may be made; the check's verdict either way. */
  connect: (parentId: string, childId: string, choice: RelationChoice) => ConnectionCheck;
  beginConnection: (connection: PendingConnection | null) => void;
  /** Gives an existing link another relation, when that relation fits. */
  relink: (edgeId: string, choice: RelationChoice) => ConnectionCheck;
  /** Deletes the given nodes (with their edges) and edges; by default the selection. */
  deleteElements: (ids?: { nodeIds?: string[]; edgeIds?: string[] }) => void;
  moveNodes: (positions: ReadonlyMap<string, Point>) => void;
  autoLayout: () => void;
  updateNode: (
    nodeId: string,
    patch: Partial<Pick<TreeDraftNode, 'label' | 'band' | 'filter' | 'alertRule'>>,
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
  setNotice: (notice: EditorNotice | null) => void;
  /** Selects one node (or none), as a click on the canvas would. */
  selectNode: (nodeId: string | null) => void;
  /** Selects one link, and no node. */
  selectEdge: (edgeId: string) => void;
}

export type TreeEditorState = TreeEditorData & TreeEditorActions;

/** What the store reads from outside it: the metric catalog, for names and link checks. */
export interface TreeEditorDeps {
  catalog: () => ReadonlyMap<string, MetricEntry>;
}

export const NO_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

/** The state of a tree not read yet. */
export function unreadTree(treeId: string): TreeEditorData {
  return {
    treeId,
    version: 0,
    draft: null,
    savedDraft: null,
    dirty: false,
    history: { past: [], future: [] },
    selection: NO_SELECTION,
    measured: {},
    dragging: {},
    direction: 'TB',
    issues: [],
    warnings: [],
    conflict: null,
    saveStatus: 'idle',
    pendingConnection: null,
    notice: null,
  };
}
