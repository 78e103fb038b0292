/**
 * The outbox of domain events: the one writer (`recordDomainEvent`, inside the writer's
 * transaction), the live feeds' commit-safe read, and the dispatcher's claim of events not
 * yet turned into jobs. See docs/decisions/0032-domain-event-outbox.md.
 */
import {
  type DomainEvent,
  type DomainEventType,
  domainEventSchema,
  type RecordedDomainEvent,
} from '@treeline/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema/database';

/** The channel `recordDomainEvent` notifies at commit; feeds and dispatchers LISTEN on it. */
export const DOMAIN_EVENTS_CHANNEL = 'treeline_domain_events';

/**
 * Where a reader stands in the outbox: every event at or before (tx, id) was read. `tx` is
 * an xid8 as text.
 */
export interface DomainEventCursor {
  tx: string;
  id: number;
}

/** An event as stored, before its type and payload are checked against core's schemas. */
export interface StoredDomainEvent {
  id: number;
  workspaceId: string;
  type: string;
  payload: unknown;
  recordedAt: Date;
}

/**
 * Records a domain event in the writer's transaction (so it exists exactly when what it
 * tells of committed) and notifies listeners, which PostgreSQL and PGlite wake at commit.
 * The event is checked against its schema first: a bad payload throws and so rolls the
 * writer back.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   const dataVersion = await bumpDataVersion(trx, workspaceId);
 *   await recordDomainEvent(trx, workspaceId, {
 *     type: 'counting.changed',
 *     payload: { dataVersion, changes: { countingPolicy: { from: 'all_touches', to: 'manual_only' } } },
 *   });
 * });
 */
export async function recordDomainEvent<E extends DomainEvent>(
  trx: Transaction<Database>,
  workspaceId: string,
  event: E,
): Promise<RecordedDomainEvent<E['type']>> {
  const checked = domainEventSchema.parse(event);
  const row = await trx
    .insertInto('domain_events')
    .values({
      workspace_id: workspaceId,
      type: checked.type,
      payload: JSON.stringify(checked.payload),
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  // Notifications of one transaction with the same payload are folded into one.
  await sql`select pg_notify(${DOMAIN_EVENTS_CHANNEL}, '')`.execute(trx);
  return {
    ...checked,
    id: Number(row.id),
    workspaceId,
    recordedAt: row.created_at,
  } as RecordedDomainEvent<E['type']>;
}

/**
 * The cursor of a reader that starts now: every event recorded later is after it. Events
 * of transactions still running have a `tx` at or above the snapshot's xmin, so the cursor
 * sits just below it.
 *
 * @example const cursor = await domainEventFeedHead(db); // { tx: '7312', id: 0 }
 */
export async function domainEventFeedHead(db: Kysely<Database>): Promise<DomainEventCursor> {
  const { rows } = await sql<{
    xmin: string;
  }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db);
  return { tx: rows[0]?.xmin ?? '0', id: 0 };
}

/**
 * The events after `cursor` that no running transaction can still precede, oldest first:
 * those whose transaction is older than every running one (`tx` below the snapshot's
 * xmin), in (tx, id) order. `held` says that committed events after them wait for an
 * older transaction to end: read again shortly.
 *
 * @example
 * const { events, cursor: next, held } = await readDomainEventsAfter(db, cursor);
 */
export async function readDomainEventsAfter(
  db: Kysely<Database>,
  cursor: DomainEventCursor,
  limit = 200,
): Promise<{ events: StoredDomainEvent[]; cursor: DomainEventCursor; held: boolean }> {
  const { rows } = await sql<{
    id: number;
    workspace_id: string;
    type: string;
    payload: unknown;
    created_at: Date;
    tx: string;
    safe: boolean;
  }>`
    select id, workspace_id, type, payload, created_at, tx::text as tx,
      tx < pg_snapshot_xmin(pg_current_snapshot()) as safe
    from domain_events
    where (tx, id) > (${cursor.tx}::xid8, ${cursor.id}::bigint)
    order by tx, id
    limit ${limit}
  `.execute(db);
  const events: StoredDomainEvent[] = [];
  let next = cursor;
  for (const row of rows) {
    // Rows are in tx order and `safe` is `tx < xmin`: the safe ones come first.
    if (!row.safe) break;
    events.push(storedEvent(row));
    next = { tx: row.tx, id: Number(row.id) };
  }
  return { events, cursor: next, held: events.length < rows.length };
}

/**
 * Locks up to `limit` events of the given types that no dispatcher has enqueued yet,
 * skipping those another dispatcher holds, oldest first. Call inside the transaction that
 * enqueues their jobs and then calls markDomainEventsDispatched.
 *
 * @example const events = await claimUndispatchedDomainEvents(trx, ['import.committed'], 100);
 */
export async function claimUndispatchedDomainEvents(
  trx: Transaction<Database>,
  types: readonly DomainEventType[],
  limit: number,
): Promise<StoredDomainEvent[]> {
  if (types.length === 0) return [];
  const rows = await trx
    .selectFrom('domain_events')
    .select(['id', 'workspace_id', 'type', 'payload', 'created_at'])
    .where('dispatched_at', 'is', null)
    .where('type', 'in', [...types])
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(storedEvent);
}

/**
 * Marks claimed events as enqueued, in the claiming transaction.
 *
 * @example await markDomainEventsDispatched(trx, events);
 */
export async function markDomainEventsDispatched(
  trx: Transaction<Database>,
  events: readonly Pick<StoredDomainEvent, 'id' | 'workspaceId'>[],
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .updateTable('domain_events')
    .set({ dispatched_at: sql<Date>`now()` })
    .where('dispatched_at', 'is', null)
    .where(
      'id',
      'in',
      events.map((e) => e.id),
    )
    .execute();
}

/**
 * A workspace's events, oldest first (tests, and screens of what happened).
 *
 * @example const imports = await listDomainEvents(db, workspaceId, { types: ['import.committed'] });
 */
export async function listDomainEvents(
  db: Kysely<Database>,
  workspaceId: string,
  options: { types?: readonly DomainEventType[]; limit?: number } = {},
): Promise<StoredDomainEvent[]> {
  let query = db
    .selectFrom('domain_events')
    .select(['id', 'workspace_id', 'type', 'payload', 'created_at'])
    .where('workspace_id', '=', workspaceId);
  if (options.types) {
    if (options.types.length === 0) return [];
    query = query.where('type', 'in', [...options.types]);
  }
  const rows = await query
    .orderBy('id')
    .limit(options.limit ?? 1000)
    .execute();
  return rows.map(storedEvent);
}

function storedEvent(row: {
  id: number;
  workspace_id: string;
  type: string;
  payload: unknown;
  created_at: Date;
}): StoredDomainEvent {
  return {
    id: Number(row.id),
    workspaceId: row.workspace_id,
    type: row.type,
    payload: row.payload,
    recordedAt: new Date(row.created_at),
  };
}
