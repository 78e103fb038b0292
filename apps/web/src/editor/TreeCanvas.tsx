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
  useReactFlow,
} from '@xyflow/react';
import { CircleHelp, LayoutGrid, Network, Plus, Redo2, Trash2, Undo2, X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EmptyState } from '../components/EmptyState';
import { api, type CatalogMetric } from '../lib/api';
import { edgeTypes } from './edge-types';
import { MetricPicker } from './MetricPicker';
import { nodeTypes } from './node-types';
import { RelationChooser } from './RelationChooser';
import { SaveControls } from './SaveControls';
import { ShortcutsHelp } from './ShortcutsHelp';
import { saveEditedTree } from './save-tree';
import { isTypingTarget, MOD, shortcutFor } from './shortcuts';
import { useCanvasElements, useEditorActions, useEditorStore, useHistoryState } from './store';

/** Only a node linked to itself is stopped while dragging; the chooser explains the rest. */
const isValidConnection = (connection: { source: string; target: string }) =>
  connection.source !== connection.target;

const FIT_VIEW_OPTIONS = { padding: 0.16, maxZoom: 1.1 };
const DEFAULT_EDGE_OPTIONS = { type: 'relation' as const };

export function TreeCanvas() {
  return (
    <ReactFlowProvider>
      <EditorCanvas />
    </ReactFlowProvider>
  );
}

/** Tidies the layout, then brings the whole tree into view once it has moved. */
function useTidyLayout() {
  const flow = useReactFlow();
  return useCallback(() => {
    useEditorStore.getState().autoLayout();
    requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }));
  }, [flow]);
}

function EditorCanvas() {
  const { nodes, edges, onNodesChange, onEdgesChange } = useCanvasElements();
  const tidy = useTidyLayout();
  const { beginConnection, selectNode } = useEditorActions();
  const [picking, setPicking] = useState(false);
  const [helping, setHelping] = useState(false);

  const onConnect = useCallback(
    (connection: Connection) =>
      beginConnection({ parentId: connection.source, childId: connection.target }),
    [beginConnection],
  );

  useEditorShortcuts({
    onAdd: () => setPicking(true),
    onLayout: tidy,
    onHelp: () => setHelping((open) => !open),
    onEscape: () => {
      if (picking) setPicking(false);
      else if (helping) setHelping(false);
      else if (useEditorStore.getState().pendingConnection) beginConnection(null);
      else selectNode(null);
    },
  });

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
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
        <EditorToolbar
          picking={picking}
          onTogglePicker={() => setPicking((open) => !open)}
          onClosePicker={() => setPicking(false)}
          helping={helping}
          onToggleHelp={() => setHelping((open) => !open)}
        />
      </Panel>
      <Panel position="top-right" className="save-panel">
        <SaveControls />
      </Panel>
      <Panel position="top-center" className="chooser-panel">
        <RelationChooser />
      </Panel>
      <Panel position="bottom-center" className="notice-panel">
        <Notice />
      </Panel>
      {nodes.length === 0 ? <EmptyTree onAdd={() => setPicking(true)} /> : null}
    </ReactFlow>
  );
}

function EmptyTree({ onAdd }: { onAdd: () => void }) {
  return (
    <div className="canvas__empty">
      <EmptyState icon={<Network size={28} />} title="This tree has no nodes yet">
        <p>
          Add the outcome metric first: the top node is what the tree explains, its branches the
          metrics that drive it.
        </p>
        <button type="button" className="button button--primary" onClick={onAdd}>
          <Plus aria-hidden size={14} />
          Add a metric
        </button>
      </EmptyState>
    </div>
  );
}

