/**
 * The app shell: the rail, the top bar, and the open section. Trees shows the canvas of
 * the open tree and the detail panel; Metrics shows the metric catalog. Loads the
 * workspace, its trees and the server's health, opens the first tree (or the one picked
 * in the rail) for the last complete period at the grain and tree-wide filter the top bar
 * sets (month, unfiltered at first).
 */
import type { Grain } from '@treeline/core';
import { Network } from 'lucide-react';
import { useEffect, useState } from 'react';
import { DetailPanel } from './components/DetailPanel';
import { EmptyState } from './components/EmptyState';
import { LeftRail, type Section } from './components/LeftRail';
import { PeriodControls } from './components/PeriodControls';
import { ProblemState } from './components/ProblemState';
import { CanvasSkeleton } from './components/Skeleton';
import { TopBar } from './components/TopBar';
import { useEditorActions, useTreeView } from './editor/store';
import { TreeCanvas } from './editor/TreeCanvas';
import { api } from './lib/api';
import { useResource } from './lib/use-resource';
import { encodeViewFilter, type ViewFilter } from './lib/view-controls';
import { MetricsScreen } from './metrics/MetricsScreen';

export function App() {
  const workspace = useResource('workspace', (signal) => api.getWorkspace(signal));
  const trees = useResource('trees', (signal) => api.listTrees(signal));
  const health = useResource('health', (signal) => api.getHealth(signal));
  const [chosenTreeId, setChosenTreeId] = useState<string | null>(null);
  const [section, setSection] = useState<Section>('trees');
  const [grain, setGrain] = useState<Grain>('month');
  const [filter, setFilter] = useState<ViewFilter | null>(null);

  const treeList = trees.status === 'success' ? trees.data : null;
  const activeTree = treeList
    ? (treeList.find((tree) => tree.id === chosenTreeId) ?? treeList[0] ?? null)
    : null;
  const activeTreeId = activeTree?.id ?? null;

  const treeView = useResource(
    activeTreeId && `${activeTreeId}:${grain}:${encodeViewFilter(filter)}`,
    (signal) => api.getTreeView(activeTreeId!, grain, filter, signal),
  );
  const loadedView = treeView.status === 'success' ? treeView.data : null;
  const { loadTreeView, clear } = useEditorActions();
  const shownView = useTreeView();
  // Another grain or filter of the tree on screen: keep its nodes, dimmed, until it lands.
  const refreshing =
    treeView.status === 'loading' && shownView !== null && shownView.tree.id === activeTreeId;
  useEffect(() => {
    if (loadedView) loadTreeView(loadedView);
    else if (!refreshing) clear();
  }, [loadedView, refreshing, loadTreeView, clear]);

  const viewReady = shownView !== null && (shownView === loadedView || refreshing);

  const rail = (
    <LeftRail
      section={section}
      onOpenSection={setSection}
      trees={trees}
      activeTreeId={activeTreeId}
      onOpenTree={setChosenTreeId}
    />
  );

  if (section === 'metrics') {
    return (
      <div className="app">
        {rail}
        <TopBar
          workspace={workspace}
          treeName="Metrics"
          period={null}
          previousPeriod={null}
          health={health}
        />
        <main className="metrics-main">
          <MetricsScreen />
        </main>
      </div>
    );
  }

  return (
    <div className="app">
      {rail}
      <TopBar
        workspace={workspace}
        treeName={activeTree?.name ?? null}
        period={viewReady ? shownView.period : null}
        previousPeriod={viewReady ? shownView.previousPeriod : null}
        health={health}
        refreshing={refreshing}
        controls={
          activeTree ? (
            <PeriodControls
              grain={grain}
              onGrainChange={setGrain}
              filter={filter}
              onFilterChange={setFilter}
            />
          ) : null
        }
      />
      <main
        className={`canvas${refreshing ? ' is-refreshing' : ''}`}
        aria-busy={(!viewReady || refreshing) && trees.status !== 'error'}
      >
        {refreshing ? (
          <output className="canvas__refreshing" aria-live="polite">
            Updating values…
          </output>
        ) : null}
        {trees.status === 'error' ? (
          <ProblemState problem={trees.problem} onRetry={trees.retry} />
        ) : trees.status === 'loading' ? (
          <CanvasSkeleton />
        ) : !activeTree ? (
          <NoTrees />
        ) : treeView.status === 'error' ? (
          <ProblemState problem={treeView.problem} onRetry={treeView.retry} />
        ) : !viewReady ? (
          <CanvasSkeleton />
        ) : shownView.nodes.length === 0 ? (
          <EmptyState icon={<Network size={28} />} title="This tree has no nodes yet">
            <p>
              Add a metric to start the tree: its top node is the outcome, its branches the metrics
              that drive it.
            </p>
          </EmptyState>
        ) : (
          <TreeCanvas key={`${shownView.tree.id}:${shownView.tree.version}`} />
        )}
      </main>
      <DetailPanel
        loading={
          trees.status === 'loading' ||
          (activeTree !== null && !viewReady && treeView.status !== 'error')
        }
      />
    </div>
  );
}

function NoTrees() {
  return (
    <EmptyState icon={<Network size={28} />} title="No trees in this workspace yet">
      <p>
        A tree starts from a template: <strong>activity per contact</strong>,{' '}
        <strong>contact-to-customer conversion</strong> or <strong>contacts growth</strong>.
      </p>
      <p>
        Creating trees in the app is coming soon. To explore now, load the demo workspace and its
        activity-per-contact tree with <code>pnpm treeline seed</code>, then reload this page.
      </p>
    </EmptyState>
  );
}
