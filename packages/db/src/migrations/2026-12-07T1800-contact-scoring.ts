/**
 * Contact scoring (docs/product.md §7, docs/decisions/0043-contact-scoring.md).
 * - score_models: a workspace's models, each its rules, thresholds and bands as JSON
 *   (core's ScoreModelDraft, checked before it is saved).
 * - contact_scores: each contact's current score per model, with its band.
 * - contact_score_history: each score a contact held, over [valid_from, valid_to) (the
 *   current one open-ended), so "the score on date D" and "when did it cross 50" are reads.
 * - score_threshold_crossings: one row per crossing of a threshold, up or down; backfilled
 *   crossings are history and were never sent.
 * - score_backfills: a backfill of a model over history and its progress.
 * - engagement events get the indexes scoring reads them by (per contact, and by time for
 *   the contacts an import touched).
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('score_models')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('computed_at', 'timestamptz')
    .addPrimaryKeyConstraint('score_models_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('contact_scores')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('model_id', 'uuid', (c) => c.notNull())
    .addColumn('contact_id', 'bigint', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_scores_pk', ['workspace_id', 'model_id', 'contact_id'])
    .addForeignKeyConstraint(
      'contact_scores_model_fk',
      ['workspace_id', 'model_id'],
      'score_models',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'contact_scores_contact_fk',
      ['workspace_id', 'contact_id'],
      'contacts',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`create index contact_scores_score_idx on contact_scores (workspace_id, model_id, score)`.execute(
    db,
  );
  await sql`create index contact_scores_contact_idx on contact_scores (workspace_id, contact_id)`.execute(
    db,
  );

  await db.schema
    .createTable('contact_score_history')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('model_id', 'uuid', (c) => c.notNull())
    .addColumn('contact_id', 'bigint', (c) => c.notNull())
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    .addColumn('valid_to', 'timestamptz')
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_score_history_pk', [
      'workspace_id',
      'model_id',
      'contact_id',
      'valid_from',
    ])
    .addCheckConstraint(
      'contact_score_history_span',
      sql`valid_to is null or valid_to > valid_from`,
    )
    .addForeignKeyConstraint(
      'contact_score_history_model_fk',
      ['workspace_id', 'model_id'],
      'score_models',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // At most one open (current) span per contact and model.
  await sql`create unique index contact_score_history_open_uq on contact_score_history (workspace_id, model_id, contact_id) where valid_to is null`.execute(
    db,
  );

  await db.schema
    .createTable('score_threshold_crossings')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('model_id', 'uuid', (c) => c.notNull())
    .addColumn('contact_id', 'bigint', (c) => c.notNull())
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('up', 'down')`))
    .addColumn('from_score', 'double precision', (c) => c.notNull())
    .addColumn('to_score', 'double precision', (c) => c.notNull())
    .addColumn('crossed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('backfilled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('score_threshold_crossings_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('score_threshold_crossings_once_uq', [
      'workspace_id',
      'model_id',
      'contact_id',
      'threshold',
      'crossed_at',
    ])
    .addForeignKeyConstraint(
      'score_threshold_crossings_model_fk',
      ['workspace_id', 'model_id'],
      'score_models',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('score_backfills')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    // No foreign key: a backfill outlives its model, to say it stopped because it was deleted.
    .addColumn('model_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'running', 'done', 'cancelled', 'failed')`),
    )
    .addColumn('steps_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('steps_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('message', 'text')
    .addPrimaryKeyConstraint('score_backfills_pk', ['workspace_id', 'id'])
    .execute();
  await sql`create index score_backfills_model_idx on score_backfills (workspace_id, model_id, started_at desc)`.execute(
    db,
  );

  await sql`create index engagement_events_contact_idx on engagement_events (workspace_id, contact_id, type, occurred_at)`.execute(
    db,
  );
  await sql`create index engagement_events_time_idx on engagement_events (workspace_id, occurred_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index engagement_events_time_idx`.execute(db);
  await sql`drop index engagement_events_contact_idx`.execute(db);
  for (const table of [
    'score_backfills',
    'score_threshold_crossings',
    'contact_score_history',
    'contact_scores',
    'score_models',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
