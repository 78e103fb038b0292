/**
 * Each person's in-app inbox: what Treeline told them, newest first, read or not. Adding
 * notifications records a `notifications.added` domain event in the same transaction, so
 * the people's open apps refetch their inbox at commit (the live stream announces it).
 */
import { type Kysely, Transaction } from 'kysely';
import { recordDomainEvent } from '../events/domain-event.repository';
import type { Database } from '../schema/database';
import { readPreferencesOf } from './preferences.repository';

export interface NewNotification {
  workspaceId: string;
  personId: string;
  kind: string;
  role: string;
  title: string;
  body: string;
  link: string | null;
  alertId?: string | null;
}

/**
 * Adds notifications; one per alert, person and role, so a rerun adds none. A person who
 * turned in-app notifications off gets them already read (listed, never an unread badge).
 * Runs in the caller's transaction when given one.
 */
export async function insertNotifications(
  db: Kysely<Database>,
  notifications: readonly NewNotification[],
): Promise<number> {
  if (notifications.length === 0) return 0;
  if (db instanceof Transaction) return insertIn(db, notifications);
  return db.transaction().execute((trx) => insertIn(trx, notifications));
}

async function insertIn(
  trx: Transaction<Database>,
  notifications: readonly NewNotification[],
): Promise<number> {
  const quiet = new Set<string>();
  const byWorkspace = new Map<string, string[]>();
  for (const n of notifications) {
    byWorkspace.set(n.workspaceId, [...(byWorkspace.get(n.workspaceId) ?? []), n.personId]);
  }
  for (const [workspaceId, personIds] of byWorkspace) {
    const prefs = await readPreferencesOf(trx, workspaceId, [...new Set(personIds)]);
    for (const [personId, pref] of prefs) if (!pref.inApp) quiet.add(`${workspaceId}:${personId}`);
  }
  const now = new Date();
  const rows = await trx
    .insertInto('notifications')
    .values(
      notifications.map((n) => ({
        read_at: quiet.has(`${n.workspaceId}:${n.personId}`) ? now : null,
        workspace_id: n.workspaceId,
        person_id: n.personId,
        kind: n.kind,
        role: n.role,
        title: n.title,
        body: n.body,
        link: n.link,
        alert_id: n.alertId ?? null,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'alert_id', 'person_id', 'role'])
        .where('alert_id', 'is not', null)
        .doNothing(),
    )
    .returning(['workspace_id', 'person_id'])
    .execute();
  const added = new Map<string, Set<string>>();
  for (const row of rows) {
    added.set(row.workspace_id, (added.get(row.workspace_id) ?? new Set()).add(row.person_id));
  }
  for (const [workspaceId, people] of added) {
    await recordDomainEvent(trx, workspaceId, {
      type: 'notifications.added',
      payload: { personIds: [...people] },
    });
  }
  return rows.length;
}

/** @example const { items, unread } = await listInbox(db, ws.id, person.id); */
export async function listInbox(
  db: Kysely<Database>,
  workspaceId: string,
  personId: string,
  limit = 100,
) {
  const items = await db
    .selectFrom('notifications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { items, unread: Number(count.n) };
}

/** Marks one of the person's notifications read (another's, or another workspace's: false). */
export async function markNotificationRead(
  db: Kysely<Database>,
  workspaceId: string,
  personId: string,
  id: string,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markAllNotificationsRead(
  db: Kysely<Database>,
  workspaceId: string,
  personId: string,
  now = new Date(),
): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
