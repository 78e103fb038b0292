/** GET /api/health: is the API up, which database it uses, at which migration level. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { HealthSchema } from '@treeline/core';
import { migrationLevel } from '@treeline/db';
import type { AppEnv } from '../../context';
import { jsonContent } from '../openapi-content';

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Health, database kind and migration level',
  responses: {
    200: jsonContent(HealthSchema, 'The API is up'),
  },
});

export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { db, database } = c.get('deps');
  const level = await migrationLevel(db);
  return c.json(
    {
      status: 'ok' as const,
      database: database.kind,
      location: database.location,
      migration: level.current,
      latestMigration: level.latest,
    },
    200,
  );
});
