/** GET /api/workspace: the workspace this request acts in. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../context';

const WorkspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    weekStart: z.number().int(),
    fiscalYearStartMonth: z.number().int(),
    countingPolicy: z.enum(['all_touches', 'manual_only']),
  })
  .openapi('Workspace');

const route = createRoute({
  method: 'get',
  path: '/workspace',
  tags: ['workspace'],
  summary: 'The current workspace',
  responses: {
    200: {
      content: { 'application/json': { schema: WorkspaceSchema } },
      description: 'The workspace',
    },
  },
});

export const workspaceRoutes = new OpenAPIHono<AppEnv>().openapi(route, (c) => {
  const ws = c.get('workspace');
  return c.json(
    {
      id: ws.id,
      name: ws.name,
      timeZone: ws.time_zone,
      weekStart: ws.week_start,
      fiscalYearStartMonth: ws.fiscal_year_start_month,
      countingPolicy: ws.counting_policy,
    },
    200,
  );
});
