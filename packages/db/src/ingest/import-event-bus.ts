/**
 * Tells the rest of the product that data arrived. Every committed import writes an
 * import_events row in its transaction (the durable record); this bus reads those rows
 * and hands them to:
 * - live listeners (open editors over server-sent events), which hear events from the
 *   moment they subscribe;
 * - durable subscribers (the metric engine, alerting), which keep a cursor in
 *   event_cursors and so receive, after a restart, every event committed while they were
 *   down. A handler that throws is retried on the next drain: at-least-once delivery.
 * Events committed by other API instances sharing the database arrive by polling.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';
import {
  type ImportEventRecord,
  latestImportEventId,
  listImportEventsAfter,
  readEventCursor,
  writeEventCursor,
} from './import.repository';

export type ImportEventListener = (event: ImportEventRecord) => void;
export type DurableImportEventHandler = (event: ImportEventRecord) => Promise<void>;

interface DurableSubscriber {
  name: string;
  handler: DurableImportEventHandler;
  cursor: number;
}

/**
 * @example
 * const bus = new ImportEventBus(db);
 * await bus.start();
 * const stop = bus.listen((event) => console.log(event.workspace_id, event.data_version));
 * await bus.subscribeDurable('alerting', async (event) => { await checkMovement(event); });
 * bus.notify(); // after a local commit
 */
export class ImportEventBus {
  readonly #db: Kysely<Database>;
  readonly #pollMs: number;
  readonly #listeners = new Set<ImportEventListener>();
  readonly #durable: DurableSubscriber[] = [];
  #lastSeen = 0;
  #draining: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #onError: (error: unknown) => void;

  constructor(
    db: Kysely<Database>,
    options: { pollMs?: number; onError?: (error: unknown) => void } = {},
  ) {
    this.#db = db;
    this.#pollMs = options.pollMs ?? 1000;
    this.#onError = options.onError ?? (() => {});
  }

  /**
   * Starts from the newest event (live listeners hear only what follows). With `poll`, it
   * also looks for events of other processes every `pollMs` (until stop()).
   */
  start(options: { poll?: boolean } = {}): Promise<void> {
    this.#draining = this.#draining.then(async () => {
      this.#lastSeen = await latestImportEventId(this.#db);
    });
    if (options.poll ?? true) {
      this.#timer = setInterval(() => void this.notify(), this.#pollMs);
      this.#timer.unref();
    }
    return this.#draining;
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Hears every event from now on; returns the unsubscribe function. */
  listen(listener: ImportEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Registers a durable subscriber by name. On its first registration it starts at the
   * newest event; afterwards it resumes after the last event it handled.
   */
  async subscribeDurable(name: string, handler: DurableImportEventHandler): Promise<void> {
    const stored = await readEventCursor(this.#db, name);
    const cursor = stored ?? (await latestImportEventId(this.#db));
    if (stored === undefined) await writeEventCursor(this.#db, name, cursor);
    this.#durable.push({ name, handler, cursor });
    await this.notify();
  }

  /** Reads and delivers new events now (call after a local commit); resolves when done. */
  notify(): Promise<void> {
    this.#draining = this.#draining.then(() => this.#drain()).catch(this.#onError);
    return this.#draining;
  }

  async #drain(): Promise<void> {
    for (;;) {
      const events = await listImportEventsAfter(this.#db, this.#lastSeen);
      for (const event of events) {
        this.#lastSeen = Number(event.id);
        for (const listener of this.#listeners) {
          try {
            listener(event);
          } catch (error) {
            this.#onError(error);
          }
        }
      }
      if (events.length < 100) break;
    }
    for (const subscriber of this.#durable) {
      // One failing subscriber must not hold back the others; it retries next drain.
      await this.#catchUp(subscriber).catch(this.#onError);
    }
  }

  async #catchUp(subscriber: DurableSubscriber): Promise<void> {
    for (;;) {
      const events = await listImportEventsAfter(this.#db, subscriber.cursor);
      for (const event of events) {
        await subscriber.handler(event);
        subscriber.cursor = Number(event.id);
        await writeEventCursor(this.#db, subscriber.name, subscriber.cursor);
      }
      if (events.length < 100) return;
    }
  }
}
