/**
 * First schema: workspaces and people, the CRM model (reps, capacity, contacts,
 * activities, deals, engagement events) and the tree model (metrics, trees, nodes,
 * edges, RACI assignments). Every table leads its keys with `workspace_id` so a
 * workspace-sharded PostgreSQL (Citus) can distribute on it.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

function check(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('week_start', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('fiscal_year_start_month', 'smallint', (c) =>
      c.notNull().defaultTo(1).check(sql`fiscal_year_start_month between 1 and 12`),
    )
    .addColumn('counting_policy', 'text', (c) =>
      c
        .notNull()
        .defaultTo('all_touches')
        .check(check('counting_policy', ['all_touches', 'manual_only'])),
    )
    .addColumn('duplicate_tolerance_seconds', 'integer', (c) => c.notNull().defaultTo(120))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(check('role', ['admin', 'editor', 'viewer'])),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('people_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('people_email_uq', ['workspace_id', 'email'])
    .execute();

  await db.schema
    .createTable('reps')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('team', 'text')
    .addColumn('segment', 'text')
    .addColumn('person_id', 'uuid')
    .addColumn('active_from', 'date')
    .addColumn('active_to', 'date')
    .addColumn('default_selling_hours', sql`numeric(6,2)`, (c) => c.notNull().defaultTo(6))
    .addColumn('default_admin_hours', sql`numeric(6,2)`, (c) => c.notNull().defaultTo(2))
    .addPrimaryKeyConstraint('reps_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('reps_external_uq', ['workspace_id', 'external_id'])
    .addForeignKeyConstraint('reps_person_fk', ['workspace_id', 'person_id'], 'people', [
      'workspace_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('capacity')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('rep_id', 'bigint', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('selling_hours', sql`numeric(6,2)`, (c) =>
      c.notNull().check(sql`selling_hours >= 0`),
    )
    .addColumn('admin_hours', sql`numeric(6,2)`, (c) =>
      c.notNull().defaultTo(0).check(sql`admin_hours >= 0`),
    )
    .addPrimaryKeyConstraint('capacity_pk', ['workspace_id', 'rep_id', 'day'])
    .addForeignKeyConstraint(
      'capacity_rep_fk',
      ['workspace_id', 'rep_id'],
      'reps',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('qualified_at', 'timestamptz')
    .addColumn('customer_at', 'timestamptz')
    .addColumn('lifecycle_stage', 'text', (c) =>
      c
        .notNull()
        .check(
          check('lifecycle_stage', [
            'lead',
            'contact',
            'opportunity',
            'customer',
            'former_customer',
          ]),
        ),
    )
    .addColumn('source', 'text')
    .addColumn('segment', 'text', (c) =>
      c.check(check('segment', ['smb', 'mid_market', 'enterprise'])),
    )
    .addColumn('owner_rep_id', 'bigint')
    .addColumn('account', 'text')
    .addColumn('properties', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('deleted_at', 'timestamptz')
    .addPrimaryKeyConstraint('contacts_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('contacts_external_uq', ['workspace_id', 'external_id'])
    .addForeignKeyConstraint('contacts_owner_fk', ['workspace_id', 'owner_rep_id'], 'reps', [
      'workspace_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('contacts_qualified_idx')
    .on('contacts')
    .columns(['workspace_id', 'qualified_at'])
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('source_system', 'text', (c) => c.notNull().defaultTo('api'))
    .addColumn('contact_id', 'bigint')
    .addColumn('rep_id', 'bigint')
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(check('channel', ['call', 'email', 'meeting', 'social', 'task', 'note'])),
    )
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('direction', 'text', (c) =>
      c.notNull().check(check('direction', ['outbound', 'inbound'])),
    )
    // A sequence email sent by automation: counted or not by the workspace's counting policy.
    .addColumn('automated', 'boolean', (c) => c.notNull().defaultTo(false))
    // An event the CRM logged by itself (stage change, field update): never a touch.
    .addColumn('system_generated', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('replied', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('meeting_booked', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('deleted_at', 'timestamptz')
    // Why the activity is stored but not counted; null means it is a counted touch.
    .addColumn('excluded_reason', 'text', (c) =>
      c.check(
        check('excluded_reason', [
          'internal_note',
          'system_event',
          'duplicate',
          'no_contact',
          'deleted',
        ]),
      ),
    )
    .addPrimaryKeyConstraint('activities_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('activities_external_uq', ['workspace_id', 'source_system', 'external_id'])
    .addForeignKeyConstraint('activities_contact_fk', ['workspace_id', 'contact_id'], 'contacts', [
      'workspace_id',
      'id',
    ])
    .addForeignKeyConstraint('activities_rep_fk', ['workspace_id', 'rep_id'], 'reps', [
      'workspace_id',
      'id',
    ])
    .execute();
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

  await db.schema
    .createTable('deals')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'bigint')
    .addColumn('account', 'text')
    .addColumn('owner_rep_id', 'bigint')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.check(check('outcome', ['won', 'lost'])))
    // Money as an exact decimal, never a float.
    .addColumn('amount', sql`numeric(18,2)`)
    .addColumn('deleted_at', 'timestamptz')
    .addPrimaryKeyConstraint('deals_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('deals_external_uq', ['workspace_id', 'external_id'])
    .addForeignKeyConstraint('deals_contact_fk', ['workspace_id', 'contact_id'], 'contacts', [
      'workspace_id',
      'id',
    ])
    .addForeignKeyConstraint('deals_owner_fk', ['workspace_id', 'owner_rep_id'], 'reps', [
      'workspace_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('engagement_events')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(check('type', ['page_view', 'email_open', 'email_click', 'form_submit'])),
    )
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('properties', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('engagement_events_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('engagement_events_external_uq', ['workspace_id', 'external_id'])
    .addForeignKeyConstraint(
      'engagement_events_contact_fk',
      ['workspace_id', 'contact_id'],
      'contacts',
      ['workspace_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('metrics')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) =>
      c.notNull().check(check('unit', ['count', 'ratio', 'percent', 'hours', 'duration'])),
    )
    .addColumn('direction', 'text', (c) =>
      c.notNull().check(check('direction', ['higher_is_better', 'lower_is_better', 'within_band'])),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(check('kind', ['input', 'output'])))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('built_in', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('metrics_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('metrics_key_uq', ['workspace_id', 'key'])
    .execute();

  await db.schema
    .createTable('trees')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('template_key', 'text')
    // Optimistic concurrency: every save names the version it read.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('motion', 'text')
    .addColumn('outbound_window_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('trees_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('tree_nodes')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('tree_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('metric_id', 'uuid', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('filter', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('position_x', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('position_y', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('target', 'jsonb')
    .addColumn('alert_rule', 'jsonb')
    .addPrimaryKeyConstraint('tree_nodes_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'tree_nodes_tree_fk',
      ['workspace_id', 'tree_id'],
      'trees',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('tree_nodes_metric_fk', ['workspace_id', 'metric_id'], 'metrics', [
      'workspace_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('tree_nodes_tree_idx')
    .on('tree_nodes')
    .columns(['workspace_id', 'tree_id'])
    .execute();

  await db.schema
    .createTable('tree_edges')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('tree_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('parent_node_id', 'uuid', (c) => c.notNull())
    .addColumn('child_node_id', 'uuid', (c) => c.notNull())
    .addColumn('relation', 'text', (c) =>
      c
        .notNull()
        .check(check('relation', ['sum', 'product', 'ratio', 'segments', 'formula', 'driver'])),
    )
    // For ratio edges: numerator or denominator; for product edges the exponent (+1 or -1).
    .addColumn('role', 'text', (c) => c.check(check('role', ['numerator', 'denominator'])))
    .addColumn('exponent', 'smallint', (c) =>
      c.notNull().defaultTo(1).check(sql`exponent in (1, -1)`),
    )
    .addPrimaryKeyConstraint('tree_edges_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('tree_edges_pair_uq', ['workspace_id', 'parent_node_id', 'child_node_id'])
    .addForeignKeyConstraint(
      'tree_edges_tree_fk',
      ['workspace_id', 'tree_id'],
      'trees',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'tree_edges_parent_fk',
      ['workspace_id', 'parent_node_id'],
      'tree_nodes',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'tree_edges_child_fk',
      ['workspace_id', 'child_node_id'],
      'tree_nodes',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint('tree_edges_no_self_loop', sql`parent_node_id <> child_node_id`)
    .execute();

  await db.schema
    .createTable('node_assignments')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('node_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(check('role', ['responsible', 'accountable', 'consulted', 'informed'])),
    )
    .addPrimaryKeyConstraint('node_assignments_pk', [
      'workspace_id',
      'node_id',
      'person_id',
      'role',
    ])
    .addForeignKeyConstraint(
      'node_assignments_node_fk',
      ['workspace_id', 'node_id'],
      'tree_nodes',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'node_assignments_person_fk',
      ['workspace_id', 'person_id'],
      'people',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  // At most one Accountable per node in the database; "exactly one" is checked when a tree is saved.
  await db.schema
    .createIndex('node_assignments_one_accountable')
    .on('node_assignments')
    .columns(['workspace_id', 'node_id'])
    .unique()
    .where(sql.ref('role'), '=', 'accountable')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'node_assignments',
    'tree_edges',
    'tree_nodes',
    'trees',
    'metrics',
    'engagement_events',
    'deals',
    'activities',
    'contacts',
    'capacity',
    'reps',
    'people',
    'workspaces',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
