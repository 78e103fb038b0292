/**
 * Activities keep their contact and rep ids without foreign-key constraints: imports
 * resolve and check every reference set-based before writing (a missing contact or rep is
 * a rejected row), and per-row constraint triggers cost about half of each activity insert
 * at millions of rows (docs/decisions/0018-activity-references.md). Contacts and reps are
 * never hard-deleted except with their workspace, whose cascade removes activities too.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('activities').dropConstraint('activities_contact_fk').execute();
  await db.schema.alterTable('activities').dropConstraint('activities_rep_fk').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('activities')
    .addForeignKeyConstraint('activities_contact_fk', ['workspace_id', 'contact_id'], 'contacts', [
      'workspace_id',
      'id',
    ])
    .execute();
  await db.schema
    .alterTable('activities')
    .addForeignKeyConstraint('activities_rep_fk', ['workspace_id', 'rep_id'], 'reps', [
      'workspace_id',
      'id',
    ])
    .execute();
}
