/**
 * The Trees screen: the top bar with the tree's save state and period controls, the canvas
 * where the open tree is built, and the detail panel. Reads the tree as a draft (what is
 * edited and saved), its live values at the chosen grain and filter (re-read after every
 * save, and quietly after every import the server announces), the metric catalog and the
 * workspace's people, and hands them to the editor store. Values and the draft are held
 * apart, so new numbers never touch unsaved edits.
 */
import type { Grain, PeriodOptions, TreeSummary, TreeView } from '@treeline/core';
import { Network, Plus } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DetailPanel } from '../components/DetailPanel';
import { EmptyState } from '../components/EmptyState';
import { MotionSelect } from '../components/MotionSelect';
import { PeriodControls } from '../components/PeriodControls';
import { PeriodPicker } from '../components/PeriodPicker';
import { ProblemState } from '../components/ProblemState';
import { CanvasSkeleton } from '../components/Skeleton';
import { TopBar, type ValuesFreshness } from '../components/TopBar';
import {
  api,
  type Health,
  type Problem,
  type TreeViewQuery,
  toProblem,
  type Workspace,
} from '../lib/api';
import { refocusAtGrain } from '../lib/period-choices';
import {
  isTreeHash,
  replaceTreeHash,
  type TreeControls,
  treeAddressFromHash,
} from '../lib/tree-address';
import { useKeptResource } from '../lib/use-kept-resource';
import { useDataVersion } from '../lib/use-live-data';
import { type Resource, useResource } from '../lib/use-resource';
import { encodeViewFilter, filterChoices } from '../lib/view-controls';
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
  // The top bar's controls start from the address (a reload or a shared link) and are
  // written back to it, so the address always names what is on screen.
  const [controls, setControls] = useState<TreeControls>(
    () => treeAddressFromHash(window.location.hash).controls,
  );
  const { grain, at, compare, filter } = controls;
  useEffect(() => {
    if (treeId) replaceTreeHash(treeId, controls);
  }, [treeId, controls]);
  useEffect(
    () => () => {
      // Leaving for another screen: the address stops naming the tree.
      if (isTreeHash(window.location.hash)) {
        window.history.replaceState(
          window.history.state,
          '',
          window.location.pathname + window.location.search,
        );
      }
    },
    [],
  );
  const periodOptions = usePeriodOptions(workspace);
  const setGrain = (next: Grain) =>
    setControls((c) => ({
      ...c,
      grain: next,
      // The focus stays roughly in place: the new grain's period holding its last instant.
      at: periodOptions ? refocusAtGrain(c.at, c.grain, next, new Date(), periodOptions) : null,
    }));
  const query: TreeViewQuery = useMemo(
    () => ({ grain, at, compare, filter }),
    [grain, at, compare, filter],
  );
  const queryKey = `${grain}:${at ?? 'latest'}:${compare}:${encodeViewFilter(filter)}`;
  const { loadTree, setView, setCatalog, setPeople } = useEditorActions();
  const storeTreeId = useEditorStore((state) => state.treeId);
  const draftName = useEditorStore((state) => state.draft?.name ?? null);
  const version = useEditorStore((state) => state.version);
  const shownView = useTreeView();

  const metrics = useResource('metrics', (signal) => api.listMetrics(signal));
  const people = useResource('people', (signal) => api.listPeople(signal));
  // The teams, sources and reps the data holds change with imports; the last list stays
  // on screen while the next loads.
  const dataVersion = useDataVersion();
  const dimensionValues = useKeptResource(`dimension-values:${dataVersion}`, (signal) =>
    api.listDimensionValues(signal),
  );
  const knownValues = dimensionValues.status === 'success' ? dimensionValues.data : null;
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
  const treeView = useResource(draftReady ? `${treeId}:${version}:${queryKey}` : null, (signal) =>
    api.getTreeView(treeId!, query, signal),
  );
  const loadedView = treeView.status === 'success' ? treeView.data : null;
  useEffect(() => {
    if (loadedView) setView(loadedView);
  }, [loadedView, setView]);
  const viewReady = draftReady && shownView !== null && shownView.tree.id === treeId;
  // Another period, grain, filter or version of the tree on screen: keep its values, dimmed.
  const refreshing = viewReady && treeView.status === 'loading';

  // New data: the values on screen are re-read in place (no skeleton, no dimming).
  const viewKey = draftReady ? `${treeId}:${version}:${queryKey}` : null;
  const live = useLiveValues(
    viewReady && treeView.status === 'success' ? viewKey : null,
    useCallback((signal: AbortSignal) => api.getTreeView(treeId!, query, signal), [treeId, query]),
    setView,
  );
  // A failed first read of this grain or filter is retried when the data comes back.
  const retryView = treeView.retry;
  const viewFailed = treeView.status === 'error';
  const lastDataVersion = useRef(dataVersion);
  useEffect(() => {
    if (lastDataVersion.current === dataVersion) return;
    lastDataVersion.current = dataVersion;
    if (viewFailed) retryView();
  }, [dataVersion, viewFailed, retryView]);
  // The values shown could not be re-read: keep them, dimmed, and say so.
  const staleProblem: { problem: Problem; retry: () => void } | null = !viewReady
    ? null
    : treeView.status === 'error'
      ? { problem: treeView.problem, retry: treeView.retry }
      : live.problem
        ? { problem: live.problem, retry: live.retry }
        : null;
  const freshness: ValuesFreshness = {
    updatedAt: live.updatedAt,
    stale: staleProblem
      ? { unreachable: staleProblem.problem.status === 0, onRetry: staleProblem.retry }
      : null,
  };

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
        freshness={freshness}
        controls={
          tree ? (
            <>
              <PeriodControls
                grain={grain}
                onGrainChange={setGrain}
                picker={
                  viewReady && periodOptions && shownView.period.grain === grain ? (
                    <PeriodPicker
                      focus={shownView.period}
                      latest={shownView.latestPeriod}
                      options={periodOptions}
                      onFocusChange={(next) => setControls((c) => ({ ...c, at: next }))}
                    />
                  ) : null
                }
                compare={compare}
                onCompareChange={(next) => setControls((c) => ({ ...c, compare: next }))}
                filter={filter}
                filterChoices={filterChoices(knownValues, filter)}
                onFilterChange={(next) => setControls((c) => ({ ...c, filter: next }))}
              />
              {draftReady ? <MotionSelect /> : null}
            </>
          ) : null
        }
      />
      <main
        className={`canvas${refreshing ? ' is-refreshing' : ''}${staleProblem ? ' is-stale' : ''}`}
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
        dimensionValues={knownValues}
      />
      <ConflictDialog />
    </>
  );
}

