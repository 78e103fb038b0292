/**
 * Each person's notification preferences in a workspace: email and in-app on or off, the
 * digest's frequency, quiet hours. A person without a stored row has the defaults.
 */
import type { QuietHours } from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database, DigestFrequency } from '../schema/database';

export interface NotificationPreferences {
  email: boolean;
  inApp: boolean;
  digest: DigestFrequency;
  quietHours: QuietHours | null;
}

/** Everything on, a daily digest, no quiet hours. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  email: true,
  inApp: true,
  digest: 'daily',
  quietHours: null,
};

type Row = {
  person_id: string;
  email_enabled: boolean;
  in_app_enabled: boolean;
  digest: DigestFrequency;
  quiet_start_minute: number | null;
  quiet_end_minute: number | null;
};

const preferencesOf = (row: Row): NotificationPreferences => ({
  email: row.email_enabled,
  inApp: row.in_app_enabled,
  digest: row.digest,
  quietHours:
    row.quiet_start_minute === null || row.quiet_end_minute === null
      ? null
      : { startMinute: row.quiet_start_minute, endMinute: row.quiet_end_minute },
});

/** @example const prefs = await readNotificationPreferences(db, ws.id, person.id); */
export async function readNotificationPreferences(
  db: Kysely<Database>,
  workspaceId: string,
  personId: string,
): Promise<NotificationPreferences> {
  return (await readPreferencesOf(db, workspaceId, [personId])).get(personId)!;
}

/** The preferences of several people at once (the defaults for those without a row). */
export async function readPreferencesOf(
  db: Kysely<Database>,
  workspaceId: string,
  personIds: readonly string[],
): Promise<Map<string, NotificationPreferences>> {
  const result = new Map<string, NotificationPreferences>();
  for (const id of personIds) result.set(id, DEFAULT_NOTIFICATION_PREFERENCES);
  if (personIds.length === 0) return result;
  const rows = await db
    .selectFrom('notification_preferences')
    .select([
      'person_id',
      'email_enabled',
      'in_app_enabled',
      'digest',
      'quiet_start_minute',
      'quiet_end_minute',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('person_id', 'in', [...personIds])
    .execute();
  for (const row of rows) result.set(row.person_id, preferencesOf(row));
  return result;
}

/** @example await writeNotificationPreferences(db, ws.id, person.id, { ...prefs, digest: 'weekly' }); */
export async function writeNotificationPreferences(
  db: Kysely<Database>,
  workspaceId: string,
  personId: string,
  prefs: NotificationPreferences,
  now = new Date(),
): Promise<NotificationPreferences> {
  const values = {
    email_enabled: prefs.email,
    in_app_enabled: prefs.inApp,
    digest: prefs.digest,
    quiet_start_minute: prefs.quietHours?.startMinute ?? null,
    quiet_end_minute: prefs.quietHours?.endMinute ?? null,
    updated_at: now,
  };
  const row = await db
    .insertInto('notification_preferences')
    .values({ workspace_id: workspaceId, person_id: personId, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'person_id']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return preferencesOf(row);
}
