/**
 * Movement alerts and how people hear of them (docs/decisions/0041-alerts-and-delivery.md).
 * - alerts: one per node, grain, period and direction (the unique key makes a repeat
 *   impossible, across restarts and instances), with what moved and why, the branch it was
 *   routed to and its owner, and its lifecycle (open, acknowledged, snoozed, resolved,
 *   escalated). Backfilled alerts are history: they were never sent.
 * - notifications: each person's in-app inbox.
 * - webhook_endpoints: where a workspace's automations listen, each with its signing secret.
 * - deliveries: the durable outbox of email and webhook sends: one row per message and
 *   target, whose id every attempt carries, retried with backoff until delivered or given up.
 * - trees say after how many working days an unacknowledged alert escalates (a node's
 *   overrides of the detection defaults live in tree_nodes.alert_rule, there since the start).
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('trees')
    .addColumn('escalation_working_days', 'integer', (c) =>
      c.notNull().defaultTo(2).check(sql`escalation_working_days between 1 and 30`),
    )
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tree_id', 'uuid', (c) => c.notNull())
    .addColumn('node_id', 'uuid', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period_start', 'timestamptz', (c) => c.notNull())
    .addColumn('period_end', 'timestamptz', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('up', 'down')`))
    .addColumn('tone', 'text', (c) => c.notNull().check(sql`tone in ('good', 'bad')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('detection', 'jsonb', (c) => c.notNull())
    .addColumn('routing', 'jsonb', (c) => c.notNull())
    .addColumn('routed_node_id', 'uuid', (c) => c.notNull())
    .addColumn('accountable_id', 'uuid')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'acknowledged', 'snoozed', 'resolved')`),
    )
    .addColumn('backfilled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('escalate_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('escalated_to', 'uuid')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'uuid')
    .addColumn('snoozed_until', 'timestamptz')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid')
    .addColumn('resolution_note', 'text')
    .addPrimaryKeyConstraint('alerts_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('alerts_once_uq', [
      'workspace_id',
      'tree_id',
      'node_id',
      'grain',
      'period_start',
      'direction',
    ])
    .addForeignKeyConstraint(
      'alerts_tree_fk',
      ['workspace_id', 'tree_id'],
      'trees',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`create index alerts_node_idx on alerts (workspace_id, tree_id, node_id, period_start desc)`.execute(
    db,
  );
  await sql`create index alerts_escalation_idx on alerts (escalate_at) where status = 'open' and escalated_at is null and not backfilled`.execute(
    db,
  );

  await db.schema
    .createTable('notifications')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('alert_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('read_at', 'timestamptz')
    .addPrimaryKeyConstraint('notifications_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'notifications_person_fk',
      ['workspace_id', 'person_id'],
      'people',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`create index notifications_inbox_idx on notifications (workspace_id, person_id, created_at desc)`.execute(
    db,
  );
  // One notification per alert, person and role (to, cc, escalation): a rerun writes none.
  await sql`create unique index notifications_once_uq on notifications (workspace_id, alert_id, person_id, role) where alert_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('events', sql`text[]`, (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('webhook_endpoints_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'webhook')`))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'delivered', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('leased_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('delivered_at', 'timestamptz')
    .addPrimaryKeyConstraint('deliveries_pk', ['workspace_id', 'id'])
    // One message per source (an alert, a digest…) and target: a rerun enqueues nothing.
    .addUniqueConstraint('deliveries_once_uq', ['workspace_id', 'source_key', 'channel', 'target'])
    .execute();
  await sql`create index deliveries_due_idx on deliveries (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['deliveries', 'webhook_endpoints', 'notifications', 'alerts']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('trees').dropColumn('escalation_working_days').execute();
}