function EditorToolbar({
  picking,
  onTogglePicker,
  onClosePicker,
  helping,
  onToggleHelp,
}: {
  picking: boolean;
  onTogglePicker: () => void;
  onClosePicker: () => void;
  helping: boolean;
  onToggleHelp: () => void;
}) {
  const { canUndo, canRedo, hasSelection } = useHistoryState();
  const { undo, redo, deleteElements, addNode } = useEditorActions();
  const tidy = useTidyLayout();
  const catalog = useEditorStore((state) => state.catalog);
  const empty = useEditorStore((state) => state.nodes.length === 0);
  const flow = useReactFlow();

  function pick(metric: CatalogMetric) {
    onClosePicker();
    const { nodes } = useEditorStore.getState();
    const anySelected = nodes.some((node) => node.selected);
    // Below the selected node; else in the middle of what is on screen (the store moves it
    // off any card already there).
    let position: { x: number; y: number } | undefined;
    if (!anySelected) {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      const centre = pane
        ? flow.screenToFlowPosition({
            x: pane.left + pane.width / 2,
            y: pane.top + pane.height / 2,
          })
        : { x: 0, y: 0 };
      position = { x: Math.round(centre.x - 110), y: Math.round(centre.y - 52) };
    }
    addNode(metric.key, position);
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Tree editing">
      <div className="toolbar__group">
        <button
          type="button"
          className={`toolbar__button toolbar__button--primary${picking ? ' is-active' : ''}`}
          onClick={onTogglePicker}
          aria-expanded={picking}
          aria-keyshortcuts="A"
          title="Add a metric (A)"
          disabled={catalog.size === 0}
        >
          <Plus aria-hidden size={14} />
          <span>Add metric</span>
        </button>
      </div>
      <div className="toolbar__group">
        <ToolbarIcon label="Undo" keys={`${MOD}+Z`} disabled={!canUndo} onClick={undo}>
          <Undo2 aria-hidden size={15} />
        </ToolbarIcon>
        <ToolbarIcon label="Redo" keys={`Shift+${MOD}+Z`} disabled={!canRedo} onClick={redo}>
          <Redo2 aria-hidden size={15} />
        </ToolbarIcon>
      </div>
      <div className="toolbar__group">
        <ToolbarIcon label="Tidy layout" keys="L" disabled={empty} onClick={tidy}>
          <LayoutGrid aria-hidden size={15} />
        </ToolbarIcon>
        <ToolbarIcon
          label="Delete selection"
          keys="Delete"
          disabled={!hasSelection}
          onClick={() => deleteElements()}
        >
          <Trash2 aria-hidden size={15} />
        </ToolbarIcon>
      </div>
      <div className="toolbar__group">
        <ToolbarIcon label="Keyboard shortcuts" keys="?" pressed={helping} onClick={onToggleHelp}>
          <CircleHelp aria-hidden size={15} />
        </ToolbarIcon>
      </div>
      {picking ? (
        <MetricPicker metrics={[...catalog.values()]} onPick={pick} onClose={onClosePicker} />
      ) : null}
      {helping ? <ShortcutsHelp onClose={onToggleHelp} /> : null}
    </div>
  );
}

function ToolbarIcon({
  label,
  keys,
  disabled = false,
  pressed,
  onClick,
  children,
}: {
  label: string;
  keys: string;
  disabled?: boolean;
  pressed?: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className={`toolbar__button${pressed ? ' is-active' : ''}`}
      aria-label={label}
      aria-keyshortcuts={keys.replaceAll('⌘', 'Meta').replaceAll('Ctrl', 'Control')}
      aria-pressed={pressed}
      title={`${label} (${keys})`}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The last thing the editor has to say: a refused link, a saved version, a failed save. */
function Notice() {
  const notice = useEditorStore((state) => state.notice);
  const setNotice = useEditorStore((state) => state.setNotice);
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);
  return (
    <div className="notice-slot" aria-live="polite">
      {notice ? (
        <div
          className={`notice notice--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="editor-notice"
        >
          <span>{notice.text}</span>
          <button
            type="button"
            className="icon-button icon-button--small"
            onClick={() => setNotice(null)}
            aria-label="Dismiss"
          >
            <X aria-hidden size={13} />
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The editor's shortcuts (see SHORTCUTS), on the whole window while a tree is open. */
function useEditorShortcuts(handlers: {
  onAdd: () => void;
  onLayout: () => void;
  onHelp: () => void;
  onEscape: () => void;
}) {
  // The listener is added once; it reads the latest handlers through the ref.
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      // A modal dialog (conflict, new tree) owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return;
      const action = shortcutFor(event, isTypingTarget(event.target));
      if (!action) return;
      // Single keys act on the canvas, never on a checkbox in the detail panel or the rail.
      const elsewhere =
        event.target instanceof Element && event.target.closest('.panel, .rail') !== null;
      if (elsewhere && (action === 'delete' || action === 'add' || action === 'layout')) return;
      const store = useEditorStore.getState();
      if (action !== 'escape') event.preventDefault();
      switch (action) {
        case 'save':
          // A field being typed in commits on blur: it is part of what is saved.
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
          void saveEditedTree(api);
          return;
        case 'undo':
          store.undo();
          return;
        case 'redo':
          store.redo();
          return;
        case 'delete':
          store.deleteElements();
          return;
        case 'add':
          latest.current.onAdd();
          return;
        case 'layout':
          latest.current.onLayout();
          return;
        case 'help':
          latest.current.onHelp();
          return;
        case 'escape':
          latest.current.onEscape();
          return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
