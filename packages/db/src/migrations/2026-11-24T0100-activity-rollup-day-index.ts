/**
 * The activity rollup is read and refreshed by workspace and range of days only (the
 * metric engine's scan walks periods as runs of days; a refresh deletes the days an import
 * touched), never by contact: its index drops the contact. Rows of one day share their
 * key, so the index stores each day once with a list of row addresses (B-tree
 * deduplication): 28 MB instead of 205 MB for 4.3 M rollup rows, and writing those rows
 * with their index 3.6 s → 2.9 s, measured by hand (docs/decisions/0019-import-speed.md).
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index activity_rollups_workspace_day_idx on activity_rollups (workspace_id, day)`.execute(
    db,
  );
  await sql`drop index activity_rollups_day_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index activity_rollups_day_idx on activity_rollups (workspace_id, day, contact_id)`.execute(
    db,
  );
  await sql`drop index activity_rollups_workspace_day_idx`.execute(db);
}
