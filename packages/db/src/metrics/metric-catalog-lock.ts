/**
 * A workspace's custom metric changes and its tree writes exclude each other: each is
 * checked against the other's current state (a metric change against the trees using the
 * metric, a tree save against the catalog), so without the lock a metric change and a tree
 * save running at once could each pass against what the other is about to replace.
 * Tree writes share the lock among themselves; a metric change or delete holds it alone.
 * Transaction-scoped advisory locks: released at commit or rollback.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database';

/**
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await lockMetricCatalog(trx, workspaceId, 'change');
 *   // read the catalog and the trees, check, write
 * });
 */
export async function lockMetricCatalog(
  trx: Kysely<Database>,
  workspaceId: string,
  mode: 'use' | 'change',
): Promise<void> {
  if (mode === 'change') {
    await sql`select pg_advisory_xact_lock(hashtext('treeline.metric_catalog'), hashtext(${workspaceId}))`.execute(
      trx,
    );
  } else {
    await sql`select pg_advisory_xact_lock_shared(hashtext('treeline.metric_catalog'), hashtext(${workspaceId}))`.execute(
      trx,
    );
  }
}
