/**
 * The job queue: pg-boss (docs/decisions/0031-job-queue.md) over the database the product
 * already opened, on PGlite and PostgreSQL alike, with its tables in a schema of their own
 * (`pgboss`, or one per test database). pg-boss sends its SQL through `executeSql`; inside
 * one of our transactions, db's `executeSqlIn(trx)` lets it write jobs in that transaction.
 */
import type { OpenDatabase } from '@treeline/db';
import PgBoss from 'pg-boss';

export interface JobQueueOptions {
  /** How often an idle worker asks for a job of each queue (pg-boss's floor is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How often expired jobs are failed over to a retry, among other upkeep. */
  maintenanceIntervalSeconds?: number;
  onError?: (error: unknown) => void;
}

/**
 * Starts pg-boss on the database, creating or migrating its schema.
 *
 * @example const boss = await openJobQueue(database); await boss.stop();
 */
export async function openJobQueue(
  database: Pick<OpenDatabase, 'executeSql' | 'jobQueueSchema'>,
  options: JobQueueOptions = {},
): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    schema: database.jobQueueSchema,
    // No cron schedules yet; their clock and worker would only poll.
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
  });
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  boss.on('error', onError);
  await boss.start();
  return boss;
}
