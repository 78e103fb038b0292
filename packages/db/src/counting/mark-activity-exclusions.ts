/**
 * The counting rules of the CRM data (docs/product.md §1) as one set-based SQL pass: every
 * activity gets `excluded_reason` null (a counted touch) or exactly one reason, by
 * precedence
 *
 *   deleted > no_contact > internal_note > system_event > duplicate
 *
 * Duplicates: among the activities that pass the first four rules, those with the same
 * contact, rep and channel are walked in (occurred_at, id) order; a row is a duplicate when
 * it lies within the workspace's `duplicate_tolerance_seconds` of the latest counted row
 * (inclusive: exactly at the tolerance is still a duplicate), otherwise it is counted and
 * becomes the row later ones are compared with. So the earliest of a burst is kept (ties:
 * the lowest id), and a chain of rows each a minute apart does not swallow a touch that
 * is more than the tolerance after every counted one. Rows sharing contact, rep and
 * channel are distinct rows, so they always differ in source_system or external_id (the
 * unique key); a null rep is matched with a null rep.
 *
 * Automated sequence emails are not excluded here: counting them or not is a workspace
 * policy applied when metrics are queried.
 */
import { EXCLUDED_REASONS } from '@treeline/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { withParallelReads } from '../parallel-reads';
import type { Database, ExcludedReason } from '../schema/database';
import { bumpDataVersion } from '../workspaces/workspace.repository';

export interface ActivityExclusionCounts {
  /** Activities of the workspace counted as touches (excluded_reason null). */
  counted: number;
  /** Activities of the workspace per exclusion reason (every reason present, 0 when none). */
  excluded: Record<ExcludedReason, number>;
  /** Rows whose excluded_reason this pass changed (0 when run again on unchanged data). */
  changed: number;
}

export interface MarkActivityExclusionsOptions {
  /**
   * Re-mark only activities that occurred at or after this instant (after an import of
   * recent rows). Earlier rows keep their marks; the counted ones within the tolerance
   * before it still anchor duplicates, so the result equals a full pass as long as the
   * earlier marks were up to date.
   */
  since?: Date;
  /**
   * Count the workspace's activities by reason afterwards (default true). A caller that
   * does not read `counted` and `excluded` (an import, which counts its own rows) skips
   * the scan of the whole workspace; both then come back as zero.
   */
  countWorkspace?: boolean;
  /**
   * Every activity in scope already stores its row-level reason (an import writes it with
   * the row, see exclusionReasonByRules), so only duplicate marks can change: the pass then
   * reads the stored reason instead of re-deriving it, and looks only at the rows found to
   * be duplicates and the rows marked duplicate before.
   */
  rowReasonsStored?: boolean;
}

/** The temporary table of the rows a pass re-marks, with their new reason (null: counted). */
const CHANGES_TABLE = 'exclusion_changes';

/** A count of 0 for every exclusion reason. */
export function noExclusions(): Record<ExcludedReason, number> {
  return Object.fromEntries(EXCLUDED_REASONS.map((r) => [r, 0])) as Record<ExcludedReason, number>;
}

/**
 * The reason an activity is excluded by the row-level rules (every rule but duplicates,
 * which need the row's neighbours), as a SQL expression over the columns `deleted_at`,
 * `contact_id`, `channel` and `system_generated` of `alias`. An import can store it as the
 * row is written, so the following markActivityExclusions pass only has duplicates left
 * to change.
 *
 * @example
 * sql`select ${exclusionReasonByRules('a')} from activities a`
 */
export function exclusionReasonByRules(alias: string): RawBuilder<ExcludedReason | null> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<ExcludedReason | null>`case
    when ${column('deleted_at')} is not null then 'deleted'
    when ${column('contact_id')} is null then 'no_contact'
    when ${column('channel')} = 'note' then 'internal_note'
    when ${column('system_generated')} then 'system_event'
  end`;
}

