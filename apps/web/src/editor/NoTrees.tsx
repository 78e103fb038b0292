/** The tree screen of a workspace without trees: what a tree is for, and "New tree". */
import { Network, Plus } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';

export function NoTrees({ onNewTree }: { onNewTree: () => void }) {
  return (
    <EmptyState icon={<Network size={28} />} title="No trees in this workspace yet">
      <p>
        Start from a template: <strong>activity per contact</strong>,{' '}
        <strong>contact-to-customer conversion</strong> or <strong>contacts growth</strong>, or from
        an empty canvas.
      </p>
      <button type="button" className="button button--primary" onClick={onNewTree}>
        <Plus aria-hidden size={14} />
        New tree
      </button>
    </EmptyState>
  );
}
