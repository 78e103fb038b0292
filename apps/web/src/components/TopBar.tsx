/**
 * The top bar: where you are (workspace / tree), which period the numbers are for and
 * at what grain, and which database the server runs on.
 */
import type { PeriodView } from '@treeline/core';
import { Calendar, ChevronRight, Database } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Health, Workspace } from '../lib/api';
import { formatGrain } from '../lib/format';
import type { Resource } from '../lib/use-resource';
import { SkeletonLine } from './Skeleton';

const DATABASE_NAMES: Record<Health['database'], string> = {
  pglite: 'PGlite',
  postgres: 'PostgreSQL',
};

export function TopBar({
  workspace,
  treeName,
  period,
  previousPeriod,
  health,
  controls,
  treeStatus,
  refreshing = false,
}: {
  workspace: Resource<Workspace>;
  treeName: string | null;
  period: PeriodView | null;
  previousPeriod: PeriodView | null;
  health: Resource<Health>;
  /** The period controls, on the trees screen. */
  controls?: ReactNode;
  /** Beside the tree's name: its save state and the Save button. */
  treeStatus?: ReactNode;
  /** A new period is loading: the one shown is dimmed until it lands. */
  refreshing?: boolean;
}) {
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
