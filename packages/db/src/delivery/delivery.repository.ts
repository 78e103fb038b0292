/**
 * The durable outbox of outgoing messages (email and webhooks). A writer enqueues in its own
 * transaction; the worker's sender leases due rows, sends outside any transaction, and marks
 * each delivered or due again after a backoff. A sender that dies mid-send leaves its lease
 * to expire, so the message is sent again with the same id; the receiver can drop the repeat.
 */
import { quietHoursEnd } from '@treeline/core';
import { type Kysely, sql } from 'kysely';
import type { Database, DeliveryChannel } from '../schema/database';
import { readPreferencesOf } from './preferences.repository';

export interface NewDelivery {
  workspaceId: string;
  channel: DeliveryChannel;
  target: string;
  eventType: string;
  sourceKey: string;
  payload: unknown;
  /**
   * The person an email is for, when known; without it, the person of the workspace with
   * the target address (if any). Their preferences apply: no email when they turned email
   * off, and none during their quiet hours (it waits until they end).
   */
  personId?: string;
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

/** When each delivery may first be tried (null: dropped by the person's preferences). */
async function applyPreferences(
  db: Kysely<Database>,
  deliveries: readonly NewDelivery[],
  now: Date,
): Promise<Array<Date | null>> {
  const due: Array<Date | null> = deliveries.map(() => now);
  const byWorkspace = new Map<string, number[]>();
  deliveries.forEach((d, i) => {
    if (d.channel !== 'email') return;
    byWorkspace.set(d.workspaceId, [...(byWorkspace.get(d.workspaceId) ?? []), i]);
  });
  for (const [workspaceId, indexes] of byWorkspace) {
    const workspace = await db
      .selectFrom('workspaces')
      .select('time_zone')
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    if (!workspace) continue;
    const addresses = indexes
      .filter((i) => deliveries[i]!.personId === undefined)
      .map((i) => deliveries[i]!.target.toLowerCase());
    const people =
      addresses.length === 0
        ? []
        : await db
            .selectFrom('people')
            .select(['id', 'email'])
            .where('workspace_id', '=', workspaceId)
            .where((eb) => eb(eb.fn('lower', ['email']), 'in', addresses))
            .execute();
    const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p.id]));
    const personOf = (i: number) =>
      deliveries[i]!.personId ?? byEmail.get(deliveries[i]!.target.toLowerCase());
    const ids = [...new Set(indexes.map(personOf).filter((id): id is string => !!id))];
    const prefs = await readPreferencesOf(db, workspaceId, ids);
    for (const i of indexes) {
      const personId = personOf(i);
      const pref = personId ? prefs.get(personId) : undefined;
      if (!pref) continue;
      if (!pref.email) {
        due[i] = null;
        continue;
      }
      if (pref.quietHours) {
        due[i] = quietHoursEnd(now, pref.quietHours, workspace.time_zone) ?? now;
      }
    }
  }
  return due;
}

/**
 * Enqueues messages; a (source, channel, target) already enqueued is left as it is, so a
 * rerun of the writer sends nothing twice. An email to a person follows their preferences:
 * dropped when they turned email off, held until their quiet hours end. Returns how many
 * were new.
 *
 * @example await enqueueDeliveries(trx, [{ workspaceId, channel: 'email', target: 'ana@example.com', eventType: 'alert.raised', sourceKey: `alert:${id}:to`, payload }]);
 */
export async function enqueueDeliveries(
  db: Kysely<Database>,
  deliveries: readonly NewDelivery[],
  options: { now?: Date } = {},
): Promise<number> {
  if (deliveries.length === 0) return 0;
  const now = options.now ?? new Date();
  const due = await applyPreferences(db, deliveries, now);
  const kept = deliveries.flatMap((d, i) => {
    const at = due[i];
    return at ? [{ d, at }] : [];
  });
  if (kept.length === 0) return 0;
  const rows = await db
    .insertInto('deliveries')
    .values(
      kept.map(({ d, at }) => ({
        workspace_id: d.workspaceId,
        channel: d.channel,
        target: d.target,
        event_type: d.eventType,
        source_key: d.sourceKey,
        payload: JSON.stringify(d.payload),
        // Due now unless quiet hours hold it (the database clock decides "now" otherwise).
        ...(at === now ? {} : { next_attempt_at: at }),
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

/** A target's deliveries as its log shows them: delivered, pending, retrying or given up. */
export interface DeliveryLogRow {
  id: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'retrying' | 'given_up';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date | null;
}

/**
 * The deliveries to one target (a webhook endpoint's id, an email address), newest first.
 *
 * @example const log = await listDeliveriesTo(db, ws.id, 'webhook', endpoint.id);
 */
export async function listDeliveriesTo(
  db: Kysely<Database>,
  workspaceId: string,
  channel: DeliveryChannel,
  target: string,
  limit = 50,
): Promise<DeliveryLogRow[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select([
      'id',
      'event_type',
      'status',
      'attempts',
      'last_error',
      'created_at',
      'delivered_at',
      'next_attempt_at',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('channel', '=', channel)
    .where('target', '=', target)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventType: row.event_type,
    status:
      row.status === 'delivered'
        ? 'delivered'
        : row.status === 'failed'
          ? 'given_up'
          : row.attempts > 0
            ? 'retrying'
            : 'pending',
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
  }));
}
