/**
 * Imports: a durable record of every import (committed or refused) with its counts, the
 * rejected rows of each (the downloadable report), column mappings saved per workspace,
 * and the import events the metric engine and alerting subscribe to (with each
 * subscriber's cursor, so an event committed while a subscriber was down is delivered
 * when it comes back).
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

const ENTITIES = ['contacts', 'activities', 'deals', 'reps', 'capacity', 'events'];

function check(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('entity', 'text', (c) => c.notNull().check(check('entity', ENTITIES)))
    .addColumn('origin', 'text', (c) => c.notNull().check(check('origin', ['api', 'csv', 'cli'])))
    .addColumn('file_name', 'text')
    .addColumn('mode', 'text', (c) =>
      c.notNull().check(check('mode', ['all_or_nothing', 'commit_valid'])),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(check('status', ['committed', 'refused'])),
    )
    .addColumn('mapping', 'jsonb')
    .addColumn('rows_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('excluded', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('message', 'text')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('imports_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('imports_finished_idx')
    .on('imports')
    .columns(['workspace_id', 'finished_at'])
    .execute();

  await db.schema
    .createTable('import_rejections')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('import_id', 'uuid', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('row_number', 'bigint', (c) => c.notNull())
    .addColumn('column_name', 'text')
    .addColumn('field', 'text')
    .addColumn('value', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_rejections_pk', ['workspace_id', 'import_id', 'seq'])
    .addForeignKeyConstraint(
      'import_rejections_import_fk',
      ['workspace_id', 'import_id'],
      'imports',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('import_mappings')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull().check(check('entity', ENTITIES)))
    .addColumn('mapping', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('import_mappings_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('import_mappings_name_uq', ['workspace_id', 'name'])
    .execute();

  // One row per committed import; `id` orders events across workspaces for subscribers.
  await db.schema
    .createTable('import_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('import_id', 'uuid', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('data_version', 'bigint', (c) => c.notNull())
    .addColumn('changed_from', 'timestamptz')
    .addColumn('changed_to', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('event_cursors')
    .addColumn('subscriber', 'text', (c) => c.primaryKey())
    .addColumn('last_event_id', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'event_cursors',
    'import_events',
    'import_mappings',
    'import_rejections',
    'imports',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
