/**
 * Planner statistics of the tables a large import wrote: refreshed inside the import (the
 * statements after the write plan for the table's real size) and again after its commit
 * (the next imports and the metric engine plan by them; this server may run without
 * autovacuum). Statistics only make plans better or worse, never results: a failure or a
 * busy table leaves them as they were and the import going.
 */
import type { ImportEntity } from '@treeline/core';
import { type ControlledTransaction, type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database';
import { targetTableOf } from './upsert-staged-rows';

/** Written rows from which an import refreshes the planner's statistics of its tables. */
export const ANALYZE_AFTER_ROWS = 100_000;

/**
 * ANALYZE of tables inside a transaction, which then holds their statistics lock (SHARE
 * UPDATE EXCLUSIVE) to its commit: taken only if no one else holds it within a second (a
 * vacuum, another import's analysis), else skipped, the transaction going on from a
 * savepoint taken before.
 * @example await analyzeIfUncontended(trx, ['activities']);
 */
export async function analyzeIfUncontended(
  trx: ControlledTransaction<Database>,
  tables: readonly string[],
): Promise<void> {
  const beforeAnalyze = await trx.savepoint('analyze_tables').execute();
  try {
    await sql`set local lock_timeout = '1s'`.execute(beforeAnalyze);
    await sql.raw(`analyze ${tables.join(', ')}`).execute(beforeAnalyze);
    await beforeAnalyze.releaseSavepoint('analyze_tables').execute();
  } catch {
    const undone = await beforeAnalyze.rollbackToSavepoint('analyze_tables').execute();
    await undone.releaseSavepoint('analyze_tables').execute();
  }
  // A SET LOCAL inside a released savepoint lasts to the commit: put the default back.
  await sql`set local lock_timeout = default`.execute(trx);
}

/**
 * After a large import, the statistics of the tables it wrote, as committed (the analysis
 * inside the import ran before the exclusion marks and the rollup were written), in a short
 * transaction of its own.
 * @example await refreshStatisticsAfter(db, 'activities');
 */
export async function refreshStatisticsAfter(
  db: Kysely<Database>,
  entity: ImportEntity,
): Promise<void> {
  const tables = [targetTableOf(entity), ...(entity === 'activities' ? ['activity_rollups'] : [])];
  try {
    const trx = await db.startTransaction().execute();
    try {
      await analyzeIfUncontended(trx, tables);
      await trx.commit().execute();
    } finally {
      if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
    }
  } catch {
    // Statistics are an optimisation; the import itself is committed.
  }
}
