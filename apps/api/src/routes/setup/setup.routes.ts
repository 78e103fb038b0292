/**
 * The first-run page's API: while no account exists (and the server is not the demo),
 * POST /api/setup makes the first admin and signs them in. Once any account exists it
 * answers 409: from then on people join by invitation.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { setupFirstAdmin } from '@treeline/auth';
import { DomainError } from '@treeline/core';
import type { AppEnv } from '../../context';

const setupRoute = createRoute({
  method: 'post',
  path: '/setup',
  tags: ['account'],
  summary: 'Create the first admin (only while no account exists)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().trim().min(1).max(120),
            email: z.string().trim().email(),
            password: z.string().min(1).max(128),
            workspaceName: z.string().trim().min(1).max(80).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: z.object({
            workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
          }),
        },
      },
      description: 'The first admin, signed in (the session cookie is set)',
    },
  },
});

export const setupRoutes = new OpenAPIHono<AppEnv>().openapi(setupRoute, async (c) => {
  const { auth, db, demo } = c.get('deps');
  if (demo) {
    throw new DomainError('setup_done', 'The demo has its accounts; pick a demo person instead.');
  }
  const body = c.req.valid('json');
  const { workspace } = await setupFirstAdmin(auth, db, body);
  const signedIn = await auth.api.signInEmail({
    body: { email: body.email, password: body.password },
    headers: c.req.raw.headers,
    asResponse: true,
  });
  for (const cookie of signedIn.headers.getSetCookie())
    c.header('set-cookie', cookie, { append: true });
  return c.json(
    { workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name } },
    201,
  );
});
