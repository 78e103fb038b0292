/**
 * Tree revisions: the whole draft of every saved version of a tree, so a save against a
 * stale version can say what changed since the version it was read at (not merely that
 * something did), and so no saved state is ever lost.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tree_revisions')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('tree_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('draft', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('tree_revisions_pk', ['workspace_id', 'tree_id', 'version'])
    .addForeignKeyConstraint(
      'tree_revisions_tree_fk',
      ['workspace_id', 'tree_id'],
      'trees',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tree_revisions').ifExists().execute();
}
