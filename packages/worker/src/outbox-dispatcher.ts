/** The worker's loop around dispatchDomainEvents (see start-worker.ts for when it runs). */
import { analyzeStaleTables, DOMAIN_EVENTS_CHANNEL, type OpenDatabase } from '@treeline/db';
import type PgBoss from 'pg-boss';
import { dispatchDomainEvents } from './dispatch-domain-events';
import type { Subscriber } from './subscriber';

/**
 * Dispatches outbox events until stopped: on the outbox's NOTIFY, on a timer, and again
 * at once while batches come back full; after each batch it wakes this process's own
 * workers of the queues that got jobs.
 *
 * @example
 * const dispatcher = new OutboxDispatcher(boss, subscribers, database, workerIds, console.error);
 * await dispatcher.start(5000);
 */
export class OutboxDispatcher {
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #timer: NodeJS.Timeout | null = null;
  #unlisten: (() => Promise<void>) | null = null;

  constructor(
    readonly boss: PgBoss,
    readonly subscribers: readonly Subscriber[],
    readonly database: Pick<OpenDatabase, 'db' | 'listen'> & Partial<Pick<OpenDatabase, 'kind'>>,
    readonly workerIds: Map<string, string>,
    readonly onError: (error: unknown) => void,
  ) {}

  async start(pollMs: number): Promise<void> {
    this.#unlisten = await this.database.listen(DOMAIN_EVENTS_CHANNEL, () => this.wake());
    this.#timer = setInterval(() => this.wake(), pollMs);
    this.#timer.unref();
    this.wake();
  }

  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#run().finally(() => {
      this.#running = null;
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#unlisten?.().catch(this.onError);
    while (this.#running) await this.#running;
  }

  async #run(): Promise<void> {
    const batch = 100;
    try {
      do {
        this.#again = false;
        // Before the jobs of newly committed data run: PGlite has no autovacuum, and its
        // planner, blind to an import, picks plans that take minutes (decision 0045).
        if (this.database.kind === 'pglite') await analyzeStaleTables(this.database.db);
        for (;;) {
          if (this.#stopped) return;
          const result = await dispatchDomainEvents(
            this.database.db,
            this.boss,
            this.subscribers,
            batch,
          );
          // This process's own workers fetch at once rather than at their next poll.
          for (const queue of result.jobsByQueue.keys()) {
            const id = this.workerIds.get(queue);
            if (id) this.boss.notifyWorker(id);
          }
          if (result.events < batch) break;
        }
      } while (this.#again);
    } catch (error) {
      if (!this.#stopped) this.onError(error);
    }
  }
}
