/**
 * The canvas of the open tree, where it is built: nodes are dragged freely (positions are
 * saved with the tree), links are drawn from a parent's handle to a child and given a
 * relation, metrics are added from the catalog, and the toolbar holds undo, redo, tidy
 * layout, delete and the shortcut help. Every edit goes through the editor store.
 */
import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
} from '@xyflow/react';
import { useCallback, useState } from 'react';
import { ViewOnlyNote } from '../components/EditGuard';
import { usePermission } from '../session/workspace-scope';
import { EditorNotice } from './EditorNotice';
import { EditorToolbar } from './EditorToolbar';
import { EmptyTree } from './EmptyTree';
import { edgeTypes } from './edge-types';
import { FIT_VIEW_OPTIONS } from './fit-view-options';
import { nodeTypes } from './node-types';
import { RelationChooser } from './RelationChooser';
import { SaveControls } from './SaveControls';
import { useTreeEditor } from './TreeEditorProvider';
import { useEditorActions } from './tree-editor-hooks';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useFlowElements } from './use-flow-elements';
import { useTidyLayout } from './use-tidy-layout';

/** Only a node linked to itself is stopped while dragging; the chooser explains the rest. */
const isValidConnection = (connection: { source: string; target: string }) =>
  connection.source !== connection.target;

const DEFAULT_EDGE_OPTIONS = { type: 'relation' as const };

export function TreeCanvas() {
  return (
    <ReactFlowProvider>
      <EditorCanvas />
    </ReactFlowProvider>
  );
}

function EditorCanvas() {
  const { nodes, edges } = useFlowElements();
  const onNodesChange = useTreeEditor((state) => state.onNodesChange);
  const onEdgesChange = useTreeEditor((state) => state.onEdgesChange);
  const hasPendingConnection = useTreeEditor((state) => state.pendingConnection !== null);
  const tidy = useTidyLayout();
  const { beginConnection, selectNode } = useEditorActions();
  const [picking, setPicking] = useState(false);
  const [helping, setHelping] = useState(false);
  // A viewer reads the tree: it pans, zooms and selects, and nothing in it moves or changes.
  const canEdit = usePermission('editor').allowed;

  const onConnect = useCallback(
    (connection: Connection) =>
      beginConnection({ parentId: connection.source, childId: connection.target }),
    [beginConnection],
  );

  useEditorShortcuts({
    readOnly: !canEdit,
    onAdd: () => setPicking(true),
    onLayout: tidy,
    onHelp: () => setHelping((open) => !open),
    onEscape: () => {
      if (picking) setPicking(false);
      else if (helping) setHelping(false);
      else if (hasPendingConnection) beginConnection(null);
      else selectNode(null);
    },
  });

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={canEdit ? onConnect : undefined}
      nodesDraggable={canEdit}
      nodesConnectable={canEdit}
      edgesReconnectable={canEdit}
      isValidConnection={isValidConnection}
      onPaneClick={() => {
        setPicking(false);
        setHelping(false);
      }}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.2}
      maxZoom={2}
      deleteKeyCode={null}
      multiSelectionKeyCode="Shift"
      connectionRadius={32}
      colorMode="light"
      aria-label="Metric tree canvas"
    >
      <Background variant={BackgroundVariant.Dots} gap={16} size={1} color="var(--canvas-dot)" />
      <Controls showInteractive={false} position="bottom-left" />
      <Panel position="top-left" className="toolbar-panel">
        {canEdit ? (
          <EditorToolbar
            picking={picking}
            onTogglePicker={() => setPicking((open) => !open)}
            onClosePicker={() => setPicking(false)}
            helping={helping}
            onToggleHelp={() => setHelping((open) => !open)}
          />
        ) : (
          <ViewOnlyNote />
        )}
      </Panel>
      {canEdit ? (
        <Panel position="top-right" className="save-panel">
          <SaveControls />
        </Panel>
      ) : null}
      <Panel position="top-center" className="chooser-panel">
        <RelationChooser />
      </Panel>
      <Panel position="bottom-center" className="notice-panel">
        <EditorNotice />
      </Panel>
      {nodes.length === 0 ? <EmptyTree onAdd={canEdit ? () => setPicking(true) : null} /> : null}
    </ReactFlow>
  );
}
