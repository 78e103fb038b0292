/**
 * One workspace's app: the query cache's live connection for it (new data invalidates
 * what it makes stale), the editors of the trees opened in this page, and the shell.
 * Leaving the page with unsaved edits in any tree asks first.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { TreeEditorStoresProvider } from '../editor/TreeEditorProvider';
import { createTreeEditorStores } from '../editor/tree-editor-stores';
import type { MetricEntry } from '../lib/api';
import { workspaceUrl } from '../lib/request-workspace';
import { useLiveDataConnection } from '../server-data/live-data';
import { queryKeys } from '../server-data/query-keys';
import { InvitationWelcome } from '../session/InvitationWelcome';
import { AppShell } from './AppShell';

export function WorkspaceApp() {
  const queryClient = useQueryClient();
  useLiveDataConnection(queryClient, workspaceUrl('/api/events'));
  const [stores] = useState(() =>
    createTreeEditorStores({
      // The catalog as last read: the editor names new nodes and checks links with it.
      catalog: () =>
        new Map(
          (queryClient.getQueryData<MetricEntry[]>(queryKeys.metrics()) ?? []).map((metric) => [
            metric.key,
            metric,
          ]),
        ),
    }),
  );

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (stores.anyDirty()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [stores]);

  return (
    <TreeEditorStoresProvider stores={stores}>
      <AppShell />
      <InvitationWelcome />
    </TreeEditorStoresProvider>
  );
}
