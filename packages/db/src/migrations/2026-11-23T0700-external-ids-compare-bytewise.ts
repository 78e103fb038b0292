/**
 * External ids and source systems compare bytewise (collation "C"): they are opaque keys
 * from other systems, only ever matched for equality, and the locale-aware comparisons of
 * the default collation made their unique indexes the most expensive part of an import
 * (docs/decisions/0019-import-speed.md).
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['reps', 'external_id'],
  ['contacts', 'external_id'],
  ['activities', 'external_id'],
  ['activities', 'source_system'],
  ['deals', 'external_id'],
  ['engagement_events', 'external_id'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text collate "C"`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text collate "default"`.execute(
      db,
    );
  }
}
