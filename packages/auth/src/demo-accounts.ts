/**
 * Accounts for the demo workspace's people, so a visitor can look through any owner's eyes
 * (the demo sign-in, demo-sign-in.ts). Each gets an account with a random password nobody
 * knows; they only sign in through the demo.
 */
import { randomBytes } from 'node:crypto';
import { type Db, listPeople, updatePerson } from '@treeline/db';
import { ensureAccount } from './accounts';
import type { TreelineAuth } from './treeline-auth';

/**
 * Links an account to every person of the workspace without one; returns the admin's.
 *
 * @example const adminUserId = await ensureDemoAccounts(auth, db, demoWorkspace.id);
 */
export async function ensureDemoAccounts(
  auth: TreelineAuth,
  db: Db,
  workspaceId: string,
): Promise<string> {
  let adminUserId: string | null = null;
  for (const person of await listPeople(db, workspaceId)) {
    let userId = person.user_id;
    if (!userId) {
      ({ userId } = await ensureAccount(auth, {
        email: person.email,
        name: person.name,
        password: randomBytes(24).toString('base64url'),
        emailVerified: true,
      }));
      await updatePerson(db, workspaceId, person.id, { userId });
    }
    if (person.role === 'admin' && !person.deactivated_at && !adminUserId) adminUserId = userId;
  }
  if (!adminUserId) throw new Error('the demo workspace has no admin');
  return adminUserId;
}
