/**
 * Whether a workspace's activity rollup can answer a scan over given period boundaries: it
 * must have been refreshed at the workspace's current data version, in the time zone the
 * scan cuts periods in, and every boundary must be a local midnight there (a rollup row
 * holds a whole local day, so it can only be placed in periods made of whole days).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database';

/**
 * The local day ('YYYY-MM-DD') of each boundary, or null when the rollup cannot be read
 * for them (not built, stale, built in another zone, or a boundary inside a day).
 *
 * @example
 * await activityRollupDays(db, workspaceId, 'Europe/Berlin', ['2026-03-01T23:00:00.000Z', '2026-03-08T23:00:00.000Z']);
 * // ['2026-03-02', '2026-03-09']
 */
export async function activityRollupDays(
  db: Kysely<Database>,
  workspaceId: string,
  timeZone: string,
  boundaries: readonly string[],
): Promise<string[] | null> {
  // The zone is the scan's own (the engine's caller may pass a workspace snapshot), and
  // days are cut by PostgreSQL's time zone data, as the rollup's were.
  const { rows } = await sql<{ days: string[] | null }>`
    select case when s.data_version = w.data_version and s.time_zone = ${timeZone}
      and (select bool_and(((b at time zone ${timeZone})::date::timestamp at time zone ${timeZone}) = b)
           from unnest(${boundaries}::timestamptz[]) as b)
      then (select array_agg((b at time zone ${timeZone})::date::text order by n)
            from unnest(${boundaries}::timestamptz[]) with ordinality as u(b, n))
    end as days
    from workspaces w
    join activity_rollup_state s on s.workspace_id = w.id
    where w.id = ${workspaceId}`.execute(db);
  return rows[0]?.days ?? null;
}