/**
 * Sets `activities.excluded_reason` for a workspace and returns the workspace's counts.
 * Idempotent: a second run changes nothing. Rows that no longer qualify (an undeleted
 * record, a duplicate whose original was deleted) are reset or re-marked.
 *
 * @example
 * const counts = await markActivityExclusions(db, workspaceId);
 * counts.excluded.duplicate; // 1480
 * (await markActivityExclusions(db, workspaceId)).changed; // 0
 */
export async function markActivityExclusions(
  db: Kysely<Database>,
  workspaceId: string,
  options: MarkActivityExclusionsOptions = {},
): Promise<ActivityExclusionCounts> {
  if (db.isTransaction) return markInTransaction(db, workspaceId, options);
  return db.transaction().execute((trx) => markInTransaction(trx, workspaceId, options));
}

async function markInTransaction(
  db: Kysely<Database>,
  workspaceId: string,
  options: MarkActivityExclusionsOptions,
): Promise<ActivityExclusionCounts> {
  // Two passes over one workspace at once (two imports finishing together) would each
  // decide duplicates from their own snapshot; one waits for the other instead.
  await sql`select pg_advisory_xact_lock(hashtext('treeline.mark_activity_exclusions'), hashtext(${workspaceId}))`.execute(
    db,
  );
  const workspace = await db
    .selectFrom('workspaces')
    .select('duplicate_tolerance_seconds')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  if (!workspace) throw new Error(`workspace ${workspaceId} does not exist`);
  const tolerance = sql`make_interval(secs => ${workspace.duplicate_tolerance_seconds}::int)`;
  const since = options.since ? options.since.toISOString() : null;

  // With `since`, the counted rows in the tolerance before it are context: they anchor
  // duplicates after it but are not themselves re-marked.
  const scope = since
    ? sql`and (a.occurred_at >= ${since}::timestamptz
           or (a.occurred_at >= ${since}::timestamptz - ${tolerance} and a.excluded_reason is null))`
    : sql``;
  const fromSince = (column: string) =>
    since ? sql`and ${sql.ref(column)} >= ${since}::timestamptz` : sql``;
  const updateScope = fromSince('a.occurred_at');
  const stored = options.rowReasonsStored === true;
  const passesRowRules = stored
    ? sql`(a.excluded_reason is null or a.excluded_reason = 'duplicate')`
    : sql`${exclusionReasonByRules('a')} is null`;
  // Only the rows whose reason changes are written, found by their row address (ctid):
  // activities have no index on id, and the addresses hold from the statement that reads
  // them to the one that writes by them, as no one else writes the workspace's activities
  // meanwhile (imports and passes of a workspace are serialized by advisory locks).
  const desired = stored
    ? // A full join (hashed or merged, never a nested loop whatever the estimates): rows
      // found to be duplicates that are not marked yet, and marked rows no longer found.
      sql`
      select coalesce(d.tid, m.tid) as tid, case when d.id is not null then 'duplicate' end as reason
      from (select id, tid from duplicates where true ${fromSince('occurred_at')}) d
      full join (
        select a.id, a.ctid as tid from activities a
        where a.workspace_id = ${workspaceId} and a.excluded_reason = 'duplicate' ${updateScope}
      ) m on m.id = d.id
      where d.id is null or m.id is null`
    : sql`
      select tid, reason from (
        select a.ctid as tid, a.excluded_reason as current_reason,
          coalesce(${exclusionReasonByRules('a')}, case when d.id is not null then 'duplicate' end) as reason
        from activities a
        left join duplicates d on d.id = a.id
        where a.workspace_id = ${workspaceId} ${updateScope}
      ) marked
      where current_reason is distinct from reason`;

  // The changes are collected first, by a statement that may read and sort the activities
  // with parallel workers (an UPDATE never does), then written.
  const collect = sql`create temp table ${sql.table(CHANGES_TABLE)} on commit drop as
    with recursive
    -- Rows that pass the first four rules, with the gaps to their neighbours of the same
    -- contact, rep and channel. Channel is compared bytewise: only equality matters.
    candidates as (
      select a.id, a.ctid as tid, a.occurred_at, a.contact_id, a.rep_id, a.channel,
        a.occurred_at - lag(a.occurred_at) over w as gap_before,
        lead(a.occurred_at) over w - a.occurred_at as gap_after
      from activities a
      where a.workspace_id = ${workspaceId} and ${passesRowRules} ${scope}
      window w as (partition by a.contact_id, a.rep_id, a.channel collate "C" order by a.occurred_at, a.id)
    ),
    -- Only rows with a neighbour within the tolerance can be or have a duplicate: usually a
    -- few percent. Numbered in the candidates' order (a burst's rows are consecutive
    -- there, as every row inside a burst is close to the one before).
    close_rows as (
      select c.*,
        row_number() over (order by c.contact_id, c.rep_id, c.channel collate "C", c.occurred_at, c.id) as seq
      from candidates c
      where c.gap_before <= ${tolerance} or c.gap_after <= ${tolerance}
    ),
    -- Bursts: maximal runs of rows each within the tolerance of the one before.
    clustered as materialized (
      select c.id, c.tid, c.occurred_at, c.seq,
        sum(case when c.gap_before is null or c.gap_before > ${tolerance} then 1 else 0 end)
          over (order by c.seq) as burst
      from close_rows c
    ),
    bursts as materialized (
      select c.*, min(c.seq) over b as first_seq,
        max(c.occurred_at) over b - min(c.occurred_at) over b as span
      from clustered c
      window b as (partition by c.burst)
    ),
    -- A burst longer than the tolerance needs the walk: a row more than the tolerance
    -- after the latest counted row is counted and becomes the anchor. Bursts are short,
    -- so the recursion is a few steps over a small set, not one step per row.
    long_bursts as materialized (
      select seq, id, tid, occurred_at, first_seq from bursts where span > ${tolerance}
    ),
    walk (seq, id, tid, occurred_at, anchor_id, anchor_at) as (
      select seq, id, tid, occurred_at, id, occurred_at from long_bursts where seq = first_seq
      union all
      select n.seq, n.id, n.tid, n.occurred_at,
        case when n.occurred_at - w.anchor_at > ${tolerance} then n.id else w.anchor_id end,
        case when n.occurred_at - w.anchor_at > ${tolerance} then n.occurred_at else w.anchor_at end
      from walk w
      join long_bursts n on n.seq = w.seq + 1 and n.seq <> n.first_seq
    ),
    duplicates as (
      select id, tid, occurred_at from bursts where span <= ${tolerance} and seq <> first_seq
      union all
      select id, tid, occurred_at from walk where id <> anchor_id
    ),
    desired as (${desired})
    select tid, reason from desired`;
  await withParallelReads(db, () => collect.execute(db));
  // The rows to change are fetched by their addresses (a TID scan of the array), never by
  // hashing the address of every activity of the table (1.7 s at 5 M rows).
  const result = await sql`update activities a
    set excluded_reason = c.reason
    from ${sql.table(CHANGES_TABLE)} c
    where a.ctid = any (array(select tid from ${sql.table(CHANGES_TABLE)})) and a.ctid = c.tid`.execute(
    db,
  );
  await sql`drop table ${sql.table(CHANGES_TABLE)}`.execute(db);
  // Activities were written or re-marked: tree values cached for the workspace are stale
  // (bumped last, so the workspace row stays locked only to the commit).
  await bumpDataVersion(db, workspaceId);

  const changed = Number(result.numAffectedRows ?? 0);
  const excluded = noExclusions();
  if (options.countWorkspace === false) return { counted: 0, excluded, changed };
  const rows = await db
    .selectFrom('activities')
    .select(['excluded_reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('excluded_reason')
    .execute();
  let counted = 0;
  for (const row of rows) {
    if (row.excluded_reason === null) counted = Number(row.n);
    else excluded[row.excluded_reason] = Number(row.n);
  }
  return { counted, excluded, changed };
}
