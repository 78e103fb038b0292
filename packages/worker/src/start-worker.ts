/**
 * The worker: starts the job queue, creates a queue per durable subscriber, runs their
 * handlers, and dispatches outbox events to them, woken by the outbox's NOTIFY with a
 * slow poll as fallback (a notification is lost while a connection is down, and an event
 * whose dispatching transaction died is claimable again only once it rolled back). The
 * API server runs one in-process unless TREELINE_WORKER=0; `treeline worker` runs it on
 * its own, beside any number of API instances: work is shared, never doubled.
 */
import { parseRecordedDomainEvent } from '@treeline/core';
import type { OpenDatabase } from '@treeline/db';
import { createMailer, type Mailer } from '@treeline/notify';
import { DeliverySender } from './delivery-sender';
import { scheduleDigests } from './digest-job';
import type { DomainEventJobData } from './dispatch-domain-events';
import { DURABLE_SUBSCRIBERS } from './durable-subscribers';
import { type JobQueueOptions, openJobQueue } from './job-queue';
import { AlertClock } from './movement-alerts';
import { OutboxDispatcher } from './outbox-dispatcher';
import type { Subscriber } from './subscriber';

export interface WorkerOptions extends JobQueueOptions {
  /**
   * Its `backgroundDb`, when given, is what the worker's own queries use (db otherwise);
   * its `kind`, when 'pglite', has the worker keep the planner statistics current.
   */
  database: Pick<OpenDatabase, 'db' | 'listen' | 'executeSql' | 'jobQueueSchema'> &
    Partial<Pick<OpenDatabase, 'backgroundDb' | 'kind'>>;
  /** Default: the registry, DURABLE_SUBSCRIBERS. */
  subscribers?: readonly Subscriber[];
  /** Dispatches every this many ms besides on NOTIFY (default 5 s). */
  dispatchPollMs?: number;
  /** Where email deliveries go (default: the server log). */
  mailer?: Mailer;
  /** Where links in emails lead (digests); default http://localhost:3000. */
  publicUrl?: string;
  /** Runs the digests this often (default 5 minutes). */
  digestEveryMs?: number;
  /**
   * How often the alert clock looks for closed periods and alerts to escalate (default a
   * minute; 0: no clock, for tests of other parts).
   */
  alertClockMs?: number;
}

export interface RunningWorker {
  /** Stops taking jobs and events; waits (up to 30 s) for running handlers to finish. */
  stop(): Promise<void>;
}

/**
 * @example
 * const worker = await startWorker({ database });
 * process.once('SIGTERM', () => void worker.stop());
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  // Background work yields the embedded database's one connection to requests.
  const database = {
    ...options.database,
    db: options.database.backgroundDb ?? options.database.db,
  };
  const subscribers = options.subscribers ?? DURABLE_SUBSCRIBERS;
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const names = subscribers.map((s) => s.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new Error(`Two durable subscribers are named "${repeated}".`);

  const boss = await openJobQueue(database, { ...options, onError });
  const workerIds = new Map<string, string>();
  let dispatcher: OutboxDispatcher | null = null;
  const sender = new DeliverySender({
    database,
    mailer: options.mailer ?? createMailer(),
    pollMs: options.dispatchPollMs ?? 5000,
    onError,
  });
  const clockMs = options.alertClockMs ?? 60_000;
  const clock =
    clockMs > 0 ? new AlertClock({ db: database.db, intervalMs: clockMs, onError }) : null;
  try {
    for (const subscriber of subscribers) {
      const queue = {
        name: subscriber.name,
        retryLimit: subscriber.retryLimit ?? 5,
        retryDelay: subscriber.retryDelaySeconds ?? 10,
        retryBackoff: (subscriber.retryDelaySeconds ?? 10) > 0,
        expireInSeconds: subscriber.expireInSeconds ?? 15 * 60,
      };
      await boss.createQueue(subscriber.name, queue);
      // An existing queue keeps the options it was created with unless updated.
      await boss.updateQueue(subscriber.name, queue);
      const id = await boss.work<DomainEventJobData>(
        subscriber.name,
        {
          batchSize: 1,
          includeMetadata: true,
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
        },
        async (jobs) => {
          for (const job of jobs) {
            const event = parseRecordedDomainEvent({
              id: job.data.eventId,
              workspaceId: job.data.workspaceId,
              type: job.data.type,
              payload: job.data.payload,
              recordedAt: new Date(job.data.recordedAt),
            });
            await subscriber.handle(event, {
              db: database.db,
              jobId: job.id,
              retryCount: job.retryCount,
            });
          }
        },
      );
      workerIds.set(subscriber.name, id);
    }
    dispatcher = new OutboxDispatcher(boss, subscribers, database, workerIds, onError);
    await dispatcher.start(options.dispatchPollMs ?? 5000);
    await sender.start();
    if (clock) clock.start();
  } catch (error) {
    await clock?.stop();
    await sender.stop();
    await dispatcher?.stop();
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw error;
  }
  const running = dispatcher;
  const digests = scheduleDigests(database.db, {
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.digestEveryMs ? { everyMs: options.digestEveryMs } : {}),
    onError,
  });
  return {
    async stop() {
      await digests.stop();
      await clock?.stop();
      await sender.stop();
      await running.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
