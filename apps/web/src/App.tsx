/**
 * The app shell: the rail, the top bar, and the open section. Each section is one screen
 * (SCREENS below); Trees is the tree editor, Metrics the metric catalog. The shell loads the
 * workspace, its trees and the server's health, and holds which tree is open, the "New
 * tree" and "Delete tree" dialogs, and the guard against dropping unsaved edits.
 */
import type { TreeSummary } from '@treeline/core';
import { useCallback, useEffect, useState } from 'react';
import { Dialog } from './components/Dialog';
import { LeftRail, type Section } from './components/LeftRail';
import { DeleteTreeDialog, NewTreeDialog } from './components/NewTreeDialog';
import { TopBar } from './components/TopBar';
import { DataScreen } from './data-screen/DataScreen';
import { useEditorStore } from './editor/store';
import { TreeScreen } from './editor/TreeScreen';
import { api } from './lib/api';
import { treeAddressFromHash } from './lib/tree-address';
import { useLiveDataConnection } from './lib/use-live-data';
import { type Resource, useResource } from './lib/use-resource';
import { MetricPage } from './metric-page/MetricPage';
import { closeMetricPage, useMetricPageKey } from './metric-page/metric-page-route';
import { MetricsScreen } from './metrics/MetricsScreen';

/** The trees of the workspace, refreshed in place (no loading flash) after a change. */
function useTreeList() {
  const loaded = useResource('trees', (signal) => api.listTrees(signal));
  const [fresh, setFresh] = useState<TreeSummary[] | null>(null);
  const refresh = useCallback(async () => {
    try {
      setFresh(await api.listTrees());
    } catch {
      // The list on screen stays; the next change or a reload tries again.
    }
  }, []);
  const trees: Resource<TreeSummary[]> & { retry: () => void } = fresh
    ? { status: 'success', data: fresh, retry: loaded.retry }
    : loaded;
  return { trees, refresh };
}

export function App() {
  // One live connection for the whole app: screens read its data version.
  useLiveDataConnection();
  const workspace = useResource('workspace', (signal) => api.getWorkspace(signal));
  const health = useResource('health', (signal) => api.getHealth(signal));
  const { trees, refresh } = useTreeList();
  // A tree named by the address (#/trees/<id>…) opens first.
  const [chosenTreeId, setChosenTreeId] = useState<string | null>(
    () => treeAddressFromHash(window.location.hash).treeId,
  );
  const [section, setSection] = useState<Section>('trees');
  /** A metric page (#/metrics/<key>) is open over the Metrics section. */
  const metricPageKey = useMetricPageKey();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<TreeSummary | null>(null);
  /** A tree (or "new tree") to open once unsaved edits are dropped or kept. */
  const [leaving, setLeaving] = useState<(() => void) | null>(null);

  const treeList = trees.status === 'success' ? trees.data : null;
  const activeTree = treeList
    ? (treeList.find((tree) => tree.id === chosenTreeId) ?? treeList[0] ?? null)
    : null;
  const activeTreeId = activeTree?.id ?? null;

  // Leaving the page with unsaved edits asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useEditorStore.getState().dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  /** Runs `go` at once, or after the person agrees to drop the open tree's unsaved edits. */
  const guard = (go: () => void) => {
    if (useEditorStore.getState().dirty) setLeaving(() => go);
    else go();
  };

  const openTree = (treeId: string) => {
    if (treeId === activeTreeId) return;
    guard(() => setChosenTreeId(treeId));
  };

  const rail = (
    <LeftRail
      section={metricPageKey ? 'metrics' : section}
      onOpenSection={(next) => {
        closeMetricPage();
        setSection(next);
      }}
      trees={trees}
      activeTreeId={activeTreeId}
      onOpenTree={openTree}
      onNewTree={() => guard(() => setCreating(true))}
      onDeleteTree={setDeleting}
    />
  );

  const dialogs = (
    <>
      {creating ? (
        <NewTreeDialog
          onClose={() => setCreating(false)}
          onCreated={async (tree) => {
            setCreating(false);
            useEditorStore.getState().clear();
            await refresh();
            setChosenTreeId(tree.id);
            setSection('trees');
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteTreeDialog
          name={deleting.name}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.deleteTree(deleting.id);
            if (deleting.id === activeTreeId) {
              useEditorStore.getState().clear();
              setChosenTreeId(null);
            }
            setDeleting(null);
            await refresh();
          }}
        />
      ) : null}
      {leaving ? (
        <Dialog title="Discard unsaved changes?" onClose={() => setLeaving(null)}>
          <p className="dialog__text">
            “{activeTree?.name}” has edits that are not saved. Save them first, or discard them.
          </p>
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                const go = leaving;
                setLeaving(null);
                useEditorStore.getState().clear();
                go();
              }}
            >
              Discard changes
            </button>
            {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes focus */}
            <button type="button" className="button" onClick={() => setLeaving(null)} autoFocus>
              Keep editing
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );

  if (metricPageKey) {
    return (
      <div className="app">
        {rail}
        <MetricPage
          key={metricPageKey}
          metricKey={metricPageKey}
          workspace={workspace}
          health={health}
          onBack={() => {
            closeMetricPage();
            setSection('metrics');
          }}
        />
        {dialogs}
      </div>
    );
  }

  if (section === 'data') {
    return (
      <div className="app">
        {rail}
        <TopBar
          workspace={workspace}
          treeName="Data"
          period={null}
          previousPeriod={null}
          health={health}
        />
        <main className="data-main">
          <DataScreen />
        </main>
        {dialogs}
      </div>
    );
  }

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
        {dialogs}
      </div>
    );
  }

  return (
    <div className="app">
      {rail}
      <TreeScreen
        trees={trees}
        tree={activeTree}
        workspace={workspace}
        health={health}
        onNewTree={() => guard(() => setCreating(true))}
        onSaved={refresh}
      />
      {dialogs}
    </div>
  );
}
