/**
 * GET /api/data-health: per period, activities counted as touches vs stored but excluded
 * (by reason), rows held per entity, and how fresh each entity's last import is.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { DataHealthQuerySchema, DataHealthSchema } from '@treeline/core';
import { readDataHealth } from '@treeline/db';
import type { AppEnv } from '../../context';
import { jsonContent } from '../openapi-content';

const route = createRoute({
  method: 'get',
  path: '/data-health',
  tags: ['imports'],
  summary: 'Counted vs excluded activities per period, rows per entity, import freshness',
  request: { query: DataHealthQuerySchema },
  responses: {
    200: jsonContent(DataHealthSchema, 'Health'),
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
