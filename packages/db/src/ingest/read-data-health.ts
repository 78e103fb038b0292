/**
 * Data health: per period (in the workspace's time zone), how many activities count as
 * touches and how many are stored but excluded, by reason; how many rows of each entity
 * the workspace holds; and how fresh its data are (the newest committed import of each
 * entity).
 */
import {
  type Grain,
  type Period,
  type PeriodOptions,
  type PeriodView,
  periodContaining,
  previousPeriod,
  toPeriodView,
} from '@treeline/core';
import { type Kysely, sql } from 'kysely';
import { noExclusions } from '../counting/mark-activity-exclusions';
import { periodBuckets } from '../metrics/period-buckets';
import type { Database, ExcludedReason, ImportEntityName, Workspace } from '../schema/database';
import { type ImportRecord, latestCommittedImports } from './import.repository';

export interface DataHealthPeriod {
  period: PeriodView;
  counted: number;
  excluded: Record<ExcludedReason, number>;
}

export interface DataHealth {
  grain: Grain;
  periods: DataHealthPeriod[];
  /** Rows held per entity (activities: all stored, counted or not). */
  totals: Record<ImportEntityName, number>;
  /** The newest committed import per entity; absent entities were never imported. */
  freshness: Array<{
    entity: ImportEntityName;
    importId: string;
    finishedAt: Date;
    rowsRead: number;
    origin: ImportRecord['origin'];
  }>;
  /** The newest committed import of any entity, or null. */
  lastImportAt: Date | null;
}

/**
 * @example
 * const health = await readDataHealth(db, workspace, { grain: 'week', periods: 12 });
 * health.periods.at(-1)?.excluded.duplicate; // 41
 */
export async function readDataHealth(
  db: Kysely<Database>,
  workspace: Workspace,
  options: { grain: Grain; periods: number; now?: Date },
): Promise<DataHealth> {
  const periodOptions: PeriodOptions = {
    timeZone: workspace.time_zone,
    weekStart: workspace.week_start,
    fiscalYearStartMonth: workspace.fiscal_year_start_month,
  };
  const now = options.now ?? new Date();
  const periods: Period[] = [];
  let period = periodContaining(now, options.grain, periodOptions);
  for (let i = 0; i < options.periods; i++) {
    periods.unshift(period);
    period = previousPeriod(period, periodOptions);
  }
  const { boundaries, bucketOfPeriod } = periodBuckets(periods);
  const first = boundaries[0] as string;
  const last = boundaries[boundaries.length - 1] as string;
  const { rows } = await sql<{ bucket: number; reason: ExcludedReason | null; n: number | string }>`
    select width_bucket(a.occurred_at, ${sql.val(boundaries)}::timestamptz[]) as bucket,
           a.excluded_reason as reason, count(*) as n
    from activities a
    where a.workspace_id = ${workspace.id}
      and a.occurred_at >= ${first}::timestamptz and a.occurred_at < ${last}::timestamptz
    group by 1, 2`.execute(db);

  const byBucket = new Map<number, DataHealthPeriod>();
  const result: DataHealthPeriod[] = periods.map((p, i) => {
    const entry = {
      period: toPeriodView(p, periodOptions, now),
      counted: 0,
      excluded: noExclusions(),
    };
    byBucket.set(bucketOfPeriod[i] as number, entry);
    return entry;
  });
  for (const row of rows) {
    const entry = byBucket.get(Number(row.bucket));
    if (!entry) continue;
    if (row.reason === null) entry.counted += Number(row.n);
    else entry.excluded[row.reason] += Number(row.n);
  }

  const latest = await latestCommittedImports(db, workspace.id);
  const freshness = latest.map((r) => ({
    entity: r.entity,
    importId: r.id,
    finishedAt: r.finished_at,
    rowsRead: r.rows_read,
    origin: r.origin,
  }));
  const lastImportAt = freshness.reduce<Date | null>(
    (max, f) => (max === null || f.finishedAt > max ? f.finishedAt : max),
    null,
  );
  return {
    grain: options.grain,
    periods: result,
    totals: await entityTotals(db, workspace.id),
    freshness,
    lastImportAt,
  };
}

async function entityTotals(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<Record<ImportEntityName, number>> {
  const { rows } = await sql<Record<ImportEntityName, number | string>>`
    select
      (select count(*) from contacts where workspace_id = ${workspaceId}) as contacts,
      (select count(*) from activities where workspace_id = ${workspaceId}) as activities,
      (select count(*) from deals where workspace_id = ${workspaceId}) as deals,
      (select count(*) from reps where workspace_id = ${workspaceId}) as reps,
      (select count(*) from capacity where workspace_id = ${workspaceId}) as capacity,
      (select count(*) from engagement_events where workspace_id = ${workspaceId}) as events`.execute(
    db,
  );
  const row = rows[0];
  return {
    contacts: Number(row?.contacts ?? 0),
    activities: Number(row?.activities ?? 0),
    deals: Number(row?.deals ?? 0),
    reps: Number(row?.reps ?? 0),
    capacity: Number(row?.capacity ?? 0),
    events: Number(row?.events ?? 0),
  };
}
