/** "Discard unsaved changes?" before another tree (or a new one) replaces the open one. */
import { Dialog } from '../components/Dialog';

export function DiscardEditsDialog({
  treeName,
  onDiscard,
  onKeep,
}: {
  treeName: string | undefined;
  onDiscard: () => void;
  onKeep: () => void;
}) {
  return (
    <Dialog title="Discard unsaved changes?" onClose={onKeep}>
      <p className="dialog__text">
        “{treeName}” has edits that are not saved. Save them first, or discard them.
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--danger" onClick={onDiscard}>
          Discard changes
        </button>
        {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes focus */}
        <button type="button" className="button" onClick={onKeep} autoFocus>
          Keep editing
        </button>
      </div>
    </Dialog>
  );
}
