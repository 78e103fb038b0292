/**
 * Two more costs of writing millions of activities at once (docs/decisions/0019-import-speed.md):
 *
 * - The unique key leads with the external id, then the source system: imports sort their
 *   rows by this key (to find ids repeated in a file, and to insert in index order), and a
 *   sort whose first column is the same for every row (one file, one source system) falls
 *   back to full comparisons: 9 s instead of 2 s for 5 M rows. Equality lookups are
 *   served the same by either order.
 * - No foreign key to workspaces: its check ran once per inserted row (8 s of a 5 M-row
 *   import). Activities are written only by imports and the demo seeder, inside a
 *   workspace that exists, and whoever deletes a workspace deletes its activities first,
 *   as it already did its activity rollup (decision 0018 made the same choice for the
 *   contact and rep references).
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activities drop constraint activities_external_uq`.execute(db);
  await sql`alter table activities add constraint activities_external_uq
    unique (workspace_id, external_id, source_system)`.execute(db);
  await sql`alter table activities drop constraint if exists activities_workspace_id_fkey`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from activities a where not exists (select 1 from workspaces w where w.id = a.workspace_id)`.execute(
    db,
  );
  await sql`alter table activities add constraint activities_workspace_id_fkey
    foreign key (workspace_id) references workspaces (id) on delete cascade`.execute(db);
  await sql`alter table activities drop constraint activities_external_uq`.execute(db);
  await sql`alter table activities add constraint activities_external_uq
    unique (workspace_id, source_system, external_id)`.execute(db);
}
