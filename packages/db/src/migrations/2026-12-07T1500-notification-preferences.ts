/**
 * Notification preferences (docs/decisions/0044-alert-preferences-and-digests.md):
 * - notification_preferences: per workspace and person, email and in-app on or off, how
 *   often the digest comes (daily, weekly, off), and quiet hours as minutes after local
 *   midnight in the workspace time zone (both null: none). A person without a row has the
 *   defaults: everything on, a daily digest, no quiet hours.
 * - notifications.digested_at / digest_key: which digest email carried a notification, so
 *   a digest run takes each one once.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_preferences')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('email_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('in_app_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('digest', 'text', (c) =>
      c.notNull().defaultTo('daily').check(sql`digest in ('daily', 'weekly', 'off')`),
    )
    .addColumn('quiet_start_minute', 'integer', (c) =>
      c.check(sql`quiet_start_minute between 0 and 1439`),
    )
    .addColumn('quiet_end_minute', 'integer', (c) =>
      c.check(sql`quiet_end_minute between 0 and 1439`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_preferences_pk', ['workspace_id', 'person_id'])
    .addForeignKeyConstraint(
      'notification_preferences_person_fk',
      ['workspace_id', 'person_id'],
      'people',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'notification_preferences_quiet_both',
      sql`(quiet_start_minute is null) = (quiet_end_minute is null)`,
    )
    .execute();

  await db.schema
    .alterTable('notifications')
    .addColumn('digested_at', 'timestamptz')
    .addColumn('digest_key', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('digest_key').execute();
  await db.schema.alterTable('notifications').dropColumn('digested_at').execute();
  await db.schema.dropTable('notification_preferences').execute();
}