/** How the workspace cuts its calendar, once it is known. */
function usePeriodOptions(workspace: Resource<Workspace>): PeriodOptions | null {
  const data = workspace.status === 'success' ? workspace.data : null;
  return useMemo(
    () =>
      data
        ? {
            timeZone: data.timeZone,
            weekStart: data.weekStart,
            fiscalYearStartMonth: data.fiscalYearStartMonth,
          }
        : null,
    [data],
  );
}

/**
 * Re-reads the values of `key` whenever the live data version moves, without a loading
 * state: the values on screen stay until the new ones land. A failed read is kept as a
 * problem (the old values stay, marked old) and tried again at the next change or retry.
 * A new key (grain, filter, saved version) drops whatever is in flight: its own read is
 * already under way.
 */
function useLiveValues(
  key: string | null,
  load: (signal: AbortSignal) => Promise<TreeView>,
  apply: (view: TreeView) => void,
): { updatedAt: number | null; problem: Problem | null; retry: () => void } {
  const dataVersion = useDataVersion();
  const [state, setState] = useState<{ updatedAt: number | null; problem: Problem | null }>({
    updatedAt: null,
    problem: null,
  });
  const [attempt, setAttempt] = useState(0);
  // The data version (and retry) the values of `key` were last read at.
  const readAt = useRef<{ key: string | null; at: string }>({ key, at: '' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const applyRef = useRef(apply);
  applyRef.current = apply;

  useEffect(() => {
    const at = `${dataVersion}:${attempt}`;
    const before = readAt.current;
    readAt.current = { key, at };
    // A new key is read by its own resource; only a change of data re-reads this one.
    if (key === null || before.key !== key || before.at === at) {
      if (before.key !== key) setState((s) => (s.problem ? { ...s, problem: null } : s));
      return;
    }
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (view) => {
        if (controller.signal.aborted) return;
        applyRef.current(view);
        setState({ updatedAt: Date.now(), problem: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, problem: toProblem(error) }));
      },
    );
    return () => controller.abort();
  }, [key, dataVersion, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
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
