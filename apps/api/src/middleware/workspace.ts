/**
 * The workspace a request acts in, for every route that reads or writes a workspace's
 * data. A user names it with the `x-treeline-workspace` header (its slug; the web sends
 * the one in its address) or `?workspace=` (for EventSource, which sends no headers), or
 * acts in their first workspace; the user must be an active person there. A token acts in
 * its own workspace only. Not signed in: 401. A workspace the user is no member of, or
 * another one than the token's: 404, exactly as a workspace that does not exist.
 */
import { DomainError } from '@treeline/core';
import { findMembership, findWorkspaceById, listMemberships } from '@treeline/db';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';

export const WORKSPACE_HEADER = 'x-treeline-workspace';

function namedWorkspace(c: Context<AppEnv>): string | null {
  return c.req.header(WORKSPACE_HEADER)?.trim() || c.req.query('workspace')?.trim() || null;
}

function noSuchWorkspace(slug: string): DomainError {
  return new DomainError(
    'not_found',
    `No workspace '${slug}' that you belong to. Check the address, or ask an admin of it for an invitation.`,
    {},
    { title: 'Workspace not found' },
  );
}

export function workspace(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    const { db } = c.get('deps');
    if (!principal) {
      throw new DomainError(
        'unauthenticated',
        'Sign in first, or send an API token as `Authorization: Bearer tl_…`.',
      );
    }
    const slug = namedWorkspace(c);
    if (principal.kind === 'token') {
      const ws = await findWorkspaceById(db, principal.workspaceId);
      if (!ws || (slug && slug !== ws.slug)) throw noSuchWorkspace(slug ?? '');
      c.set('workspace', ws);
      c.set('person', null);
      c.set('role', principal.scope === 'read_write' ? 'editor' : 'viewer');
      return next();
    }
    const membership = slug
      ? await findMembership(db, principal.userId, slug)
      : (await listMemberships(db, principal.userId))[0];
    if (!membership) {
      if (slug) throw noSuchWorkspace(slug);
      throw new DomainError(
        'no_workspace',
        'Your account belongs to no workspace yet. Ask an admin for an invitation, or create a workspace.',
      );
    }
    c.set('workspace', membership.workspace);
    c.set('person', membership.person);
    c.set('role', membership.person.role);
    await next();
  };
}
