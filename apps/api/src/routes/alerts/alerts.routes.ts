/**
 * Movement alerts: the list (by tree, node, open, mine), one alert, and its lifecycle.
 * Anyone in the workspace reads them; a viewer may acknowledge, snooze or resolve the
 * alerts routed or escalated to them, an editor or admin any alert.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AlertChangeSchema,
  AlertListSchema,
  AlertSchema,
  type Alert as AlertView,
  DomainError,
  notFound,
} from '@treeline/core';
import { type Alert, changeAlert, findAlert, listAlerts, roleAllows } from '@treeline/db';
import type { AppEnv } from '../../context';
import { IdParam, jsonContent, problemContent } from '../openapi-content';

const listRoute = createRoute({
  method: 'get',
  path: '/alerts',
  tags: ['alerts'],
  summary: 'Movement alerts, newest period first',
  request: {
    query: z.object({
      treeId: z.uuid().optional(),
      nodeId: z.uuid().optional(),
      open: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'Only those still wanting attention' }),
      mine: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'Only those routed or escalated to you' }),
    }),
  },
  responses: { 200: jsonContent(AlertListSchema, 'Alerts') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/alerts/{id}',
  tags: ['alerts'],
  summary: 'One alert',
  request: { params: IdParam },
  responses: { 200: jsonContent(AlertSchema, 'The alert'), 404: problemContent('No such alert') },
});

const changeRoute = createRoute({
  method: 'post',
  path: '/alerts/{id}/status',
  tags: ['alerts'],
  summary: 'Acknowledge, snooze, resolve or reopen an alert',
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: AlertChangeSchema } } },
  },
  responses: { 200: jsonContent(AlertSchema, 'The alert as changed') },
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function alertBody(alert: Alert): AlertView {
  return {
    id: alert.id,
    treeId: alert.tree_id,
    nodeId: alert.node_id,
    grain: alert.grain,
    periodStart: alert.period_start.toISOString(),
    periodEnd: alert.period_end.toISOString(),
    direction: alert.direction,
    tone: alert.tone,
    title: alert.title,
    summary: alert.summary,
    detection: alert.detection as Record<string, unknown>,
    routing: alert.routing as Record<string, unknown>,
    routedNodeId: alert.routed_node_id,
    accountableId: alert.accountable_id,
    status: alert.status,
    backfilled: alert.backfilled,
    createdAt: alert.created_at.toISOString(),
    escalateAt: iso(alert.escalate_at),
    escalatedAt: iso(alert.escalated_at),
    escalatedTo: alert.escalated_to,
    acknowledgedAt: iso(alert.acknowledged_at),
    acknowledgedBy: alert.acknowledged_by,
    snoozedUntil: iso(alert.snoozed_until),
    resolvedAt: iso(alert.resolved_at),
    resolvedBy: alert.resolved_by,
    resolutionNote: alert.resolution_note,
  };
}

export const alertRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { db, now } = c.get('deps');
    const query = c.req.valid('query');
    const person = c.get('person');
    if (query.mine === 'true' && !person) {
      throw new DomainError('forbidden', 'An API token has no alerts of its own; leave out mine.');
    }
    const alerts = await listAlerts(db, c.get('workspace').id, {
      ...(query.treeId ? { treeId: query.treeId } : {}),
      ...(query.nodeId ? { nodeId: query.nodeId } : {}),
      open: query.open === 'true',
      ...(query.mine === 'true' && person ? { personId: person.id } : {}),
      ...(now ? { now: now() } : {}),
    });
    return c.json({ alerts: alerts.map(alertBody) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const alert = await findAlert(db, c.get('workspace').id, id);
    if (!alert) throw notFound('Alert', id);
    return c.json(alertBody(alert), 200);
  })
  .openapi(changeRoute, async (c) => {
    const { db, now } = c.get('deps');
    const { id } = c.req.valid('param');
    const workspace = c.get('workspace');
    const alert = await findAlert(db, workspace.id, id);
    if (!alert) throw notFound('Alert', id);
    const person = c.get('person');
    const own =
      person !== null && (alert.accountable_id === person.id || alert.escalated_to === person.id);
    if (!roleAllows(c.get('role'), 'editor') && !own) {
      throw new DomainError(
        'forbidden',
        "A viewer may change only the alerts routed to them; this one is another owner's.",
        { needed: 'editor', role: c.get('role') },
      );
    }
    const body = c.req.valid('json');
    const at = (now ?? (() => new Date()))();
    const personId = person?.id ?? null;
    const changed = await changeAlert(
      db,
      workspace.id,
      id,
      body.action === 'snooze'
        ? { action: 'snooze', personId, until: new Date(body.until) }
        : body.action === 'resolve'
          ? { action: 'resolve', personId, note: body.note }
          : body.action === 'acknowledge'
            ? { action: 'acknowledge', personId }
            : { action: 'reopen' },
      at,
    );
    if (!changed) throw notFound('Alert', id);
    return c.json(alertBody(changed), 200);
  });
