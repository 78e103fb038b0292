/** GET /api/templates: the trees a user can start from (templates are data). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { TREE_TEMPLATES, TreeTemplateSchema } from '@treeline/core';
import type { AppEnv } from '../../context';
import { jsonContent } from '../openapi-content';

const listRoute = createRoute({
  method: 'get',
  path: '/templates',
  tags: ['trees'],
  summary: 'Tree templates',
  description: 'Create a tree from one with POST /api/trees { templateKey }.',
  responses: {
    200: jsonContent(
      z.object({ templates: z.array(TreeTemplateSchema) }),
      'Every template, with its nodes and edges',
    ),
  },
});

export const templateRoutes = new OpenAPIHono<AppEnv>().openapi(listRoute, (c) =>
  c.json({ templates: [...TREE_TEMPLATES] }, 200),
);
