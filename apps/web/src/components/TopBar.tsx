/**
 * The top bar: where you are (workspace / tree), which period the numbers are for and
 * at what grain, whether the numbers are live (reconnecting after a drop, updated just now
 * after new data), and which database the server runs on.
 */

import { useQuery } from '@tanstack/react-query';
import type { PeriodView } from '@treeline/core';
import { Calendar, ChevronRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { formatGrain } from '../lib/format';
import { healthQuery, workspaceQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import { DatabaseBadge } from './DatabaseBadge';
import { LiveStatus, type ValuesFreshness } from './LiveStatus';
import { SkeletonLine } from './Skeleton';
import './live-status.css';

export type { ValuesFreshness } from './LiveStatus';

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
