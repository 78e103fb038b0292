/** The workspace's trees under Trees in the rail: open one, delete one, or start a new one. */
import type { TreeSummary } from '@treeline/core';
import { Trash2 } from 'lucide-react';
import type { Resource } from '../server-data/resource';
import { SkeletonLine } from './Skeleton';

export function TreeList({
  trees,
  activeTreeId,
  onOpenTree,
  onDeleteTree,
}: {
  trees: Resource<TreeSummary[]>;
  activeTreeId: string | null;
  onOpenTree: (treeId: string) => void;
  /** Null when the person may not delete trees (a viewer): no delete buttons. */
  onDeleteTree: ((tree: TreeSummary) => void) | null;
}) {
  if (trees.status === 'loading') {
    return (
      <div className="tree-list tree-list--loading" role="status">
        <span className="visually-hidden">Loading trees…</span>
        <SkeletonLine width="70%" />
        <SkeletonLine width="55%" />
      </div>
    );
  }
  if (trees.status === 'error') {
    return <p className="tree-list__note">Trees could not be loaded.</p>;
  }
  if (trees.data.length === 0) {
    return (
      <p className="tree-list__note">
        {onDeleteTree ? 'No trees yet. Start one with +.' : 'No trees yet; an editor starts them.'}
      </p>
    );
  }
  return (
    <ul className="tree-list" aria-label="Trees">
      {trees.data.map((tree) => (
        <li key={tree.id} className="tree-list__row">
          <button
            type="button"
            className={`tree-list__item${tree.id === activeTreeId ? ' is-active' : ''}`}
            aria-current={tree.id === activeTreeId ? 'true' : undefined}
            title={tree.description || tree.name}
            onClick={() => onOpenTree(tree.id)}
          >
            <span className="tree-list__name">{tree.name}</span>
            <span className="tree-list__count">
              {tree.nodeCount}
              <span className="visually-hidden"> nodes</span>
            </span>
          </button>
          {onDeleteTree ? (
            <button
              type="button"
              className="tree-list__delete"
              onClick={() => onDeleteTree(tree)}
              aria-label={`Delete ${tree.name}`}
              title="Delete tree…"
            >
              <Trash2 aria-hidden size={13} />
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
