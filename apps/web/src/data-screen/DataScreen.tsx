/**
 * The Data screen: importing CRM exports (CSV upload → mapping with live preview → check →
 * import) and the history of imports on the left; on the right, data health (counted vs
 * excluded activities per period, rows per entity, freshness) and the counting settings.
 * A committed import or changed counting settings refresh the history and the health, and
 * so does an import committed elsewhere (another tab, the CLI), announced by useDataVersion.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { SkeletonLine } from '../components/Skeleton';
import { useDataVersion } from '../lib/use-live-data';
import type { Resource } from '../lib/use-resource';
import { useResource } from '../lib/use-resource';
import { CountingSettingsForm } from './CountingSettingsForm';
import { type CountingSettings, dataApi } from './data-api';
import { ImportFlow } from './ImportFlow';
import { ImportHistory } from './ImportHistory';
import './data.css';

// The chart library is only needed here: loading it with the panel keeps it out of the
// first load of every other screen.
const DataHealthPanel = lazy(() =>
  import('./DataHealthPanel').then((module) => ({ default: module.DataHealthPanel })),
);

export function DataScreen() {
  const loaded = useResource('data-workspace', (signal) => dataApi.getCountingSettings(signal));
  const [settings, setSettings] = useState<CountingSettings | null>(null);
  const [localVersion, setLocalVersion] = useState(0);
  // Both counters only grow, so their sum moves whenever either does.
  const version = localVersion + useDataVersion();
  const loadedSettings = loaded.status === 'success' ? loaded.data : null;
  useEffect(() => {
    if (loadedSettings) setSettings(loadedSettings);
  }, [loadedSettings]);

  const current: Resource<CountingSettings> = settings
    ? { status: 'success', data: settings }
    : loaded;
  const refresh = () => setLocalVersion((n) => n + 1);

  return (
    <div className="data-screen">
      <div className="data-screen__main">
        <ImportFlow workspaceTimeZone={settings?.timeZone ?? 'UTC'} onImported={refresh} />
        <ImportHistory version={version} />
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
          <DataHealthPanel version={version} />
        </Suspense>
        <CountingSettingsForm
          settings={current}
          onSaved={(saved) => {
            setSettings(saved);
            refresh();
          }}
        />
      </aside>
    </div>
  );
}
