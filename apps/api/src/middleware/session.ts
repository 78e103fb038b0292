/**
 * Who is asking: the session cookie's user or the API token, or, in the embedded demo, the
 * demo admin when a request carries neither (the demo has no sign-in step). Anonymous
 * otherwise; only public routes answer anonymous requests. An API token's requests are
 * counted against its rate limit (token-rate-limit.ts) before anything else runs.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';

export function session(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { authenticate, demo, tokenRateLimiter } = c.get('deps');
    let principal = await authenticate(c.req.raw.headers);
    if (principal?.kind === 'token') tokenRateLimiter?.consume(principal.tokenId);
    if (!principal && demo) {
      principal = {
        kind: 'user',
        userId: demo.adminUserId,
        email: '',
        name: '',
        sessionId: 'demo',
      };
    }
    c.set('principal', principal);
    await next();
  };
}
