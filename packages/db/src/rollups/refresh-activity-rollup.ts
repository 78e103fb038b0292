/**
 * Maintains a workspace's activity rollup (migration 2026-11-23T0300): recomputes, set-based,
 * the rows of the local days an import touched (or of the whole workspace) from the counted
 * activities, and records the time zone and data version it was built for. The metric
 * engine reads the rollup only while both still match the workspace, so a writer that
 * forgets to refresh makes evaluations slower, never wrong.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Channel, Database } from '../schema/database';

export interface ActivityRollupRange {
  from: Date;
  to: Date;
}

/**
 * Recomputes the rollup rows of the workspace-local days touching [from, to), or of every
 * day when no range is given, the rollup was never built, or the workspace's time zone
 * changed since it was (days cut in another zone are all wrong). Idempotent; runs in the
 * caller's transaction when given one (else in its own), serialized per workspace.
 *
 * Call it after the activities and their exclusion marks are written and after the data
 * version was bumped (markActivityExclusions bumps it): it records the version it saw, and
 * a later bump sends the engine back to the raw rows until the next refresh.
 *
 * @example
 * await markActivityExclusions(trx, workspaceId, { since });
 * const { rows } = await refreshActivityRollup(trx, workspaceId, { from: since, to: new Date() });
 */
export async function refreshActivityRollup(
  db: Kysely<Database> | Transaction<Database>,
  workspaceId: string,
  range?: ActivityRollupRange,
): Promise<{ rows: number }> {
  if (db.isTransaction) return refreshInTransaction(db, workspaceId, range);
  return db.transaction().execute((trx) => refreshInTransaction(trx, workspaceId, range));
}

async function refreshInTransaction(
  db: Kysely<Database>,
  workspaceId: string,
  range: ActivityRollupRange | undefined,
): Promise<{ rows: number }> {
  // Two refreshes of one workspace at once would each delete, then both insert a day.
  await sql`select pg_advisory_xact_lock(hashtext('treeline.activity_rollup'), hashtext(${workspaceId}))`.execute(
    db,
  );
  const workspace = await db
    .selectFrom('workspaces')
    .leftJoin('activity_rollup_state as s', 's.workspace_id', 'workspaces.id')
    .select(['workspaces.time_zone', 'workspaces.data_version', 's.time_zone as built_time_zone'])
    .where('workspaces.id', '=', workspaceId)
    .executeTakeFirst();
  if (!workspace) throw new Error(`workspace ${workspaceId} does not exist`);
  const timeZone = workspace.time_zone;
  const whole = !range || workspace.built_time_zone !== timeZone;

  let rows = 0;
  if (whole || range.from < range.to) {
    const localDay = sql`(a.occurred_at at time zone ${timeZone})::date`;
    // The local days [firstDay, lastDay] touching [from, to); the instant range read from
    // activities is widened by a day each side (no zone is more than a day off UTC) and
    // cut exactly by the local day.
    let daysWhere = sql`true`;
    let instantsWhere = sql`true`;
    if (!whole) {
      const firstDay = sql`(${range.from.toISOString()}::timestamptz at time zone ${timeZone})::date`;
      const lastDay = sql`((${range.to.toISOString()}::timestamptz - interval '1 microsecond') at time zone ${timeZone})::date`;
      daysWhere = sql`day between ${firstDay} and ${lastDay}`;
      instantsWhere = sql`a.occurred_at >= ${range.from.toISOString()}::timestamptz - interval '1 day'
        and a.occurred_at < ${range.to.toISOString()}::timestamptz + interval '1 day'
        and ${localDay} between ${firstDay} and ${lastDay}`;
    }
    await sql`delete from activity_rollups where workspace_id = ${workspaceId} and ${daysWhere}`.execute(
      db,
    );
    // The activity dimensions travel packed into one small integer (packFlags), so the
    // grouping sorts five integer keys instead of nine with text among them (5M rows:
    // 8.4 s → 5.6 s), and are unpacked as the rows are written.
    const inserted = await sql`
      insert into activity_rollups (workspace_id, day, contact_id, rep_id, channel, direction,
        automated, replied, meeting_booked, activities, first_of_rep_day)
      select ${workspaceId}::uuid, g.day, g.contact_id, g.rep_id, ${channelOfFlags('g.flags')},
        case when g.flags & 4 = 0 then 'inbound' else 'outbound' end, g.automated,
        g.flags & 2 <> 0, g.flags & 1 <> 0, g.activities,
        row_number() over (partition by g.day, g.rep_id, g.automated
                           order by g.contact_id, g.flags) = 1
      from (
        select ${localDay} as day, a.rep_id, a.automated, a.contact_id,
          ${packFlags('a')} as flags, count(*)::int as activities
        from activities a
        where a.workspace_id = ${workspaceId} and a.excluded_reason is null and ${instantsWhere}
        -- By position: the day expression's zone is a parameter, a new one at each mention.
        -- Day, rep, automated, then the rest: the grouping's one sort also orders the
        -- window's partitions, and the final order needs only a sort within each day.
        group by 1, 2, 3, 4, 5
      ) as g
      -- Day and contact order: a period is a run of rows, its contacts nearly sorted.
      order by g.day, g.contact_id`.execute(db);
    rows = Number(inserted.numAffectedRows ?? 0);
  }

  await db
    .insertInto('activity_rollup_state')
    .values({
      workspace_id: workspaceId,
      time_zone: timeZone,
      data_version: workspace.data_version,
      refreshed_at: new Date(),
    })
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet((eb) => ({
        time_zone: eb.ref('excluded.time_zone'),
        data_version: eb.ref('excluded.data_version'),
        refreshed_at: eb.ref('excluded.refreshed_at'),
      })),
    )
    .execute();
  return { rows };
}

/**
 * The channel, direction, replied and meeting_booked of an activity as one integer (channel
 * × 8 + outbound × 4 + replied × 2 + meeting_booked) whose order is theirs (channels
 * alphabetical, inbound before outbound, false before true), so "the first row of a rep's
 * day" is the same row whether ordered by the columns or by it.
 */
const CHANNEL_ORDER: readonly Channel[] = ['call', 'email', 'meeting', 'note', 'social', 'task'];

function packFlags(alias: string): RawBuilder<number> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const codes = sql.join(
    CHANNEL_ORDER.map((channel, code) => sql`when ${sql.lit(channel)} then ${sql.lit(code * 8)}`),
    sql` `,
  );
  return sql<number>`(case ${column('channel')} ${codes} end
    + case when ${column('direction')} = 'outbound' then 4 else 0 end
    + case when ${column('replied')} then 2 else 0 end
    + case when ${column('meeting_booked')} then 1 else 0 end)`;
}

/** The channel of packed flags. */
function channelOfFlags(flags: string) {
  const channels = sql.join(CHANNEL_ORDER.map((channel) => sql.lit(channel)));
  return sql`(array[${channels}])[${sql.raw(flags)} / 8 + 1]`;
}
