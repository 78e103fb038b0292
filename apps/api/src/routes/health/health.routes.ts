/** GET /api/health: is the API up, which database it uses, at which migration level. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { migrationLevel } from '@treeline/db';
import type { AppEnv } from '../../context';

const Health = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    location: z.string().openapi({ description: 'Where the data lives (no password)' }),
    migration: z.string().nullable().openapi({ description: 'The newest applied migration' }),
    latestMigration: z.string(),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Health, database kind and migration level',
  responses: {
    200: { content: { 'application/json': { schema: Health } }, description: 'The API is up' },
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
