/**
 * The top bar: where you are (workspace / tree), which period the numbers are for and
 * at what grain, whether the numbers are live (reconnecting after a drop, updated just now
 * after new data), and which database the server runs on.
 */
import { useQuery } from '@tanstack/react-query';
import type { PeriodView } from '@treeline/core';
import { Calendar, Check, ChevronRight, Database, RefreshCw } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import type { Health } from '../lib/api';
import { formatGrain } from '../lib/format';
import { useLiveConnection } from '../server-data/live-data';
import { healthQuery, workspaceQuery } from '../server-data/queries';
import { type Resource, resourceOf } from '../server-data/resource';
import { SkeletonLine } from './Skeleton';
import './live-status.css';

/** How long "Updated just now" stays after a live refresh. */
export const JUST_UPDATED_MS = 5000;

/** The freshness of the values on screen, as the screen showing them knows it. */
export interface ValuesFreshness {
  /** When new data last replaced the values on screen (ms since epoch), or null. */
  updatedAt: number | null;
  /** The values could not be re-read: the ones shown are old. */
  stale: null | {
    /** The server was unreachable (vs. answered with an error). */
    unreachable: boolean;
    onRetry: () => void;
  };
}

const DATABASE_NAMES: Record<Health['database'], string> = {
  pglite: 'PGlite',
  postgres: 'PostgreSQL',
};

export function TopBar({
  treeName,
  period,
  previousPeriod,
  controls,
  treeStatus,
  refreshing = false,
  freshness,
}: {
  treeName: string | null;
  period: PeriodView | null;
  previousPeriod: PeriodView | null;
  /** The period controls, on the trees screen. */
  controls?: ReactNode;
  /** Beside the tree's name: its save state and the Save button. */
  treeStatus?: ReactNode;
  /** A new period is loading: the one shown is dimmed until it lands. */
  refreshing?: boolean;
  /** On screens with live values: when they last changed, or that they are old. */
  freshness?: ValuesFreshness;
}) {
  const workspace = resourceOf(useQuery(workspaceQuery()));
  const health = resourceOf(useQuery(healthQuery()));
  return (
    <header className="topbar">
      <div className="topbar__crumbs">
        {workspace.status === 'success' ? (
          <span className="topbar__workspace" title={`Time zone: ${workspace.data.timeZone}`}>
            {workspace.data.name}
          </span>
        ) : workspace.status === 'loading' ? (
          <SkeletonLine width="96px" />
        ) : (
          <span className="topbar__workspace is-muted">Workspace unavailable</span>
        )}
        {treeName ? (
          <>
            <ChevronRight aria-hidden size={14} className="topbar__sep" />
            <h1 className="topbar__tree">{treeName}</h1>
            {treeStatus}
          </>
        ) : null}
        {/* Beside the name, so the period controls never shift when it comes and goes. */}
        <LiveStatus freshness={freshness} />
      </div>
      <div className="topbar__right">
        {controls}
        {period ? (
          <div className={`period${refreshing ? ' is-refreshing' : ''}`}>
            <Calendar aria-hidden size={14} />
            <span className="visually-hidden">Period: </span>
            <span className="period__label">{period.label}</span>
            {period.toDate ? <span className="period__todate">to date</span> : null}
            <span className="period__grain" title="Grain">
              {formatGrain(period.grain)}
            </span>
            {previousPeriod ? (
              <span className="period__previous">vs {previousPeriod.label}</span>
            ) : null}
          </div>
        ) : null}
        <DatabaseBadge health={health} />
      </div>
    </header>
  );
}

/** True for `ms` after `since`, then false again. */
function useRecent(since: number | null, ms: number): boolean {
  // The `since` whose time is up; a newer one starts over.
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (since === null) return;
    const timer = setTimeout(() => setExpired(since), Math.max(0, since + ms - Date.now()));
    return () => clearTimeout(timer);
  }, [since, ms]);
  return since !== null && expired !== since && Date.now() - since < ms;
}

/**
 * Reconnecting after a drop (or when the values cannot be re-read), "Updated just now"
 * after new data, else nothing. One polite live region, so the change is announced once.
 */
function LiveStatus({ freshness }: { freshness?: ValuesFreshness | undefined }) {
  const connection = useLiveConnection();
  const stale = freshness?.stale ?? null;
  const justUpdated = useRecent(freshness?.updatedAt ?? null, JUST_UPDATED_MS);
  let content: ReactNode = null;
  if (connection === 'reconnecting' || stale?.unreachable) {
    content = (
      <span
        className="live-status live-status--reconnecting"
        data-testid="live-status"
        data-state="reconnecting"
        title="The connection to the server dropped; the numbers shown may be out of date. Treeline keeps trying and refreshes them when it is back."
      >
        <RefreshCw aria-hidden size={12} className="live-status__spin" />
        Reconnecting…
      </span>
    );
  } else if (stale) {
    content = (
      <span className="live-status live-status--stale" data-testid="live-status" data-state="stale">
        Values not refreshed
        <button type="button" className="live-status__retry" onClick={stale.onRetry}>
          Retry
        </button>
      </span>
    );
  } else if (justUpdated) {
    content = (
      <span
        className="live-status live-status--updated"
        data-testid="live-status"
        data-state="updated"
      >
        <Check aria-hidden size={12} />
        Updated just now
      </span>
    );
  }
  return (
    <output className="live-status-slot" aria-live="polite">
      {content}
    </output>
  );
}

function DatabaseBadge({ health }: { health: Resource<Health> }) {
  if (health.status === 'loading') return <SkeletonLine width="72px" height={20} />;
  if (health.status === 'error') {
    return (
      <span
        className="badge badge--warning"
        title={`${health.problem.title}${health.problem.detail ? `: ${health.problem.detail}` : ''}`}
      >
        <Database aria-hidden size={12} />
        health unknown
      </span>
    );
  }
  const name = DATABASE_NAMES[health.data.database] ?? health.data.database;
  return (
    <span className="badge" title={`Database: ${name} · migration ${health.data.migration}`}>
      <Database aria-hidden size={12} />
      <span className="visually-hidden">Database: </span>
      {name}
      <span className="visually-hidden">, migration {health.data.migration}</span>
    </span>
  );
}
