/**
 * Making accounts where Treeline itself decides to (there is no public sign-up): the first
 * admin, accounts for invited people, the demo's people. Passwords are hashed and
 * credentials stored by better-auth's own adapter, never by our code.
 */
import type { TreelineAuth } from './treeline-auth';

export interface NewAccount {
  email: string;
  name: string;
  /** Absent: no password yet (an invited person sets one after following the link). */
  password?: string;
  emailVerified?: boolean;
}

/**
 * Creates the account, or returns the existing one with that email (its password is then
 * left alone).
 *
 * @example const { userId, created } = await ensureAccount(auth, { email, name, password });
 */
export async function ensureAccount(
  auth: TreelineAuth,
  account: NewAccount,
): Promise<{ userId: string; created: boolean }> {
  const ctx = await auth.$context;
  const email = account.email.trim().toLowerCase();
  const existing = await ctx.internalAdapter.findUserByEmail(email);
  if (existing) return { userId: existing.user.id, created: false };
  const user = await ctx.internalAdapter.createUser(
    { email, name: account.name, emailVerified: account.emailVerified ?? false },
    { method: 'email-password' },
  );
  if (account.password !== undefined) {
    await setAccountPassword(auth, user.id, account.password);
  }
  return { userId: user.id, created: true };
}

/** The password policy better-auth enforces on its own endpoints, for ours too. */
export async function checkPassword(auth: TreelineAuth, password: string): Promise<string | null> {
  const ctx = await auth.$context;
  const { minPasswordLength, maxPasswordLength } = ctx.password.config;
  if (password.length < minPasswordLength)
    return `the password needs at least ${minPasswordLength} characters`;
  if (password.length > maxPasswordLength)
    return `the password may have at most ${maxPasswordLength} characters`;
  return null;
}

/**
 * Sets (or replaces) the account's password through better-auth's hasher.
 *
 * @example await setAccountPassword(auth, userId, 'correct horse battery');
 */
export async function setAccountPassword(
  auth: TreelineAuth,
  userId: string,
  password: string,
): Promise<void> {
  const ctx = await auth.$context;
  const problem = await checkPassword(auth, password);
  if (problem) throw new Error(problem);
  const hash = await ctx.password.hash(password);
  const accounts = await ctx.internalAdapter.findAccounts(userId);
  const credential = accounts.find((a) => a.providerId === 'credential');
  if (credential) await ctx.internalAdapter.updatePassword(userId, hash);
  else {
    await ctx.internalAdapter.linkAccount({
      userId,
      providerId: 'credential',
      accountId: userId,
      password: hash,
    });
  }
}

/** Removes an account made by a step that then failed (nothing else refers to it yet). */
export async function deleteAccount(auth: TreelineAuth, userId: string): Promise<void> {
  const ctx = await auth.$context;
  await ctx.internalAdapter.deleteUser(userId);
}

/** Whether the account can sign in with a password (an invited person may not have set one). */
export async function hasPassword(auth: TreelineAuth, userId: string): Promise<boolean> {
  const ctx = await auth.$context;
  const accounts = await ctx.internalAdapter.findAccounts(userId);
  return accounts.some((a) => a.providerId === 'credential' && Boolean(a.password));
}

/**
 * Checks `password` against the account's, through better-auth's hasher.
 *
 * @example await verifyAccountPassword(auth, userId, 'correct horse battery'); // true
 */
export async function verifyAccountPassword(
  auth: TreelineAuth,
  userId: string,
  password: string,
): Promise<boolean> {
  const ctx = await auth.$context;
  const accounts = await ctx.internalAdapter.findAccounts(userId);
  const hash = accounts.find((a) => a.providerId === 'credential')?.password;
  if (!hash) return false;
  return ctx.password.verify({ hash, password });
}

/** Renames the account (how it is greeted; each workspace keeps its person's name). */
export async function renameAccount(auth: TreelineAuth, userId: string, name: string) {
  const ctx = await auth.$context;
  await ctx.internalAdapter.updateUser(userId, { name });
}

/** Ends every session of the account but `keepSessionToken` (after a password change). */
export async function endOtherSessions(
  auth: TreelineAuth,
  userId: string,
  keepSessionId: string | null,
): Promise<void> {
  const ctx = await auth.$context;
  const sessions = await ctx.internalAdapter.listSessions(userId);
  for (const s of sessions) {
    if (s.id !== keepSessionId) await ctx.internalAdapter.deleteSession(s.token);
  }
}
