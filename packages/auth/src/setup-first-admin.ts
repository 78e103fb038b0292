/**
 * The first admin of an installation that has no account yet (no demo): from the first-run
 * page or `treeline admin create`. They join the oldest workspace as its admin, or a new
 * one named as they say when there is none. Only while no account exists; a second, racing
 * setup is undone and refused.
 */
import { DomainError } from '@treeline/core';
import {
  countUsers,
  createWorkspaceWithAdmin,
  type Db,
  findPersonByEmail,
  insertPerson,
  listWorkspaces,
  type Person,
  updatePerson,
  type Workspace,
} from '@treeline/db';
import { checkPassword, deleteAccount, ensureAccount } from './accounts';
import type { TreelineAuth } from './treeline-auth';

export interface FirstAdmin {
  name: string;
  email: string;
  password: string;
  /** The workspace to create when the installation has none. */
  workspaceName?: string;
}

/**
 * @example const { workspace, userId } = await setupFirstAdmin(auth, db, { name, email, password });
 */
export async function setupFirstAdmin(
  auth: TreelineAuth,
  db: Db,
  input: FirstAdmin,
  options: { allowWhenUsersExist?: boolean } = {},
): Promise<{ userId: string; workspace: Workspace; person: Person }> {
  const email = input.email.trim().toLowerCase();
  const problem = await checkPassword(auth, input.password);
  if (problem) throw new DomainError('invalid_password', `password: ${problem}.`);
  if (!options.allowWhenUsersExist && (await countUsers(db)) > 0) {
    throw new DomainError(
      'setup_done',
      'Treeline already has an account; sign in, or ask an admin to invite you.',
    );
  }
  const { userId, created } = await ensureAccount(auth, {
    email,
    name: input.name,
    password: input.password,
    // The person setting up the installation vouches for their own address.
    emailVerified: true,
  });
  try {
    if (!options.allowWhenUsersExist && (await countUsers(db)) > 1) {
      throw new DomainError('setup_done', 'Someone else set Treeline up at the same moment.');
    }
    const [oldest] = await listWorkspaces(db);
    if (!oldest) {
      const made = await createWorkspaceWithAdmin(db, {
        name: input.workspaceName?.trim() || 'My workspace',
        admin: { userId, name: input.name, email },
      });
      return { userId, ...made };
    }
    const existing = await findPersonByEmail(db, oldest.id, email);
    const person = existing
      ? ((await updatePerson(db, oldest.id, existing.id, {
          role: 'admin',
          userId,
          deactivatedAt: null,
        })) as Person)
      : await insertPerson(db, oldest.id, { name: input.name, email, role: 'admin', userId });
    return { userId, workspace: oldest, person };
  } catch (error) {
    if (created) await deleteAccount(auth, userId);
    throw error;
  }
}
