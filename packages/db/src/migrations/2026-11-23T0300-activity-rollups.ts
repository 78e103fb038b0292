/**
 * Activity rollups: the counted activities of each workspace summed per local day (in the
 * workspace's time zone), contact, rep and every activity dimension the metric engine
 * filters by, so a tree's activity aggregates read one row per contact-day-key instead of
 * every raw activity; and the state that says for which time zone and data version a
 * workspace's rollup was built (the engine reads the rollup only when both still match).
 * The rows are kept in (day, contact) order: a period's rows are one index range, and the
 * distinct-contact count of a period sorts nearly sorted input.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activity_rollups')
    // No foreign key: a whole rebuild writes millions of rows, and a per-row check of the
    // workspace cost a third of it. Rows of a deleted workspace are never read (the state
    // row below goes with the workspace); whoever deletes a workspace deletes them too.
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    // The local calendar day of the activities in the workspace's time zone.
    .addColumn('day', 'date', (c) => c.notNull())
    // Counted activities always have a contact (no_contact is an exclusion reason).
    .addColumn('contact_id', 'bigint', (c) => c.notNull())
    .addColumn('rep_id', 'bigint')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('automated', 'boolean', (c) => c.notNull())
    .addColumn('replied', 'boolean', (c) => c.notNull())
    .addColumn('meeting_booked', 'boolean', (c) => c.notNull())
    // How many counted activities share the row's day and key.
    .addColumn('activities', 'integer', (c) => c.notNull().check(sql`activities > 0`))
    // The first row (lowest contact) of its day, rep and automated flag: the distinct reps
    // of a period, narrowed by rep dimensions only, are those of these rows (a few hundred a
    // day) rather than of every row.
    .addColumn('first_of_rep_day', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_rollups_day_idx')
    .on('activity_rollups')
    .columns(['workspace_id', 'day', 'contact_id'])
    .execute();

  await db.schema
    .createTable('activity_rollup_state')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.primaryKey().references('workspaces.id').onDelete('cascade'),
    )
    // The zone the days were cut in: a workspace whose zone changed needs a full rebuild.
    .addColumn('time_zone', 'text', (c) => c.notNull())
    // The workspace's data_version when the rollup was last refreshed.
    .addColumn('data_version', 'bigint', (c) => c.notNull())
    .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('activity_rollup_state').ifExists().execute();
  await db.schema.dropTable('activity_rollups').ifExists().execute();
}
