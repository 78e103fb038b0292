/**
 * Activities are keyed by what identifies them, (workspace, external id, source system):
 * that key becomes the primary key and the surrogate key's index on (workspace, id) goes.
 * Nothing looks an activity up by id (the exclusion pass addresses the rows it re-marks by
 * their row address within its one statement), and the second B-tree was a fifth of what
 * a large import writes (docs/decisions/0026-activities-keyed-by-external-id.md). The id
 * column stays: it orders rows that tie on time, and it is still unique (an identity).
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activities
    drop constraint activities_pk,
    drop constraint activities_external_uq,
    add constraint activities_pk primary key (workspace_id, external_id, source_system)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activities
    drop constraint activities_pk,
    add constraint activities_external_uq unique (workspace_id, external_id, source_system),
    add constraint activities_pk primary key (workspace_id, id)`.execute(db);
}
