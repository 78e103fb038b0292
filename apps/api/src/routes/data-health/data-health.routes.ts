/**
 * GET /api/data-health: per period, activities counted as touches vs stored but excluded
 * (by reason), rows held per entity, and how fresh each entity's last import is.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { readDataHealth } from '@treeline/db';
import type { AppEnv } from '../../context';
import { GrainSchema, PeriodViewSchema } from '../trees/tree-view.schema';

const ExcludedSchema = z.record(z.string(), z.number().int());

const DataHealthSchema = z
  .object({
    grain: GrainSchema,
    periods: z.array(
      z.object({ period: PeriodViewSchema, counted: z.number().int(), excluded: ExcludedSchema }),
    ),
    totals: z.record(z.string(), z.number().int()),
    freshness: z.array(
      z.object({
        entity: z.string(),
        importId: z.string(),
        finishedAt: z.string(),
        rowsRead: z.number().int(),
        origin: z.string(),
      }),
    ),
    lastImportAt: z.string().nullable(),
  })
  .openapi('DataHealth');

const route = createRoute({
  method: 'get',
  path: '/data-health',
  tags: ['imports'],
  summary: 'Counted vs excluded activities per period, rows per entity, import freshness',
  request: {
    query: z.object({
      grain: GrainSchema.optional().openapi({ description: 'Default week' }),
      periods: z.coerce.number().int().min(1).max(104).optional().openapi({
        description: 'How many periods, ending with the current one (default 12)',
      }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: DataHealthSchema } }, description: 'Health' },
  },
});

export const dataHealthRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { grain, periods } = c.req.valid('query');
  const deps = c.get('deps');
  const health = await readDataHealth(deps.db, c.get('workspace'), {
    grain: grain ?? 'week',
    periods: periods ?? 12,
    now: deps.now?.(),
  });
  return c.json(
    {
      ...health,
      freshness: health.freshness.map((f) => ({ ...f, finishedAt: f.finishedAt.toISOString() })),
      lastImportAt: health.lastImportAt?.toISOString() ?? null,
    },
    200,
  );
});
