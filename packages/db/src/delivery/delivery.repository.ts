/**
 * The durable outbox of outgoing messages (email and webhooks). A writer enqueues in its own
 * transaction; the worker's sender leases due rows, sends outside any transaction, and marks
 * each delivered or due again after a backoff. A sender that dies mid-send leaves its lease
 * to expire, so the message is sent again with the same id; the receiver can drop the repeat.
 */
import { type Kysely, sql } from 'kysely';
import type { Database, DeliveryChannel } from '../schema/database';

export interface NewDelivery {
  workspaceId: string;
  channel: DeliveryChannel;
  target: string;
  eventType: string;
  sourceKey: string;
  payload: unknown;
}

export interface DueDelivery {
  workspaceId: string;
  id: string;
  channel: DeliveryChannel;
  target: string;
  eventType: string;
  payload: unknown;
  attempts: number;
}

/** Notifies the sender at commit, so a message leaves within moments of being enqueued. */
export const DELIVERY_CHANNEL = 'treeline_deliveries';

/**
 * Enqueues messages; a (source, channel, target) already enqueued is left as it is, so a
 * rerun of the writer sends nothing twice. Returns how many were new.
 *
 * @example await enqueueDeliveries(trx, [{ workspaceId, channel: 'email', target: 'ana@example.com', eventType: 'alert.raised', sourceKey: `alert:${id}:to`, payload }]);
 */
export async function enqueueDeliveries(
  db: Kysely<Database>,
  deliveries: readonly NewDelivery[],
): Promise<number> {
  if (deliveries.length === 0) return 0;
  const rows = await db
    .insertInto('deliveries')
    .values(
      deliveries.map((d) => ({
        workspace_id: d.workspaceId,
        channel: d.channel,
        target: d.target,
        event_type: d.eventType,
        source_key: d.sourceKey,
        payload: JSON.stringify(d.payload),
      })),
    )
    .onConflict((oc) => oc.columns(['workspace_id', 'source_key', 'channel', 'target']).doNothing())
    .returning('id')
    .execute();
  await sql`select pg_notify(${DELIVERY_CHANNEL}, '')`.execute(db);
  return rows.length;
}

/**
 * Leases up to `limit` due messages for `leaseSeconds` (other senders skip them) and counts
 * the attempt. Committed before sending, so no transaction is open during the network call.
 */
export async function leaseDueDeliveries(
  db: Kysely<Database>,
  options: { limit?: number; leaseSeconds?: number; now?: Date } = {},
): Promise<DueDelivery[]> {
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + (options.leaseSeconds ?? 60) * 1000);
  const rows = await db
    .updateTable('deliveries')
    .set((eb) => ({ leased_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    // Ids are random UUIDs: unique across workspaces, so the id alone picks the row.
    .where(({ eb, selectFrom }) =>
      eb(
        'id',
        'in',
        selectFrom('deliveries')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .where((w) => w.or([w('leased_until', 'is', null), w('leased_until', '<', now)]))
          .orderBy('next_attempt_at')
          .limit(options.limit ?? 20)
          .forUpdate()
          .skipLocked(),
      ),
    )
    .returning(['workspace_id', 'id', 'channel', 'target', 'event_type', 'payload', 'attempts'])
    .execute();
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    id: row.id,
    channel: row.channel,
    target: row.target,
    eventType: row.event_type,
    payload: row.payload,
    attempts: row.attempts,
  }));
}

/** @example await markDelivered(db, delivery); */
export async function markDelivered(
  db: Kysely<Database>,
  delivery: Pick<DueDelivery, 'workspaceId' | 'id'>,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ status: 'delivered', delivered_at: now, leased_until: null, last_error: null })
    .where('workspace_id', '=', delivery.workspaceId)
    .where('id', '=', delivery.id)
    .execute();
}

/**
 * Records a failed attempt: due again at `retryAt`, or given up (`null`) after the last one.
 *
 * @example await markAttemptFailed(db, delivery, 'HTTP 503', new Date(Date.now() + 30_000));
 */
export async function markAttemptFailed(
  db: Kysely<Database>,
  delivery: Pick<DueDelivery, 'workspaceId' | 'id'>,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({
      last_error: error.slice(0, 1000),
      leased_until: null,
      ...(retryAt ? { next_attempt_at: retryAt } : { status: 'failed' }),
    })
    .where('workspace_id', '=', delivery.workspaceId)
    .where('id', '=', delivery.id)
    .execute();
}

/** The next time a pending message falls due, to sleep until then (null: none). */
export async function nextDeliveryDue(db: Kysely<Database>): Promise<Date | null> {
  const row = await db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return (row?.next as Date | null | undefined) ?? null;
}

/** A workspace's recent deliveries (for the webhooks screen and tests). */
export async function listDeliveries(db: Kysely<Database>, workspaceId: string, limit = 50) {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
