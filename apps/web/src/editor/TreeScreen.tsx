/**
 * The Trees screen: the open tree in its editor (TreeEditorScreen, under the tree's own
 * editor store), or, before there is one, the trees loading, the problem reading them, or
 * an empty workspace's way to start.
 */
import type { TreeSummary } from '@treeline/core';
import { PanelSkeleton } from '../components/detail-panel/PanelSkeleton';
import { ProblemState } from '../components/ProblemState';
import { CanvasSkeleton } from '../components/Skeleton';
import { TopBar } from '../components/TopBar';
import type { QueryResource } from '../server-data/resource';
import { NoTrees } from './NoTrees';
import { TreeEditorProvider } from './TreeEditorProvider';
import { TreeEditorScreen } from './TreeEditorScreen';

export function TreeScreen({
  trees,
  tree,
  onNewTree,
}: {
  trees: QueryResource<TreeSummary[]>;
  tree: TreeSummary | null;
  onNewTree: () => void;
}) {
  if (tree && trees.status !== 'error') {
    return (
      <TreeEditorProvider treeId={tree.id}>
        <TreeEditorScreen key={tree.id} tree={tree} />
      </TreeEditorProvider>
    );
  }
  return (
    <>
      <TopBar treeName={null} period={null} previousPeriod={null} />
      <main className="canvas" aria-busy={false}>
        {trees.status === 'error' ? (
          <ProblemState problem={trees.problem} onRetry={trees.retry} />
        ) : trees.status === 'loading' ? (
          <CanvasSkeleton />
        ) : (
          <NoTrees onNewTree={onNewTree} />
        )}
      </main>
      <aside className="panel" aria-label="Details">
        <PanelSkeleton active={trees.status === 'loading'} />
      </aside>
    </>
  );
}
