/**
 * The dispatcher: turns outbox events into jobs, one per subscriber of the event's type,
 * exactly once however many workers run. One transaction claims undispatched events
 * (FOR UPDATE SKIP LOCKED, so two dispatchers never take the same event), sends their
 * jobs through pg-boss in that transaction and marks the events dispatched: the jobs exist
 * if and only if the mark does. Events of types this build does not know are left for a
 * newer one; known types without subscribers are only marked.
 */
import { DOMAIN_EVENT_TYPES, type DomainEventType } from '@treeline/core';
import {
  claimUndispatchedDomainEvents,
  type Db,
  executeSqlIn,
  markDomainEventsDispatched,
  type StoredDomainEvent,
} from '@treeline/db';
import type PgBoss from 'pg-boss';
import type { Subscriber } from './subscriber';

/** What a job carries: the event as recorded. */
export interface DomainEventJobData {
  eventId: number;
  workspaceId: string;
  type: string;
  payload: unknown;
  recordedAt: string;
}

export interface DispatchResult {
  events: number;
  /** The queues that received jobs, with how many. */
  jobsByQueue: Map<string, number>;
}

/**
 * Dispatches up to `batchSize` events in one transaction.
 *
 * @example const { events } = await dispatchDomainEvents(db, boss, DURABLE_SUBSCRIBERS);
 */
export async function dispatchDomainEvents(
  db: Db,
  boss: PgBoss,
  subscribers: readonly Subscriber[],
  batchSize = 100,
): Promise<DispatchResult> {
  const byType = new Map<DomainEventType, Subscriber[]>();
  for (const subscriber of subscribers) {
    for (const type of subscriber.on) byType.set(type, [...(byType.get(type) ?? []), subscriber]);
  }
  return db.transaction().execute(async (trx) => {
    const events = await claimUndispatchedDomainEvents(trx, DOMAIN_EVENT_TYPES, batchSize);
    const jobs: { name: string; data: DomainEventJobData }[] = [];
    const jobsByQueue = new Map<string, number>();
    for (const event of events) {
      for (const subscriber of byType.get(event.type as DomainEventType) ?? []) {
        jobs.push({ name: subscriber.name, data: jobData(event) });
        jobsByQueue.set(subscriber.name, (jobsByQueue.get(subscriber.name) ?? 0) + 1);
      }
    }
    const db = { executeSql: executeSqlIn(trx) };
    for (const job of jobs) {
      // One statement per job: pg-boss's batch insert does not say which jobs it took, and
      // a job whose queue does not exist is dropped without a word; `send` answers null.
      const id = await boss.send(job.name, job.data, { db });
      if (id === null) {
        throw new Error(`The job queue refused a job for "${job.name}": is its queue created?`);
      }
    }
    await markDomainEventsDispatched(trx, events);
    return { events: events.length, jobsByQueue };
  });
}

function jobData(event: StoredDomainEvent): DomainEventJobData {
  return {
    eventId: event.id,
    workspaceId: event.workspaceId,
    type: event.type,
    payload: event.payload,
    recordedAt: event.recordedAt.toISOString(),
  };
}
