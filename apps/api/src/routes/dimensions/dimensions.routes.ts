/**
 * GET /api/dimension-values: what the workspace's data holds for each filter and split
 * dimension (its teams, lead sources, deal stages, reps; enums and booleans as the engine
 * knows them), so the tree-wide filter and a node's filter offer real values.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DimensionValuesSchema } from '@treeline/core';
import { listDimensionValues } from '@treeline/db';
import type { AppEnv } from '../../context';
import { jsonContent } from '../openapi-content';

const listRoute = createRoute({
  method: 'get',
  path: '/dimension-values',
  tags: ['metrics'],
  summary: 'The values of each filter and split dimension in this workspace',
  description:
    "Free-text dimensions list the workspace's distinct values (deleted contacts and deals left out) with their row counts; enums and booleans list what the engine accepts; rep lists the reps by name, with the id filters take.",
  responses: {
    200: jsonContent(
      z.object({ dimensions: z.array(DimensionValuesSchema) }),
      'Each dimension in the engine order',
    ),
  },
});

export const dimensionRoutes = new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
  const { db } = c.get('deps');
  const dimensions = await listDimensionValues(db, c.get('workspace').id);
  return c.json({ dimensions }, 200);
});
