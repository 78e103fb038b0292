/**
 * GET /api/session: who is signed in, the workspaces they can act in (with their person
 * and role there), whether the server runs the embedded demo (and its people, to look
 * through any owner's eyes), and whether the installation still needs its first admin.
 * Public: an anonymous request learns only that it is signed out and what to do next.
 * POST /api/workspaces makes a workspace with the signed-in user as its admin.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { DomainError, MembershipSchema, NewWorkspaceSchema, SessionSchema } from '@treeline/core';
import {
  countUsers,
  createWorkspaceWithAdmin,
  findUserById,
  listMemberships,
  listPeople,
} from '@treeline/db';
import type { AppEnv } from '../../context';

const sessionRoute = createRoute({
  method: 'get',
  path: '/session',
  tags: ['account'],
  summary: 'Who is signed in, and where they can act',
  responses: {
    200: { content: { 'application/json': { schema: SessionSchema } }, description: 'The session' },
  },
});

const createWorkspaceRoute = createRoute({
  method: 'post',
  path: '/workspaces',
  tags: ['account'],
  summary: 'Make a workspace; you become its admin',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: NewWorkspaceSchema,
        },
      },
    },
  },
  responses: {
    201: { content: { 'application/json': { schema: MembershipSchema } }, description: 'Made' },
  },
});

export const sessionRoutes = new OpenAPIHono<AppEnv>()
  .openapi(sessionRoute, async (c) => {
    const { db, demo } = c.get('deps');
    const principal = c.get('principal');
    const demoBody = demo
      ? await (async () => {
          const memberships = await listMemberships(db, demo.adminUserId);
          const ws = memberships.find((m) => m.workspace.id === demo.workspaceId)?.workspace;
          const people = (await listPeople(db, demo.workspaceId)).filter(
            (p) => p.user_id && !p.deactivated_at,
          );
          return ws
            ? {
                workspace: { id: ws.id, slug: ws.slug, name: ws.name },
                people: people.map((p) => ({ id: p.id, name: p.name, role: p.role })),
              }
            : null;
        })()
      : null;
    const base = { demo: demoBody, setupNeeded: !demo && (await countUsers(db)) === 0 };
    if (!principal) return c.json({ user: null, via: null, memberships: [], ...base }, 200);
    if (principal.kind === 'token') {
      return c.json({ user: null, via: 'token' as const, memberships: [], ...base }, 200);
    }
    const user = await findUserById(db, principal.userId);
    const memberships = await listMemberships(db, principal.userId);
    return c.json(
      {
        user: user ? { id: user.id, name: user.name, email: user.email } : null,
        via: principal.sessionId === 'demo' ? ('demo' as const) : ('session' as const),
        memberships: memberships.map(({ workspace, person }) => ({
          workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name },
          person: { id: person.id, name: person.name, role: person.role },
        })),
        ...base,
      },
      200,
    );
  })
  .openapi(createWorkspaceRoute, async (c) => {
    const { db } = c.get('deps');
    const principal = c.get('principal');
    if (principal?.kind !== 'user') {
      throw new DomainError('unauthenticated', 'Sign in to make a workspace.');
    }
    const user = await findUserById(db, principal.userId);
    if (!user) throw new DomainError('unauthenticated', 'Your account is gone; sign in again.');
    const body = c.req.valid('json');
    const { workspace, person } = await createWorkspaceWithAdmin(db, {
      name: body.name,
      ...(body.slug ? { slug: body.slug } : {}),
      ...(body.timeZone ? { timeZone: body.timeZone } : {}),
      admin: { userId: user.id, name: user.name, email: user.email },
    });
    return c.json(
      {
        workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name },
        person: { id: person.id, name: person.name, role: person.role },
      },
      201,
    );
  });
