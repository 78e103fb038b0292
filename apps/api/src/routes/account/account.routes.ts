/**
 * The signed-in account: its name, and its password (set one after an invitation, or
 * change it with the current one; other sessions end). Sign-out, password reset and sign-in
 * are better-auth's own endpoints under /api/auth.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  checkPassword,
  endOtherSessions,
  hasPassword,
  renameAccount,
  setAccountPassword,
  verifyAccountPassword,
} from '@treeline/auth';
import {
  AccountChangesSchema,
  AccountSchema,
  DomainError,
  PasswordChangeSchema,
} from '@treeline/core';
import { findUserById } from '@treeline/db';
import type { Context } from 'hono';
import type { AppEnv } from '../../context';

const accountResponse = {
  200: { content: { 'application/json': { schema: AccountSchema } }, description: 'The account' },
};

const getRoute = createRoute({
  method: 'get',
  path: '/account',
  tags: ['account'],
  summary: 'Your account',
  responses: accountResponse,
});

const renameRoute = createRoute({
  method: 'patch',
  path: '/account',
  tags: ['account'],
  summary: 'Change your name',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: AccountChangesSchema },
      },
    },
  },
  responses: accountResponse,
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/account/password',
  tags: ['account'],
  summary: 'Set or change your password; your other sessions end',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: PasswordChangeSchema,
        },
      },
    },
  },
  responses: accountResponse,
});

/** The signed-in user (not a token, not the demo's implicit admin). */
function signedInUser(c: Context<AppEnv>): { userId: string; sessionId: string } {
  const principal = c.get('principal');
  if (principal?.kind !== 'user') throw new DomainError('unauthenticated', 'Sign in first.');
  if (principal.sessionId === 'demo') {
    throw new DomainError(
      'forbidden',
      'The demo acts as its people without passwords; accounts are yours on a real installation.',
    );
  }
  return principal;
}

async function accountBody(c: Context<AppEnv>, userId: string) {
  const { db, auth } = c.get('deps');
  const user = await findUserById(db, userId);
  if (!user) throw new DomainError('unauthenticated', 'Your account is gone; sign in again.');
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    hasPassword: await hasPassword(auth, userId),
  };
}

export const accountRoutes = new OpenAPIHono<AppEnv>()
  .openapi(getRoute, async (c) => c.json(await accountBody(c, signedInUser(c).userId), 200))
  .openapi(renameRoute, async (c) => {
    const { userId } = signedInUser(c);
    await renameAccount(c.get('deps').auth, userId, c.req.valid('json').name);
    return c.json(await accountBody(c, userId), 200);
  })
  .openapi(passwordRoute, async (c) => {
    const { userId, sessionId } = signedInUser(c);
    const { auth } = c.get('deps');
    const { currentPassword, newPassword } = c.req.valid('json');
    const problem = await checkPassword(auth, newPassword);
    if (problem) throw new DomainError('invalid_password', `newPassword: ${problem}.`);
    if (await hasPassword(auth, userId)) {
      if (!currentPassword || !(await verifyAccountPassword(auth, userId, currentPassword))) {
        throw new DomainError(
          'wrong_password',
          'currentPassword: that is not your current password.',
        );
      }
    }
    await setAccountPassword(auth, userId, newPassword);
    await endOtherSessions(auth, userId, sessionId);
    return c.json(await accountBody(c, userId), 200);
  });
