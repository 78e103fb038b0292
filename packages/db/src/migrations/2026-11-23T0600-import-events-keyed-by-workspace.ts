/**
 * Import events lead their key with workspace_id like every workspace table (a
 * workspace-sharded PostgreSQL distributes on it); the event id stays unique on its own so
 * that subscribers can read all events in id order. Subscriber cursors (event_cursors)
 * belong to the installation, not to a workspace, like the migration tables.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_events drop constraint import_events_pkey`.execute(db);
  await db.schema
    .alterTable('import_events')
    .addPrimaryKeyConstraint('import_events_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('import_events_id_uq')
    .on('import_events')
    .column('id')
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('import_events_id_uq').execute();
  await db.schema.alterTable('import_events').dropConstraint('import_events_pk').execute();
  await db.schema
    .alterTable('import_events')
    .addPrimaryKeyConstraint('import_events_pkey', ['id'])
    .execute();
}
