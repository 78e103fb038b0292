/**
 * A durable subscriber: work that must happen once for every domain event of some types,
 * even across crashes and restarts (alerts, verdict recomputation, scoring). Each has a job
 * queue of its own; the dispatcher enqueues one job per event it subscribes to, and a
 * worker runs `handle` for it. A job may run again (its worker died mid-way, the handler
 * threw, or ran past `expireInSeconds`), so `handle` must be idempotent: writing the same
 * result twice must leave what writing it once does.
 */
import type { DomainEventType, RecordedDomainEvent } from '@treeline/core';
import type { Db } from '@treeline/db';

export interface SubscriberContext {
  db: Db;
  /** The pg-boss job id. */
  jobId: string;
  /** 0 on the first run, then 1, 2, ... on retries. */
  retryCount: number;
}

export interface Subscriber<T extends DomainEventType = DomainEventType> {
  /**
   * Its queue's name: lowercase letters, digits and dashes. Jobs wait under it, so a rename
   * orphans the jobs of the old name.
   */
  name: string;
  /** The event types it handles. */
  on: readonly T[];
  handle(event: RecordedDomainEvent<T>, context: SubscriberContext): Promise<void>;
  /** Runs after the first that fail before the job is given up (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry, doubling for each next (default 10). */
  retryDelaySeconds?: number;
  /** A run longer than this is taken as dead and retried (default 15 minutes). */
  expireInSeconds?: number;
}

const NAME = /^[a-z][a-z0-9-]{0,48}$/;

/**
 * Checks a subscriber, its `handle` typed by the events it names, and returns it as the
 * registry holds every subscriber (the worker hands it only events of those types).
 *
 * @example
 * export const movementAlerts = defineSubscriber({
 *   name: 'movement-alerts',
 *   on: ['import.committed', 'counting.changed'],
 *   handle: async (event, { db }) => { await checkMovements(db, event.workspaceId); },
 * });
 */
export function defineSubscriber<const T extends DomainEventType>(
  subscriber: Subscriber<T>,
): Subscriber {
  if (!NAME.test(subscriber.name)) {
    throw new Error(
      `Subscriber name "${subscriber.name}" must be lowercase letters, digits and dashes, starting with a letter (at most 49).`,
    );
  }
  if (subscriber.on.length === 0) {
    throw new Error(`Subscriber "${subscriber.name}" names no event types.`);
  }
  const types: readonly DomainEventType[] = subscriber.on;
  return {
    ...subscriber,
    on: types,
    handle: (event, context) => {
      if (!types.includes(event.type)) {
        throw new Error(`Subscriber "${subscriber.name}" was handed a ${event.type} event.`);
      }
      return subscriber.handle(event as RecordedDomainEvent<T>, context);
    },
  };
}
