/** The canvas of a tree without nodes: what to add first, and "Add a metric". */
import { Network, Plus } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';

/** `onAdd` is null for a viewer: the tree is an editor's to build. */
export function EmptyTree({ onAdd }: { onAdd: (() => void) | null }) {
  return (
    <div className="canvas__empty">
      <EmptyState icon={<Network size={28} />} title="This tree has no nodes yet">
        <p>
          Add the outcome metric first: the top node is what the tree explains, its branches the
          metrics that drive it.
        </p>
        {onAdd ? (
          <button type="button" className="button button--primary" onClick={onAdd}>
            <Plus aria-hidden size={14} />
            Add a metric
          </button>
        ) : (
          <p>An editor or admin of this workspace builds it; ask one to add its metrics.</p>
        )}
      </EmptyState>
    </div>
  );
}
