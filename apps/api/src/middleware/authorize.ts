/**
 * Enforces the role a route needs (route-roles.ts) on every workspace route, after the
 * workspace middleware set the request's role. A role that falls short is a 403 saying
 * what the route needs and what the request has; an API token never acts as an admin.
 */
import { DomainError } from '@treeline/core';
import { roleAllows } from '@treeline/db';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../context';
import { requiredRole } from './route-roles';

const ARTICLE = { viewer: 'a viewer', editor: 'an editor', admin: 'an admin' } as const;

/**
 * The path pattern of the route that will answer (e.g. /api/trees/:id): the first matched
 * route registered for this method. Middleware and the not-found fallback match ALL.
 */
function handlerPath(c: Context<AppEnv>): string {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  return matchedRoutes(c).find((route) => route.method === method)?.path ?? c.req.path;
}

export function authorize(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const needed = requiredRole(c.req.method, handlerPath(c));
    const role = c.get('role');
    const isToken = c.get('principal')?.kind === 'token';
    if (!roleAllows(role, needed) || (isToken && needed === 'admin')) {
      const who = isToken
        ? `an API token with ${role === 'editor' ? 'read-write' : 'read'} scope`
        : `${ARTICLE[role]} of ${c.get('workspace').name}`;
      throw new DomainError(
        'forbidden',
        `This needs ${ARTICLE[needed]}${isToken && needed === 'admin' ? ' signed in (tokens cannot)' : ''}; you are ${who}.`,
        { needed, role },
      );
    }
    await next();
  };
}
