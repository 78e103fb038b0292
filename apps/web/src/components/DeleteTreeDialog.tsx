/** "Delete tree?": what goes with the tree, and the delete once confirmed. */
import { useState } from 'react';
import { type Problem, toProblem } from '../lib/api';
import { Dialog } from './Dialog';

/** "Delete tree?" with what goes with it. */
export function DeleteTreeDialog({
  name,
  onConfirm,
  onClose,
}: {
  name: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  return (
    <Dialog title={`Delete “${name}”?`} onClose={onClose} testId="delete-tree-dialog">
      <p className="dialog__text">
        Its nodes, links and owners are deleted with it. The metrics and the CRM data stay. This
        cannot be undone.
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem.title}
          {problem.detail ? `: ${problem.detail}` : ''}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={deleting}
          onClick={async () => {
            setDeleting(true);
            try {
              await onConfirm();
            } catch (error) {
              setProblem(toProblem(error));
              setDeleting(false);
            }
          }}
        >
          {deleting ? 'Deleting…' : 'Delete tree'}
        </button>
        {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes focus in a destructive dialog */}
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
