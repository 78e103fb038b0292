/** Reads the people of a workspace: who can own a branch (RACI) or be told about it. */
import type { Kysely } from 'kysely';
import type { Database, Person } from '../schema/database';

/**
 * The workspace's people, by name (then email, so the order is stable).
 *
 * @example
 * const people = await listPeople(db, workspace.id);
 * people[0]?.name; // "Jordan Reyes"
 */
export async function listPeople(db: Kysely<Database>, workspaceId: string): Promise<Person[]> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .orderBy('email')
    .execute();
}
