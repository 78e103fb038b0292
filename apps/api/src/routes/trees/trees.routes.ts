/** The trees of the workspace, and one tree with live values for the canvas. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { TreeView } from '@treeline/core';
import { buildTreeView, listTrees } from '@treeline/db';
import type { AppEnv } from '../../context';
import { NotFoundError } from '../../errors';
import { ProblemSchema } from '../problem.schema';
import { GrainSchema, TreeSummarySchema, TreeViewSchema } from './tree-view.schema';

const listRoute = createRoute({
  method: 'get',
  path: '/trees',
  tags: ['trees'],
  summary: 'The trees of the workspace',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ trees: z.array(TreeSummarySchema) }) } },
      description: 'Trees, most recently changed first',
    },
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/trees/{id}/view',
  tags: ['trees'],
  summary: 'A tree with live values for the last complete period',
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    query: z.object({
      grain: GrainSchema.default('month').openapi({ description: 'Period grain (default month)' }),
      periods: z.coerce
        .number()
        .int()
        .min(2)
        .max(104)
        .default(6)
        .openapi({ description: 'How many complete periods the series holds (2–104)' }),
    }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: TreeViewSchema } },
      description: 'The tree with values',
    },
    404: {
      content: { 'application/problem+json': { schema: ProblemSchema } },
      description: 'No such tree',
    },
  },
});

export const treeRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    return c.json({ trees: await listTrees(db, c.get('workspace').id) }, 200);
  })
  .openapi(viewRoute, async (c) => {
    const { db, now } = c.get('deps');
    const { id } = c.req.valid('param');
    const { grain, periods } = c.req.valid('query');
    const view: TreeView | null = await buildTreeView(db, c.get('workspace'), id, {
      grain,
      periods,
      ...(now ? { now: now() } : {}),
    });
    if (!view) throw new NotFoundError('Tree', id);
    return c.json(view, 200);
  });
