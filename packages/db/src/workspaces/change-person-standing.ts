/**
 * Changing a person's role, name or whether they are deactivated, with the one rule that
 * guards a workspace: it always keeps an admin who can act in it. The change and the check
 * run in one transaction, serialised per workspace, so two admins demoting each other at
 * once cannot both succeed.
 */
import { DomainError } from '@treeline/core';
import { type Kysely, sql } from 'kysely';
import type { Database, Person, PersonRole } from '../schema/database';
import { countActiveAdmins, updatePerson } from './person.repository';

/**
 * Returns the person as changed, or undefined when no such person is in the workspace.
 *
 * @example await changePersonStanding(db, ws.id, personId, { role: 'viewer' });
 */
export async function changePersonStanding(
  db: Kysely<Database>,
  workspaceId: string,
  personId: string,
  changes: { name?: string; role?: PersonRole; deactivatedAt?: Date | null },
): Promise<Person | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('treeline.people'), hashtext(${workspaceId}))`.execute(
      trx,
    );
    const person = await updatePerson(trx, workspaceId, personId, changes);
    if (!person) return undefined;
    if ((await countActiveAdmins(trx, workspaceId)) === 0) {
      throw new DomainError(
        'last_admin',
        `${person.name} is the last admin who can act in this workspace; make someone else an admin first.`,
      );
    }
    return person;
  });
}
