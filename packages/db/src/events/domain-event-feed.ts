/**
 * This process's live view of the outbox: every domain event, in commit-safe order, handed
 * to in-process listeners (the SSE stream of open editors, the tree-view cache). It starts
 * at the head (listeners hear what is recorded from then on), wakes on the NOTIFY that
 * `recordDomainEvent` sends at commit, and polls slowly in case a notification was lost.
 * Nothing is durable here: work that must survive a restart is a subscriber of the worker
 * (packages/worker), not a listener of this feed.
 */
import {
  isDomainEventType,
  parseRecordedDomainEvent,
  type RecordedDomainEvent,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Listen } from '../open-database';
import type { Database } from '../schema/database';
import {
  DOMAIN_EVENTS_CHANNEL,
  type DomainEventCursor,
  domainEventFeedHead,
  readDomainEventsAfter,
} from './domain-event.repository';

export type DomainEventListener = (event: RecordedDomainEvent) => void;

export interface DomainEventFeedOptions {
  /** LISTEN for the outbox's notifications (OpenDatabase.listen); without it the feed only polls. */
  listen?: Listen;
  /** Reads every this many ms as well (null: never). Default 5 s. */
  pollMs?: number | null;
  /**
   * How soon to read again when committed events wait behind a running transaction (then
   * twice as long each time, up to 2 s, while they still wait).
   */
  heldRetryMs?: number;
  onError?: (error: unknown) => void;
}

const BATCH = 200;

/**
 * @example
 * const feed = new DomainEventFeed(database.db, { listen: database.listen });
 * await feed.start();
 * const stop = feed.listen((event) => console.log(event.type, event.workspaceId));
 */
export class DomainEventFeed {
  readonly #db: Kysely<Database>;
  readonly #listen: Listen | undefined;
  readonly #pollMs: number | null;
  readonly #heldRetryMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #listeners = new Set<DomainEventListener>();
  #cursor: DomainEventCursor | null = null;
  #draining: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #poll: NodeJS.Timeout | null = null;
  #heldRetry: NodeJS.Timeout | null = null;
  #heldDelayMs: number;
  #unlisten: (() => Promise<void>) | null = null;

  constructor(db: Kysely<Database>, options: DomainEventFeedOptions = {}) {
    this.#db = db;
    this.#listen = options.listen;
    this.#pollMs = options.pollMs === undefined ? 5000 : options.pollMs;
    this.#heldRetryMs = options.heldRetryMs ?? 100;
    this.#heldDelayMs = this.#heldRetryMs;
    this.#onError = options.onError ?? ((error) => console.error(error));
  }

  /** Subscribes to notifications, then takes the head: nothing recorded after it is missed. */
  async start(): Promise<void> {
    if (this.#listen) this.#unlisten = await this.#listen(DOMAIN_EVENTS_CHANNEL, () => this.wake());
    this.#cursor = await domainEventFeedHead(this.#db);
    if (this.#pollMs !== null) {
      this.#poll = setInterval(() => this.wake(), this.#pollMs);
      this.#poll.unref();
    }
  }

  /** Hears every event from now on; returns the unsubscribe function. */
  listen(listener: DomainEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reads what is new; several calls while a read runs fold into one more read. */
  wake(): void {
    if (this.#stopped || this.#cursor === null) return;
    if (this.#draining) {
      this.#again = true;
      return;
    }
    this.#draining = this.#drain().finally(() => {
      this.#draining = null;
    });
  }

  /** Reads now and resolves once every event that is safe to read was delivered. */
  async catchUp(): Promise<void> {
    this.wake();
    while (this.#draining) await this.#draining;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#poll) clearInterval(this.#poll);
    if (this.#heldRetry) clearTimeout(this.#heldRetry);
    this.#poll = null;
    this.#heldRetry = null;
    await this.#unlisten?.().catch(this.#onError);
    this.#unlisten = null;
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    try {
      do {
        this.#again = false;
        for (;;) {
          if (this.#stopped || this.#cursor === null) return;
          const read = await readDomainEventsAfter(this.#db, this.#cursor, BATCH);
          this.#cursor = read.cursor;
          for (const stored of read.events) this.#deliver(stored);
          if (read.held) this.#retryHeld();
          else this.#heldDelayMs = this.#heldRetryMs;
          if (read.events.length < BATCH || read.held) break;
        }
      } while (this.#again);
    } catch (error) {
      if (!this.#stopped) this.#onError(error);
    }
  }

  #deliver(stored: Parameters<typeof parseRecordedDomainEvent>[0]): void {
    // A newer build may record types this one does not know: not ours to tell of.
    if (!isDomainEventType(stored.type)) return;
    let event: RecordedDomainEvent;
    try {
      event = parseRecordedDomainEvent(stored);
    } catch (error) {
      this.#onError(error);
      return;
    }
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        this.#onError(error);
      }
    }
  }

  /** Committed events wait for an older transaction to end; no NOTIFY tells when it does. */
  #retryHeld(): void {
    if (this.#heldRetry || this.#stopped) return;
    this.#heldRetry = setTimeout(() => {
      this.#heldRetry = null;
      this.wake();
    }, this.#heldDelayMs);
    this.#heldDelayMs = Math.min(2000, this.#heldDelayMs * 2);
    this.#heldRetry.unref();
  }
}
