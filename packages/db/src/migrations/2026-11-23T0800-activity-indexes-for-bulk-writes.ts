/**
 * Activities are written in bulk and read in bulk: the metric engine reads the activity
 * rollup or scans a workspace's activities whole (hash-joining first touches instead of a
 * lookup per contact), so the two random-order B-trees, (workspace, contact, time) and
 * (workspace, time), cost every import far more than they save: at 5 M rows they were
 * two thirds of the insert. A BRIN index on the time stays for range scans over rows that
 * arrived in time order (docs/decisions/0019-import-speed.md).
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activities_contact_idx').execute();
  await db.schema.dropIndex('activities_occurred_idx').execute();
  await sql`create index activities_occurred_brin on activities using brin (occurred_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activities_occurred_brin').execute();
  await db.schema
    .createIndex('activities_occurred_idx')
    .on('activities')
    .columns(['workspace_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('activities_contact_idx')
    .on('activities')
    .columns(['workspace_id', 'contact_id', 'occurred_at'])
    .execute();
}
