/** The tree screen of a workspace without trees: what a tree is for, and "New tree". */
import { Network, Plus } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';
import { usePermission } from '../session/workspace-scope';

export function NoTrees({ onNewTree }: { onNewTree: () => void }) {
  const edit = usePermission('editor');
  return (
    <EmptyState icon={<Network size={28} />} title="No trees in this workspace yet">
      <p>
        Start from a template: <strong>activity per contact</strong>,{' '}
        <strong>contact-to-customer conversion</strong> or <strong>contacts growth</strong>, or from
        an empty canvas.
      </p>
      {edit.allowed ? (
        <button type="button" className="button button--primary" onClick={onNewTree}>
          <Plus aria-hidden size={14} />
          New tree
        </button>
      ) : (
        <p>{edit.reason}</p>
      )}
    </EmptyState>
  );
}
