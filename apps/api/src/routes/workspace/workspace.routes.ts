/**
 * GET /api/workspace: the workspace this request acts in. PATCH changes its counting
 * settings: the automated-vs-manual policy (applied when metrics are read) and the
 * duplicate tolerance (every activity is re-marked), in one transaction that also records
 * `counting.changed` (changeCountingSettings), so open editors refetch.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  type Workspace as WorkspaceJson,
  WorkspaceSchema,
  WorkspaceSettingsSchema,
} from '@treeline/core';
import { changeCountingSettings, type Workspace } from '@treeline/db';
import type { AppEnv } from '../../context';
import { jsonContent } from '../openapi-content';

const route = createRoute({
  method: 'get',
  path: '/workspace',
  tags: ['workspace'],
  summary: 'The current workspace',
  responses: {
    200: jsonContent(WorkspaceSchema, 'The workspace'),
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/workspace',
  tags: ['workspace'],
  summary: 'Change the counting policy or the duplicate tolerance',
  request: {
    body: { content: { 'application/json': { schema: WorkspaceSettingsSchema } }, required: true },
  },
  responses: {
    200: jsonContent(WorkspaceSchema, 'The workspace with its new settings (and data version)'),
  },
});

function workspaceJson(ws: Workspace): WorkspaceJson {
  return {
    id: ws.id,
    name: ws.name,
    timeZone: ws.time_zone,
    weekStart: ws.week_start,
    fiscalYearStartMonth: ws.fiscal_year_start_month,
    countingPolicy: ws.counting_policy,
    duplicateToleranceSeconds: ws.duplicate_tolerance_seconds,
    dataVersion: Number(ws.data_version),
  };
}

export const workspaceRoutes = new OpenAPIHono<AppEnv>()
  .openapi(route, (c) => c.json(workspaceJson(c.get('workspace')), 200))
  .openapi(patchRoute, async (c) => {
    const body = c.req.valid('json');
    const updated = await changeCountingSettings(c.get('deps').db, c.get('workspace').id, body);
    return c.json(workspaceJson(updated), 200);
  });
