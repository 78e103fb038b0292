/**
 * The app shell: the rail, the open screen (AppRoutes), and the dialogs the rail opens:
 * "New tree", "Delete tree", and the guard against dropping the open tree's unsaved edits.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { TreeSummary } from '@treeline/core';
import { useState } from 'react';
import { useLocation, useRoute } from 'wouter';
import { useRailBadges } from '../alerts/use-rail-badges';
import { DeleteTreeDialog } from '../components/DeleteTreeDialog';
import { LeftRail, type Section } from '../components/LeftRail';
import { NewTreeDialog } from '../components/NewTreeDialog';
import { useTreeEditorStores } from '../editor/TreeEditorProvider';
import { api } from '../lib/api';
import { hashSearch } from '../routes/hash-location';
import { paths, ROUTES } from '../routes/paths';
import { treeControlsFromSearch } from '../routes/tree-controls';
import { queryKeys } from '../server-data/query-keys';
import { AppRoutes } from './AppRoutes';
import { DiscardEditsDialog } from './DiscardEditsDialog';
import { useOpenTree } from './use-open-tree';

export function AppShell() {
  const queryClient = useQueryClient();
  const stores = useTreeEditorStores();
  const [location, navigate] = useLocation();
  const { trees, tree, onTreeScreen } = useOpenTree();
  const [onMetrics] = useRoute(ROUTES.metricsSection);
  const [onData] = useRoute(ROUTES.data);
  const [onPeople] = useRoute(ROUTES.people);
  const [onTokens] = useRoute(ROUTES.tokens);
  const [onAccount] = useRoute(ROUTES.account);
  const [onBranches] = useRoute(ROUTES.myBranches);
  const [onInbox] = useRoute(ROUTES.inbox);
  const [onAlert] = useRoute(ROUTES.alert);
  const [onInterventions] = useRoute(ROUTES.interventionsSection);
  const [onImpactReview] = useRoute(ROUTES.impactReview);
  const badges = useRailBadges();
  const section: Section = onMetrics
    ? 'metrics'
    : onData
      ? 'data'
      : onPeople
        ? 'people'
        : onTokens
          ? 'tokens'
          : onAccount
            ? 'account'
            : onBranches
              ? 'my-branches'
              : onInbox || onAlert
                ? 'inbox'
                : onInterventions || onImpactReview
                  ? 'interventions'
                  : 'trees';
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<TreeSummary | null>(null);
  /** What to do once the open tree's unsaved edits are discarded. */
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const refreshTrees = () => queryClient.invalidateQueries({ queryKey: queryKeys.trees() });

  /** Runs `go` at once, or after the person agrees to drop the open tree's unsaved edits. */
  const guard = (go: () => void) => {
    if (tree && stores.storeFor(tree.id).getState().dirty) setLeaving(() => go);
    else go();
  };
  const discardOpenTree = () => {
    if (tree) stores.storeFor(tree.id).getState().discard();
  };

  const openTree = (treeId: string) => {
    if (onTreeScreen && treeId === tree?.id) return;
    // Another tree keeps the period controls on show, as the screen did.
    const controls = treeControlsFromSearch(onTreeScreen ? hashSearch(window.location.hash) : '');
    guard(() => navigate(paths.tree(treeId, controls)));
  };
  const openSection = (next: Section) => {
    // A tree just opened from the rail is on the trees screen already.
    if (next === 'trees' && location.startsWith('/trees')) return;
    navigate(
      next === 'trees'
        ? tree
          ? paths.tree(tree.id)
          : paths.trees()
        : next === 'my-branches'
          ? paths.myBranches()
          : paths[next](),
    );
  };

  return (
    <div className="app">
      <LeftRail
        section={section}
        onOpenSection={openSection}
        trees={trees}
        activeTreeId={tree?.id ?? null}
        onOpenTree={openTree}
        onNewTree={() => guard(() => setCreating(true))}
        onDeleteTree={setDeleting}
        onSwitchWorkspace={(slug) => guard(() => navigate(`~/w/${slug}/trees`))}
        badges={badges}
      />
      <AppRoutes trees={trees} tree={tree} onNewTree={() => guard(() => setCreating(true))} />
      {creating ? (
        <NewTreeDialog
          onClose={() => setCreating(false)}
          onCreated={async (created) => {
            setCreating(false);
            await refreshTrees();
            navigate(paths.tree(created.id));
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteTreeDialog
          name={deleting.name}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.deleteTree(deleting.id);
            stores.drop(deleting.id);
            if (deleting.id === tree?.id && onTreeScreen)
              navigate(paths.trees(), { replace: true });
            setDeleting(null);
            await refreshTrees();
          }}
        />
      ) : null}
      {leaving ? (
        <DiscardEditsDialog
          treeName={tree?.name}
          onKeep={() => setLeaving(null)}
          onDiscard={() => {
            const go = leaving;
            setLeaving(null);
            discardOpenTree();
            go();
          }}
        />
      ) : null}
    </div>
  );
}
