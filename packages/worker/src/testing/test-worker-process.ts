/**
 * A worker process for the worker's multi-process tests (run as `node --import tsx`): it
 * opens the database described by TEST_WORKER_DATABASE (a DatabaseConfig as JSON), runs
 * the worker with one subscriber, `record-handled`, which writes (event id, its pid) to
 * the test's `test_handled` table, and prints `worker ready` once started.
 * - HANDLE_MS: how long each handler takes (so that jobs queue up for both workers);
 * - EXPIRE_SECONDS: after how long a running job counts as dead (default 60);
 * - HANG_FIRST=1: the first handler writes a `started` row and then never returns (the
 *   test kills the process there).
 * SIGTERM stops the worker and exits.
 */
import { type DatabaseConfig, openDatabase } from '@treeline/db';
import { sql } from 'kysely';
import { startWorker } from '../start-worker';
import { defineSubscriber } from '../subscriber';

const config = JSON.parse(process.env.TEST_WORKER_DATABASE ?? 'null') as DatabaseConfig | null;
if (!config) throw new Error('TEST_WORKER_DATABASE is not set');
const handleMs = Number(process.env.HANDLE_MS ?? 0);
const expireInSeconds = Number(process.env.EXPIRE_SECONDS ?? 60);
let hangNext = process.env.HANG_FIRST === '1';

const database = await openDatabase(config);
const worker = await startWorker({
  database,
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 1,
  dispatchPollMs: 1000,
  subscribers: [
    defineSubscriber({
      name: 'record-handled',
      on: ['counting.changed'],
      expireInSeconds,
      retryDelaySeconds: 0,
      handle: async (event, { db }) => {
        if (hangNext) {
          hangNext = false;
          await sql`insert into test_handled (event_id, pid, phase) values (${event.id}, ${process.pid}, 'started')`.execute(
            db,
          );
          await new Promise(() => {});
        }
        if (handleMs > 0) await new Promise((resolve) => setTimeout(resolve, handleMs));
        await sql`insert into test_handled (event_id, pid, phase) values (${event.id}, ${process.pid}, 'done')`.execute(
          db,
        );
      },
    }),
  ],
});
console.log('worker ready');
process.once('SIGTERM', () => {
  void worker
    .stop()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
