/**
 * GET /api/my-branches: the signed-in person's start-of-week page: every node they are
 * Accountable or Responsible for, with the latest complete week's value and change, the
 * status against its band and its open alerts. An API token is nobody: it has no branches.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { MyBranchesSchema } from '@treeline/core';
import { listMyBranches } from '@treeline/db';
import type { AppEnv } from '../../context';
import { jsonContent } from '../openapi-content';

const listRoute = createRoute({
  method: 'get',
  path: '/my-branches',
  tags: ['alerts'],
  summary: 'Your branches: the nodes you are Accountable or Responsible for, across trees',
  responses: { 200: jsonContent(MyBranchesSchema, 'Your branches') },
});

export const myBranchRoutes = new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
  const { db, now, treeViewCache } = c.get('deps');
  const person = c.get('person');
  if (!person) return c.json({ me: null, period: null, branches: [] }, 200);
  const mine = await listMyBranches(db, c.get('workspace'), person.id, {
    cache: treeViewCache,
    ...(now ? { now: now() } : {}),
  });
  return c.json({ me: { id: person.id, name: person.name, role: c.get('role') }, ...mine }, 200);
});
