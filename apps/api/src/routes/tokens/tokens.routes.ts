/**
 * API tokens of the workspace, for imports and integrations (admin only): a token is shown
 * once when it is made, stored hashed, acts with read or read-write scope in this workspace
 * only, records when it was last used, and stops working the moment it is revoked.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createApiToken } from '@treeline/auth';
import {
  ApiTokenSchema,
  type ApiTokenView,
  CreatedApiTokenSchema,
  DomainError,
  NewApiTokenSchema,
  notFound,
} from '@treeline/core';
import { deleteWorkspaceToken, listWorkspaceTokens, type WorkspaceApiToken } from '@treeline/db';
import type { AppEnv } from '../../context';

const listRoute = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['tokens'],
  summary: "The workspace's API tokens (admin)",
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ tokens: z.array(ApiTokenSchema) }) } },
      description: 'Tokens, newest first',
    },
  },
});

const createTokenRoute = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['tokens'],
  summary: 'Make an API token (admin); its key is in this answer only',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: NewApiTokenSchema,
        },
      },
    },
  },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: CreatedApiTokenSchema,
        },
      },
      description: 'The token and its key',
    },
  },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['tokens'],
  summary: 'Revoke an API token (admin): it stops working at once',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: { 204: { description: 'Revoked' } },
});

function tokenBody(token: WorkspaceApiToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    start: token.start,
    scope: token.scope,
    createdBy: token.createdBy,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

export const tokenRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    const tokens = await listWorkspaceTokens(db, c.get('workspace').id);
    return c.json({ tokens: tokens.map(tokenBody) }, 200);
  })
  .openapi(createTokenRoute, async (c) => {
    const { db, auth } = c.get('deps');
    const principal = c.get('principal');
    if (principal?.kind !== 'user') {
      throw new DomainError('forbidden', 'Tokens are made by a signed-in admin.');
    }
    const { name, scope } = c.req.valid('json');
    const created = await createApiToken(auth, db, {
      workspaceId: c.get('workspace').id,
      name,
      scope,
      userId: principal.userId,
      personId: c.get('person')?.id ?? null,
    });
    return c.json({ token: tokenBody(created.token), key: created.key }, 201);
  })
  .openapi(revokeRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    if (!(await deleteWorkspaceToken(db, c.get('workspace').id, id))) throw notFound('Token', id);
    return c.body(null, 204);
  });
