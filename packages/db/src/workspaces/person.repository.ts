/**
 * The people of a workspace: who can own a branch (RACI) or be told about it, and, once an
 * account is linked to them, who can act in the workspace with their role.
 */
import type { Kysely } from 'kysely';
import type { Database, Person, PersonRole } from '../schema/database';

/** Where a person stands: an owner who only gets email, invited, signed up, or deactivated. */
export type PersonStatus = 'no_account' | 'invited' | 'active' | 'deactivated';

/** @example personStatus(person); // 'invited' */
export function personStatus(
  person: Pick<Person, 'user_id' | 'invited_at' | 'deactivated_at'>,
): PersonStatus {
  if (person.deactivated_at) return 'deactivated';
  if (person.user_id) return 'active';
  if (person.invited_at) return 'invited';
  return 'no_account';
}

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

/** The person with this id in this workspace (another workspace's id finds nothing). */
export async function findPerson(
  db: Kysely<Database>,
  workspaceId: string,
  personId: string,
): Promise<Person | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** The person with this email in this workspace (case-insensitive). */
export async function findPersonByEmail(
  db: Kysely<Database>,
  workspaceId: string,
  email: string,
): Promise<Person | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/**
 * Adds a person (an owner who may never sign in). The email is unique in the workspace.
 *
 * @example await insertPerson(db, ws.id, { name: 'Ana', email: 'ana@example.com', role: 'viewer' });
 */
export async function insertPerson(
  db: Kysely<Database>,
  workspaceId: string,
  values: { name: string; email: string; role: PersonRole; userId?: string | null },
): Promise<Person> {
  return db
    .insertInto('people')
    .values({
      workspace_id: workspaceId,
      name: values.name,
      email: values.email,
      role: values.role,
      user_id: values.userId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes what may change of a person; returns the person, or undefined if not found. */
export async function updatePerson(
  db: Kysely<Database>,
  workspaceId: string,
  personId: string,
  changes: {
    name?: string;
    role?: PersonRole;
    userId?: string | null;
    invitedAt?: Date | null;
    invitedBy?: string | null;
    deactivatedAt?: Date | null;
  },
): Promise<Person | undefined> {
  const set = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.role !== undefined ? { role: changes.role } : {}),
    ...(changes.userId !== undefined ? { user_id: changes.userId } : {}),
    ...(changes.invitedAt !== undefined ? { invited_at: changes.invitedAt } : {}),
    ...(changes.invitedBy !== undefined ? { invited_by: changes.invitedBy } : {}),
    ...(changes.deactivatedAt !== undefined ? { deactivated_at: changes.deactivatedAt } : {}),
  };
  // Nothing to change: the person as they are (an UPDATE with no SET is not SQL).
  if (Object.keys(set).length === 0) return findPerson(db, workspaceId, personId);
  return db
    .updateTable('people')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', personId)
    .returningAll()
    .executeTakeFirst();
}

/** Admins who can still act in the workspace (with an account, not deactivated). */
export async function countActiveAdmins(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('user_id', 'is not', null)
    .where('deactivated_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The workspace's deactivated people (the trees that name them get a warning). */
export async function deactivatedPeople(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('deactivated_at', 'is not', null)
    .execute();
}
