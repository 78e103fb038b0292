/**
 * The Trees screen with a tree open: the top bar with the tree's name and period controls,
 * the canvas where it is built, and the detail panel. The draft (what is edited and saved)
 * lives in the tree's editor store; its values (at the chosen grain and filter, re-read
 * after every save and in place after every import the server announces) come from the
 * query cache. The two are held apart, so new numbers never touch unsaved edits.
 */
import type { TreeSummary } from '@treeline/core';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { DetailPanel } from '../components/detail-panel/DetailPanel';
import { ProblemState } from '../components/ProblemState';
import { CanvasSkeleton } from '../components/Skeleton';
import { TopBar } from '../components/TopBar';
import { useHashSearch } from '../routes/hash-location';
import { paths } from '../routes/paths';
import { useTreeControls } from '../routes/use-tree-controls';
import { metricsQuery, peopleQuery } from '../server-data/queries';
import { useScreenQuery } from '../server-data/use-screen-query';
import { ConflictDialog } from './ConflictDialog';
import { ShownTreeViewContext } from './ShownTreeView';
import { TreeCanvas } from './TreeCanvas';
import { TreeControlsBar } from './TreeControlsBar';
import { useTreeEditor } from './TreeEditorProvider';
import { useTreeDraft } from './use-tree-draft';
import { useTreeValues } from './use-tree-values';

export function TreeEditorScreen({ tree }: { tree: TreeSummary }) {
  const treeId = tree.id;
  const [controls, setControls] = useTreeControls();
  // The address always names what is on screen: the tree shown (the first one, when it
  // named none or one that is gone) and its controls.
  const [location, navigate] = useLocation();
  const wanted = paths.tree(treeId, controls);
  const search = useHashSearch();
  const here = `${location}${search ? `?${search}` : ''}`;
  useEffect(() => {
    if (here !== wanted) navigate(wanted, { replace: true });
  }, [here, wanted, navigate]);

  const record = useTreeDraft(treeId);
  // The catalog and the people the cards and the panel show are read again as it opens.
  useScreenQuery(metricsQuery());
  useScreenQuery(peopleQuery());
  const draftReady = useTreeEditor((state) => state.draft !== null);
  const draftName = useTreeEditor((state) => state.draft?.name ?? null);
  const version = useTreeEditor((state) => state.version);
  const values = useTreeValues(treeId, version, controls, draftReady);
  const viewReady = draftReady && values.view !== null;
  const problem =
    record.status === 'error'
      ? { problem: record.problem, retry: record.retry }
      : !viewReady
        ? values.problem
        : null;

  return (
    <ShownTreeViewContext.Provider value={values.view}>
      <TopBar
        treeName={draftReady ? draftName : tree.name}
        period={viewReady ? values.view!.period : null}
        previousPeriod={viewReady ? values.view!.previousPeriod : null}
        refreshing={values.refreshing}
        freshness={values.freshness}
        controls={
          <TreeControlsBar
            controls={controls}
            setControls={setControls}
            view={viewReady ? values.view : null}
            draftReady={draftReady}
          />
        }
      />
      <main
        className={`canvas${values.refreshing ? ' is-refreshing' : ''}${values.stale ? ' is-stale' : ''}`}
        aria-busy={(!viewReady || values.refreshing) && problem === null}
      >
        {values.refreshing ? (
          <output className="canvas__refreshing" aria-live="polite">
            Updating values…
          </output>
        ) : null}
        {problem ? (
          <ProblemState problem={problem.problem} onRetry={problem.retry} />
        ) : !viewReady ? (
          <CanvasSkeleton />
        ) : (
          <TreeCanvas />
        )}
      </main>
      <DetailPanel loading={!viewReady && problem === null} />
      <ConflictDialog />
    </ShownTreeViewContext.Provider>
  );
}
