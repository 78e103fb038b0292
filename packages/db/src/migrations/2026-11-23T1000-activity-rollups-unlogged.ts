/**
 * The activity rollup and its state are derived data, rebuilt from the activities at will:
 * they are written without WAL (UNLOGGED). A refresh after a 5 M-row import writes about
 * 4 M rollup rows, and their WAL was a fifth of that refresh
 * (docs/decisions/0023-unlogged-activity-rollup.md).
 *
 * After a crash of the PostgreSQL server both tables come back empty. With no state row
 * the metric engine reads the raw activities (slower, same values), and the next refresh
 * of the workspace rebuilds its whole rollup. Unlogged tables are not replicated either: a
 * standby has them empty and cannot read them, so the engine must run on the primary.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activity_rollups set unlogged`.execute(db);
  await sql`alter table activity_rollup_state set unlogged`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activity_rollup_state set logged`.execute(db);
  await sql`alter table activity_rollups set logged`.execute(db);
}
