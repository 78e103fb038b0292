/**
 * GET /api/dimension-values: what the workspace's data holds for each filter and split
 * dimension (its teams, lead sources, deal stages, reps; enums and booleans as the engine
 * knows them), so the tree-wide filter and a node's filter offer real values.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DIMENSION_KEYS, DIMENSION_VALUE_KINDS, type DimensionKey } from '@treeline/core';
import { listDimensionValues } from '@treeline/db';
import type { AppEnv } from '../../context';

const DimensionValueSchema = z
  .object({
    value: z.string().openapi({ description: 'As filters take it, e.g. "EMEA East" or a rep id' }),
    label: z
      .string()
      .nullable()
      .openapi({ description: "How people read it where the value is an id (a rep's name)" }),
    rows: z.number().int().nullable().openapi({
      description:
        'Rows holding it (reps for team and rep_segment, contacts for source, deals for stage), where counted',
    }),
  })
  .openapi('DimensionValue');

export const DimensionValuesSchema = z
  .object({
    dimension: z.enum(DIMENSION_KEYS as [DimensionKey, ...DimensionKey[]]),
    kind: z.enum(DIMENSION_VALUE_KINDS),
    values: z.array(DimensionValueSchema).nullable().openapi({
      description: 'Every value it takes, or null for free text that is not listed',
    }),
  })
  .openapi('DimensionValues');

const listRoute = createRoute({
  method: 'get',
  path: '/dimension-values',
  tags: ['metrics'],
  summary: 'The values of each filter and split dimension in this workspace',
  description:
    "Free-text dimensions list the workspace's distinct values (deleted contacts and deals left out) with their row counts; enums and booleans list what the engine accepts; rep lists the reps by name, with the id filters take.",
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ dimensions: z.array(DimensionValuesSchema) }),
        },
      },
      description: 'Each dimension in the engine order',
    },
  },
});

export const dimensionRoutes = new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
  const { db } = c.get('deps');
  const dimensions = await listDimensionValues(db, c.get('workspace').id);
  return c.json({ dimensions }, 200);
});
