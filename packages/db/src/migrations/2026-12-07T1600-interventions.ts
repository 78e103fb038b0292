/**
 * Interventions and their verdicts (docs/product.md §6, docs/decisions/0039-intervention-impact.md).
 * - interventions: what a team changed, where (the treated scope, and optionally a
 *   comparison scope, as dimension filters), from when, which node it should move and by how
 *   much at least; the target node's label and metric are kept, so an intervention whose node
 *   is later removed from its tree keeps its history and can say the node is gone.
 * - intervention_verdicts: the latest verdict per intervention and node (the target and each
 *   outcome node), as computed.
 * - intervention_verdict_changes: every change of a verdict, for the history and for telling
 *   people once.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interventions')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tree_id', 'uuid', (c) => c.notNull())
    .addColumn('target_node_id', 'uuid', (c) => c.notNull())
    .addColumn('target_node_label', 'text', (c) => c.notNull())
    .addColumn('target_metric_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', 'uuid', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addColumn('expected_direction', 'text', (c) =>
      c.notNull().check(sql`expected_direction in ('up', 'down')`),
    )
    .addColumn('mde', 'double precision', (c) => c.notNull().check(sql`mde > 0`))
    .addColumn('treated_scope', 'jsonb', (c) => c.notNull())
    .addColumn('comparison_scope', 'jsonb')
    .addColumn('outcome_node_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`),
    )
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('closed_at', 'timestamptz')
    .addPrimaryKeyConstraint('interventions_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'interventions_tree_fk',
      ['workspace_id', 'tree_id'],
      'trees',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('interventions_owner_fk', ['workspace_id', 'owner_id'], 'people', [
      'workspace_id',
      'id',
    ])
    .execute();
  await sql`create index interventions_node_idx on interventions (workspace_id, tree_id, target_node_id)`.execute(
    db,
  );
  await sql`create index interventions_open_idx on interventions (workspace_id) where status = 'open'`.execute(
    db,
  );

  await db.schema
    .createTable('intervention_verdicts')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('intervention_id', 'uuid', (c) => c.notNull())
    .addColumn('node_id', 'uuid', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('intervention_verdicts_pk', [
      'workspace_id',
      'intervention_id',
      'node_id',
    ])
    .addForeignKeyConstraint(
      'intervention_verdicts_intervention_fk',
      ['workspace_id', 'intervention_id'],
      'interventions',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('intervention_verdict_changes')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('intervention_id', 'uuid', (c) => c.notNull())
    .addColumn('node_id', 'uuid', (c) => c.notNull())
    .addColumn('from_verdict', 'text')
    .addColumn('to_verdict', 'text', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('intervention_verdict_changes_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'intervention_verdict_changes_intervention_fk',
      ['workspace_id', 'intervention_id'],
      'interventions',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`create index intervention_verdict_changes_idx on intervention_verdict_changes (workspace_id, intervention_id, changed_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['intervention_verdict_changes', 'intervention_verdicts', 'interventions']) {
    await db.schema.dropTable(table).execute();
  }
}
