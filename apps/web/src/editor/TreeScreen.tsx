/**
 * The Trees screen: the top bar with the tree's save state and period controls, the canvas
 * where the open tree is built, and the detail panel. Reads the tree as a draft (what is
 * edited and saved), its live values at the chosen grain and filter (re-read after every
 * save), the metric catalog and the workspace's people, and hands them to the editor store.
 */
import type { Grain, TreeSummary } from '@treeline/core';
import { Network, Plus } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { DetailPanel } from '../components/DetailPanel';
import { EmptyState } from '../components/EmptyState';
import { PeriodControls } from '../components/PeriodControls';
import { ProblemState } from '../components/ProblemState';
import { CanvasSkeleton } from '../components/Skeleton';
import { TopBar } from '../components/TopBar';
import { api, type Health, type Workspace } from '../lib/api';
import { type Resource, useResource } from '../lib/use-resource';
import { encodeViewFilter, type ViewFilter } from '../lib/view-controls';
import { ConflictDialog } from './ConflictDialog';
import { useEditorActions, useEditorStore, useTreeView } from './store';
import { TreeCanvas } from './TreeCanvas';

export function TreeScreen({
  trees,
  tree,
  workspace,
  health,
  onNewTree,
  onSaved,
}: {
  trees: Resource<TreeSummary[]> & { retry: () => void };
  tree: TreeSummary | null;
  workspace: Resource<Workspace>;
  health: Resource<Health>;
  onNewTree: () => void;
  onSaved: () => void;
}) {
  const treeId = tree?.id ?? null;
  const [grain, setGrain] = useState<Grain>('month');
  const [filter, setFilter] = useState<ViewFilter | null>(null);
  const { loadTree, setView, setCatalog, setPeople } = useEditorActions();
  const storeTreeId = useEditorStore((state) => state.treeId);
  const draftName = useEditorStore((state) => state.draft?.name ?? null);
  const version = useEditorStore((state) => state.version);
  const shownView = useTreeView();

  const metrics = useResource('metrics', (signal) => api.listMetrics(signal));
  const people = useResource('people', (signal) => api.listPeople(signal));
  const metricList = metrics.status === 'success' ? metrics.data : null;
  const personList = people.status === 'success' ? people.data : null;
  useEffect(() => {
    if (metricList) setCatalog(metricList);
  }, [metricList, setCatalog]);
  useEffect(() => {
    if (personList) setPeople(personList);
  }, [personList, setPeople]);

  // The draft, read when a tree opens; unsaved edits to the same tree (e.g. after a visit
  // to the Metrics screen) are kept rather than replaced by the stored tree.
  const record = useResource(treeId && `tree:${treeId}`, (signal) => api.getTree(treeId!, signal));
  const loadedRecord = record.status === 'success' ? record.data : null;
  useEffect(() => {
    if (!loadedRecord) return;
    const state = useEditorStore.getState();
    if (state.treeId === loadedRecord.id && state.dirty) return;
    loadTree(loadedRecord);
  }, [loadedRecord, loadTree]);
  const draftReady = treeId !== null && storeTreeId === treeId;

  // Live values, re-read at every saved version so new nodes get their numbers.
  const treeView = useResource(
    draftReady ? `${treeId}:${version}:${grain}:${encodeViewFilter(filter)}` : null,
    (signal) => api.getTreeView(treeId!, grain, filter, signal),
  );
  const loadedView = treeView.status === 'success' ? treeView.data : null;
  useEffect(() => {
    if (loadedView) setView(loadedView);
  }, [loadedView, setView]);
  const viewReady = draftReady && shownView !== null && shownView.tree.id === treeId;
  // Another grain, filter or version of the tree on screen: keep its values, dimmed.
  const refreshing = viewReady && treeView.status === 'loading';

  // A save changes the rail's node counts and names.
  const savedVersion = useRef<{ treeId: string | null; version: number }>({ treeId, version });
  useEffect(() => {
    const before = savedVersion.current;
    savedVersion.current = { treeId: storeTreeId, version };
    if (before.treeId === storeTreeId && version > before.version) onSaved();
  }, [storeTreeId, version, onSaved]);

  const problem =
    trees.status === 'error'
      ? { problem: trees.problem, retry: trees.retry }
      : record.status === 'error'
        ? { problem: record.problem, retry: record.retry }
        : treeView.status === 'error' && !viewReady
          ? { problem: treeView.problem, retry: treeView.retry }
          : null;

  return (
    <>
      <TopBar
        workspace={workspace}
        treeName={tree ? (draftReady ? draftName : tree.name) : null}
        period={viewReady ? shownView.period : null}
        previousPeriod={viewReady ? shownView.previousPeriod : null}
        health={health}
        refreshing={refreshing}
        controls={
          tree ? (
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
        aria-busy={(!viewReady || refreshing) && problem === null && tree !== null}
      >
        {refreshing ? (
          <output className="canvas__refreshing" aria-live="polite">
            Updating values…
          </output>
        ) : null}
        {problem ? (
          <ProblemState problem={problem.problem} onRetry={problem.retry} />
        ) : trees.status === 'loading' ? (
          <CanvasSkeleton />
        ) : !tree ? (
          <NoTrees onNewTree={onNewTree} />
        ) : !viewReady ? (
          <CanvasSkeleton />
        ) : (
          <TreeCanvas key={treeId} />
        )}
      </main>
      <DetailPanel
        loading={trees.status === 'loading' || (tree !== null && !viewReady && problem === null)}
      />
      <ConflictDialog />
    </>
  );
}

function NoTrees({ onNewTree }: { onNewTree: () => void }) {
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
