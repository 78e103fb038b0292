/**
 * The canvas state in one zustand store: the tree view as loaded, the React Flow nodes
 * and edges derived from it, and the selection. Components read it through the
 * selector hooks below, so each one re-renders only for the slice it shows.
 */
import type { NodeView, TreeView } from '@treeline/core';
import {
  applyEdgeChanges,
  applyNodeChanges,
  type OnEdgesChange,
  type OnNodesChange,
} from '@xyflow/react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { RelationFlowEdge } from './edges/RelationEdge';
import type { MetricFlowNode } from './nodes/MetricNode';
import { findRootNodeId, treeViewToFlow } from './tree-view-to-flow';

/** Every node type the canvas knows; the union grows with new node kinds. */
export type TreeFlowNode = MetricFlowNode;
/** Every edge type the canvas knows. */
export type TreeFlowEdge = RelationFlowEdge;

interface EditorState {
  view: TreeView | null;
  nodes: TreeFlowNode[];
  edges: TreeFlowEdge[];
  onNodesChange: OnNodesChange<TreeFlowNode>;
  onEdgesChange: OnEdgesChange<TreeFlowEdge>;
  /** Shows a freshly loaded tree, with its root selected so the detail panel has a subject. */
  loadTreeView: (view: TreeView) => void;
  /** Selects one node (or none), as a click on the canvas would. */
  selectNode: (nodeId: string | null) => void;
  /** Forgets the current tree, e.g. while another one loads. */
  clear: () => void;
}

export const useEditorStore = create<EditorState>()((set, get) => ({
  view: null,
  nodes: [],
  edges: [],
  onNodesChange: (changes) => set({ nodes: applyNodeChanges(changes, get().nodes) }),
  onEdgesChange: (changes) => set({ edges: applyEdgeChanges(changes, get().edges) }),
  loadTreeView: (view) => set({ view, ...treeViewToFlow(view, findRootNodeId(view)) }),
  selectNode: (nodeId) =>
    set({
      nodes: get().nodes.map((node) =>
        node.selected === (node.id === nodeId) ? node : { ...node, selected: node.id === nodeId },
      ),
    }),
  clear: () => set({ view: null, nodes: [], edges: [] }),
}));

/** The loaded tree view, or null before one is loaded. */
export const useTreeView = () => useEditorStore((state) => state.view);

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

/** The selected node's view, or null when nothing is selected. */
export const useSelectedNodeView = (): NodeView | null =>
  useEditorStore((state) => state.nodes.find((node) => node.selected)?.data.view ?? null);

/** The store's domain actions; stable across renders. */
export const useEditorActions = () =>
  useEditorStore(
    useShallow((state) => ({
      loadTreeView: state.loadTreeView,
      selectNode: state.selectNode,
      clear: state.clear,
    })),
  );
