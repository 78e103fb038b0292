/**
 * Who is signed in and what they manage: the session, first-run setup, the account, the
 * people of the workspace and its API tokens, through the typed client (answers typed by
 * the routes' contract schemas), and better-auth's own sign-in endpoints under /api/auth
 * (sign in, sign out, password reset, the demo's password-less switch), which are not
 * in the typed app and are called with fetch; only their success or failure is read.
 */
import { ApiProblem, createTreelineClient, expectOk, okJson, readProblem } from '@treeline/client';
import type { FirstAdmin, NewPerson, Problem, Role, TokenScope } from '@treeline/core';
import { withWorkspace } from '../lib/request-workspace';

const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;
const client = createTreelineClient(origin, {
  fetch: withWorkspace((input, init) => fetch(input, init)),
});
const json = { headers: { accept: 'application/json' } };
const withSignal = (signal?: AbortSignal) => ({
  init: { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) },
});

/** What better-auth's failures say, turned into a problem a person can act on. */
async function authProblem(response: Response, path: string): Promise<Problem> {
  if (response.status === 429) {
    return {
      type: 'about:blank',
      title: 'Too many tries',
      status: 429,
      detail: 'Wait a minute, then try again.',
    };
  }
  return readProblem(response, path);
}

/** POSTs to better-auth's endpoint `path` (under /api/auth); a failure is an ApiProblem. */
async function authPost(path: string, body: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch(`/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new ApiProblem(await authProblem(response, `/api/auth${path}`));
}

/** Wrong password and unknown email get one answer: nobody learns who has an account. */
export const SIGN_IN_REFUSED =
  'That email and password do not match an account here. Check both, or reset your password.';

export const accountApi = {
  getSession: (signal?: AbortSignal) =>
    okJson(client.api.session.$get(undefined, withSignal(signal))),

  /** The first admin (only while no account exists); signs them in. */
  setup: (body: FirstAdmin) => okJson(client.api.setup.$post({ json: body }, json)),

  signIn: async (email: string, password: string) => {
    try {
      await authPost('/sign-in/email', { email, password, rememberMe: true });
    } catch (error) {
      // better-auth answers 401 for both; anything but too-many-tries reads the same.
      if (error instanceof ApiProblem && error.problem.status !== 429) {
        throw new ApiProblem({ ...error.problem, title: 'Not signed in', detail: SIGN_IN_REFUSED });
      }
      throw error;
    }
  },
  signOut: () => authPost('/sign-out'),
  signOutOtherSessions: () => authPost('/revoke-other-sessions'),
  /** Emails a reset link if the address has an account; answers the same either way. */
  requestPasswordReset: (email: string) =>
    authPost('/request-password-reset', {
      email,
      redirectTo: `${location.origin}/#/reset-password`,
    }),
  resetPassword: (token: string, newPassword: string) =>
    authPost('/reset-password', { token, newPassword }),
  /** The demo only: act as `personId` (or the demo admin) without a password. */
  demoSignIn: (personId?: string) => authPost('/demo/sign-in', personId ? { personId } : {}),

  getAccount: (signal?: AbortSignal) =>
    okJson(client.api.account.$get(undefined, withSignal(signal))),
  renameAccount: (name: string) => okJson(client.api.account.$patch({ json: { name } }, json)),
  changePassword: (newPassword: string, currentPassword?: string) =>
    okJson(
      client.api.account.password.$post(
        { json: { newPassword, ...(currentPassword ? { currentPassword } : {}) } },
        json,
      ),
    ),

  addPerson: (body: NewPerson) => okJson(client.api.people.$post({ json: body }, json)),
  changeRole: (id: string, role: Role) =>
    okJson(client.api.people[':id'].$patch({ param: { id }, json: { role } }, json)),
  invite: (id: string) =>
    okJson(client.api.people[':id'].invitation.$post({ param: { id } }, json)),
  deactivate: (id: string) =>
    okJson(client.api.people[':id'].deactivate.$post({ param: { id } }, json)),
  reactivate: (id: string) =>
    okJson(client.api.people[':id'].reactivate.$post({ param: { id } }, json)),

  listTokens: async (signal?: AbortSignal) =>
    (await okJson(client.api.tokens.$get(undefined, withSignal(signal)))).tokens,
  createToken: (name: string, scope: TokenScope) =>
    okJson(client.api.tokens.$post({ json: { name, scope } }, json)),
  revokeToken: (id: string) => expectOk(client.api.tokens[':id'].$delete({ param: { id } }, json)),
};
