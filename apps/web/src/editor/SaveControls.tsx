/** The top bar's save state (saved, unsaved changes, saving) and the Save button. */
import { Check, Circle, LoaderCircle, Save } from 'lucide-react';
import { api } from '../lib/api';
import { saveEditedTree } from './save-tree';
import { MOD } from './shortcuts';
import { useTreeEditorApi } from './TreeEditorProvider';
import { useHistoryState } from './tree-editor-hooks';

export function SaveControls() {
  const store = useTreeEditorApi();
  const { dirty, saveStatus, version } = useHistoryState();
  const saving = saveStatus === 'saving';
  return (
    <div className="save">
      <output className={`save__state${dirty ? ' is-dirty' : ''}`} data-testid="save-state">
        {saving ? (
          <>
            <LoaderCircle aria-hidden size={12} className="spin" /> Saving…
          </>
        ) : dirty ? (
          <>
            <Circle aria-hidden size={8} fill="currentColor" /> Unsaved changes
          </>
        ) : (
          <>
            <Check aria-hidden size={12} /> Saved
            <span className="save__version">v{version}</span>
          </>
        )}
      </output>
      <button
        type="button"
        className="button button--primary button--compact"
        onClick={() => void saveEditedTree(store, api)}
        disabled={saving || !dirty}
        aria-keyshortcuts={MOD === '⌘' ? 'Meta+S' : 'Control+S'}
        title={`Save (${MOD}+S)`}
      >
        <Save aria-hidden size={14} />
        Save
      </button>
    </div>
  );
}
