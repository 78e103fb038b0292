/** Each person's in-app inbox: what Treeline told them, newest first, read or not. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';

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

/** Adds notifications; one per alert, person and role, so a rerun adds none. */
export async function insertNotifications(
  db: Kysely<Database>,
  notifications: readonly NewNotification[],
): Promise<number> {
  if (notifications.length === 0) return 0;
  const rows = await db
    .insertInto('notifications')
    .values(
      notifications.map((n) => ({
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
    .returning('id')
    .execute();
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
