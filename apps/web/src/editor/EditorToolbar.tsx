/**
 * The editor toolbar over the canvas: add a metric (the catalog picker), undo and redo,
 * tidy the layout, delete the selection, and the keyboard shortcuts.
 */
import { useReactFlow } from '@xyflow/react';
import { CircleHelp, LayoutGrid, Plus, Redo2, Trash2, Undo2 } from 'lucide-react';
import type { CatalogMetric } from '../lib/api';
import { useCatalog } from '../server-data/use-catalog';
import { MetricPicker } from './MetricPicker';
import { ShortcutsHelp } from './ShortcutsHelp';
import { MOD } from './shortcuts';
import { ToolbarIcon } from './ToolbarIcon';
import { useTreeEditor, useTreeEditorApi } from './TreeEditorProvider';
import { useEditorActions, useHistoryState } from './tree-editor-hooks';
import { useTidyLayout } from './use-tidy-layout';

export function EditorToolbar({
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
  const catalog = useCatalog();
  const empty = useTreeEditor((state) => (state.draft?.nodes.length ?? 0) === 0);
  const store = useTreeEditorApi();
  const flow = useReactFlow();

  function pick(metric: CatalogMetric) {
    onClosePicker();
    const anySelected = store.getState().selection.nodeIds.length > 0;
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
