/**
 * The first-run page's API: while no account exists (and the server is not the demo),
 * POST /api/setup makes the first admin and signs them in. Once any account exists it
 * answers 409: from then on people join by invitation.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { setupFirstAdmin } from '@treeline/auth';
import { DomainError, FirstAdminSchema, SetupDoneSchema } from '@treeline/core';
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
          schema: FirstAdminSchema,
        },
      },
    },
  },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: SetupDoneSchema,
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
