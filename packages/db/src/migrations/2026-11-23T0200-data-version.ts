/**
 * Data version: a counter on each workspace that every writer of CRM data bumps (imports,
 * the demo writer, the counting-rule pass), so cached tree values can tell whether the
 * data they were computed from have changed.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('data_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('data_version').execute();
}
