/**
 * The demo's open door (only when the server runs the embedded demo): POST
 * /api/auth/demo/sign-in signs in as a demo person without a password, the workspace's
 * admin by default, so a visitor sees the tree at once and can look through any owner's
 * eyes. It creates a real session through better-auth's own session store and cookie, so
 * everything after it is the ordinary signed-in path.
 */
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { z } from 'zod';

/** Finds the account a demo sign-in acts as: the person's, or the demo admin's. */
export type DemoAccountOf = (personId: string | undefined) => Promise<string | null>;

export function demoSignIn(accountOf: DemoAccountOf): BetterAuthPlugin {
  return {
    id: 'treeline-demo',
    endpoints: {
      demoSignIn: createAuthEndpoint(
        '/demo/sign-in',
        { method: 'POST', body: z.object({ personId: z.string().uuid().optional() }) },
        async (ctx) => {
          const userId = await accountOf(ctx.body.personId);
          if (!userId) {
            throw new APIError('NOT_FOUND', {
              message: "That person is not one of the demo workspace's people with an account.",
            });
          }
          const user = await ctx.context.internalAdapter.findUserById(userId);
          if (!user) throw new APIError('NOT_FOUND', { message: 'No such demo account.' });
          const session = await ctx.context.internalAdapter.createSession(userId);
          await setSessionCookie(ctx, { session, user });
          return ctx.json({ userId });
        },
      ),
    },
  };
}
