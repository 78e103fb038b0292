/**
 * The Data screen: importing CRM exports (CSV upload → mapping with live preview → check →
 * import) and the history of imports on the left; on the right, data health (counted vs
 * excluded activities per period, rows per entity, freshness) and the counting settings.
 * A committed import or changed counting settings refresh the history and the health (their
 * queries are invalidated), and so does an import committed elsewhere (another tab, the
 * CLI), announced on the live stream.
 */
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { EditGuard, ViewOnlyNote } from '../components/EditGuard';
import { SkeletonLine } from '../components/Skeleton';
import { invalidateDataQueries } from '../server-data/live-data';
import { countingSettingsQuery } from '../server-data/queries';
import { queryKeys } from '../server-data/query-keys';
import { resourceOf } from '../server-data/resource';
import { usePermission } from '../session/workspace-scope';
import { CountingSettingsForm } from './CountingSettingsForm';
import { ImportFlow } from './ImportFlow';
import { ImportHistory } from './ImportHistory';
import './data.css';
import { useScreenQuery } from '../server-data/use-screen-query';

// The chart library is only needed here: loading it with the panel keeps it out of the
// first load of every other screen.
const DataHealthPanel = lazy(() =>
  import('./DataHealthPanel').then((module) => ({ default: module.DataHealthPanel })),
);

export function DataScreen() {
  const queryClient = useQueryClient();
  const settings = resourceOf(useScreenQuery(countingSettingsQuery()));
  const refresh = () => void invalidateDataQueries(queryClient);
  const canImport = usePermission('editor').allowed;

  return (
    <div className="data-screen">
      <div className="data-screen__main">
        {canImport ? (
          <ImportFlow
            workspaceTimeZone={settings.status === 'success' ? settings.data.timeZone : 'UTC'}
            onImported={refresh}
          />
        ) : (
          <ViewOnlyNote />
        )}
        <ImportHistory />
      </div>
      <aside className="data-screen__side" aria-label="Data health and counting">
        <Suspense
          fallback={
            <div role="status" className="data-card__loading">
              <span className="visually-hidden">Loading data health…</span>
              <SkeletonLine width="100%" height={200} />
            </div>
          }
        >
          <DataHealthPanel />
        </Suspense>
        <EditGuard needed="admin" sayWhy>
          <CountingSettingsForm
            settings={settings}
            onSaved={(saved) => {
              queryClient.setQueryData(queryKeys.countingSettings(), saved);
              refresh();
            }}
          />
        </EditGuard>
      </aside>
    </div>
  );
}
