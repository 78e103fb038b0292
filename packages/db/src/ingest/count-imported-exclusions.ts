/**
 * How many of an import's rows each counting rule excludes, read off its resolved rows
 * (upsert-staged-rows.ts) after the exclusion pass: the count an import reports and
 * records. A first load counts the workspace instead (its rows are the workspace's).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { noExclusions } from '../counting/mark-activity-exclusions';
import type { Database, ExcludedReason } from '../schema/database';
import { RESOLVED_TABLE } from './upsert-staged-rows';

/** Imported rows from which an import counts its duplicates from a collected table. */
const COLLECT_DUPLICATES_FROM_ROWS = 10_000;

/**
 * How many of the import's rows each counting rule excludes. A row-level reason is the one
 * the resolved row carries (written rows store it; an unchanged row's stored values, and so
 * its reason, equal the resolved ones); only duplicates, marked by the pass over the
 * stored rows, are looked up there. A small import looks its rows up by key. A large one
 * first collects and analyses the workspace's duplicates (a few percent of its rows) and
 * probes them once per row: planned for their real number (the table's statistics may
 * predate the marks, and a nested loop over "one" duplicate row would be quadratic), and
 * cheaper than joining every row of a large import with the stored rows.
 * @example
 * const excluded = await excludedAmongImported(trx, workspaceId, 50_000);
 * excluded.duplicate; // 412
 */
export async function excludedAmongImported(
  trx: Kysely<Database>,
  workspaceId: string,
  rows: number,
): Promise<Record<ExcludedReason, number>> {
  let stored: RawBuilder<unknown>;
  if (rows < COLLECT_DUPLICATES_FROM_ROWS) {
    // Every stored row of the workspace on the inner side, so the estimate is large and a
    // nested loop can only be one of key lookups.
    stored = sql`activities d on d.workspace_id = ${workspaceId}
      and d.external_id = s.external_id and d.source_system = s.source_system`;
  } else {
    await sql`create temp table import_duplicates on commit drop as
      select external_id, source_system, excluded_reason from activities
      where workspace_id = ${workspaceId} and excluded_reason = 'duplicate'`.execute(trx);
    await sql`analyze import_duplicates`.execute(trx);
    stored = sql`import_duplicates d
      on d.external_id = s.external_id and d.source_system = s.source_system`;
  }
  const { rows: counts } = await sql<{ reason: ExcludedReason | null; n: number | string }>`
    select coalesce(s.excluded_reason,
        case when d.excluded_reason = 'duplicate' then 'duplicate' end) as reason,
      count(*) as n
    from ${sql.table(RESOLVED_TABLE)} s
    left join ${stored}
    group by 1`.execute(trx);
  return tally(counts);
}

/**
 * How many of the import's rows each counting rule excludes when the import wrote nothing:
 * every row is stored as it was and no mark was redone, so each row's mark is the one its
 * stored row had when the resolve pass read it (one scan of the resolved rows instead of
 * a join with the workspace's duplicates).
 * @example (await excludedAsStored(trx)).internal_note; // 24_689
 */
export async function excludedAsStored(
  trx: Kysely<Database>,
): Promise<Record<ExcludedReason, number>> {
  const { rows: counts } = await sql<{ reason: ExcludedReason | null; n: number | string }>`
    select previous_excluded_reason as reason, count(*) as n
    from ${sql.table(RESOLVED_TABLE)} group by 1`.execute(trx);
  return tally(counts);
}

/** Rows counted per reason (the null reason, counted rows, left out) as a full record. */
function tally(
  counts: readonly { reason: ExcludedReason | null; n: number | string }[],
): Record<ExcludedReason, number> {
  const excluded = noExclusions();
  for (const row of counts) if (row.reason) excluded[row.reason] = Number(row.n);
  return excluded;
}
