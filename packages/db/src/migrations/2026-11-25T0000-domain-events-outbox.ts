/**
 * The outbox of domain events (docs/decisions/0032-domain-event-outbox.md) replaces
 * import_events and event_cursors: any writer (an import, a counting change, later alerts
 * and interventions) records its event in its own transaction. `tx` is that transaction's
 * id, so readers can take only events whose transaction is older than every running one
 * and never pass over one that committed late; `dispatched_at` marks the events the worker
 * has turned into jobs. Existing import events move across as `import.committed`, marked
 * dispatched: the subscribers of the old bus had them already.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

const isoInstant = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('domain_events')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('tx', sql`xid8`, (c) => c.notNull().defaultTo(sql`pg_current_xact_id()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('dispatched_at', 'timestamptz')
    .addPrimaryKeyConstraint('domain_events_pk', ['workspace_id', 'id'])
    .execute();
  // The live feeds read in commit-safe order; the dispatcher claims what is left to enqueue.
  await sql`create index domain_events_feed_idx on domain_events (tx, id)`.execute(db);
  await sql`create index domain_events_undispatched_idx on domain_events (id) where dispatched_at is null`.execute(
    db,
  );

  await sql`
    insert into domain_events (workspace_id, id, type, payload, created_at, dispatched_at)
    select workspace_id, id, 'import.committed',
      jsonb_build_object(
        'importId', import_id,
        'entity', entity,
        'dataVersion', data_version,
        'changedFrom', ${isoInstant('changed_from')},
        'changedTo', ${isoInstant('changed_to')}
      ),
      created_at, now()
    from import_events
    order by id
  `.execute(db);
  await sql`
    select setval(pg_get_serial_sequence('domain_events', 'id'),
      coalesce((select max(id) from domain_events), 0) + 1, false)
  `.execute(db);

  await db.schema.dropTable('event_cursors').execute();
  await db.schema.dropTable('import_events').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_events')
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('import_id', 'uuid', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('data_version', 'bigint', (c) => c.notNull())
    .addColumn('changed_from', 'timestamptz')
    .addColumn('changed_to', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('import_events_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('import_events_id_uq')
    .on('import_events')
    .column('id')
    .unique()
    .execute();
  await db.schema
    .createTable('event_cursors')
    .addColumn('subscriber', 'text', (c) => c.primaryKey())
    .addColumn('last_event_id', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    insert into import_events
      (id, workspace_id, import_id, entity, data_version, changed_from, changed_to, created_at)
    select id, workspace_id, (payload->>'importId')::uuid, payload->>'entity',
      (payload->>'dataVersion')::bigint, (payload->>'changedFrom')::timestamptz,
      (payload->>'changedTo')::timestamptz, created_at
    from domain_events
    where type = 'import.committed'
    order by id
  `.execute(db);
  await sql`
    select setval(pg_get_serial_sequence('import_events', 'id'),
      coalesce((select max(id) from import_events), 0) + 1, false)
  `.execute(db);
  await db.schema.dropTable('domain_events').execute();
}
