/**
 * Webhook endpoints of the workspace (admin): add one (its signing secret is in that answer
 * only), list, remove, and send a test event through the same durable delivery path.
 */
import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  DeliveryLogSchema,
  DomainError,
  NewWebhookEndpointSchema,
  notFound,
  WebhookEndpointSchema,
  type WebhookEndpointView,
  webhookUrlProblem,
} from '@treeline/core';
import {
  deleteWebhookEndpoint,
  enqueueDeliveries,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listDeliveriesTo,
  listWebhookEndpoints,
  type WebhookEndpoint,
} from '@treeline/db';
import { newWebhookSecret } from '@treeline/notify';
import type { AppEnv } from '../../context';
import { IdParam, jsonContent, problemContent } from '../openapi-content';

const listRoute = createRoute({
  method: 'get',
  path: '/webhooks',
  tags: ['alerts'],
  summary: "The workspace's webhook endpoints (admin)",
  responses: {
    200: jsonContent(z.object({ webhooks: z.array(WebhookEndpointSchema) }), 'Endpoints'),
  },
});

const createWebhookRoute = createRoute({
  method: 'post',
  path: '/webhooks',
  tags: ['alerts'],
  summary: 'Add a webhook endpoint (admin); its signing secret is in this answer only',
  request: {
    body: { required: true, content: { 'application/json': { schema: NewWebhookEndpointSchema } } },
  },
  responses: {
    201: jsonContent(
      z.object({
        webhook: WebhookEndpointSchema,
        secret: z.string().openapi({
          description: 'Verify the webhook-signature header with it (Standard Webhooks, whsec_…)',
        }),
      }),
      'The endpoint and its secret',
    ),
    422: problemContent(
      'invalid_webhook_url: not http(s), or a loopback, private or link-local address outside the demo',
    ),
  },
});

const deliveriesRoute = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  tags: ['alerts'],
  summary: "The endpoint's delivery log, newest first (admin)",
  request: { params: IdParam },
  responses: {
    200: jsonContent(DeliveryLogSchema, 'Deliveries: delivered, retrying or given up'),
    404: problemContent('No such webhook'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  tags: ['alerts'],
  summary: 'Remove a webhook endpoint (admin)',
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' } },
});

const testRoute = createRoute({
  method: 'post',
  path: '/webhooks/{id}/test',
  tags: ['alerts'],
  summary: 'Send a test event to the endpoint (admin)',
  request: { params: IdParam },
  responses: { 202: jsonContent(z.object({ deliveryKey: z.string() }), 'Queued') },
});

function webhookBody(endpoint: WebhookEndpoint): WebhookEndpointView {
  return {
    id: endpoint.id,
    name: endpoint.name,
    url: endpoint.url,
    events: endpoint.events as WebhookEndpointView['events'],
    enabled: endpoint.enabled,
    createdAt: endpoint.createdAt.toISOString(),
  };
}

export const webhookRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    const endpoints = await listWebhookEndpoints(db, c.get('workspace').id);
    return c.json({ webhooks: endpoints.map(webhookBody) }, 200);
  })
  .openapi(createWebhookRoute, async (c) => {
    const { db } = c.get('deps');
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const problem = webhookUrlProblem(body.url, {
      allowPrivate: deps.demo !== null || deps.allowPrivateWebhooks === true,
    });
    if (problem) {
      throw new DomainError('invalid_webhook_url', `url: ${problem}`, {
        errors: [{ path: 'url', message: problem }],
      });
    }
    const secret = newWebhookSecret();
    const endpoint = await insertWebhookEndpoint(db, {
      workspaceId: c.get('workspace').id,
      name: body.name,
      url: body.url,
      secret,
      events: body.events,
    });
    return c.json({ webhook: webhookBody(endpoint), secret }, 201);
  })
  .openapi(deliveriesRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const workspace = c.get('workspace');
    const endpoint = await findWebhookEndpoint(db, workspace.id, id);
    if (!endpoint) throw notFound('Webhook', id);
    const rows = await listDeliveriesTo(db, workspace.id, 'webhook', endpoint.id);
    return c.json(
      {
        deliveries: rows.map((row) => ({
          id: row.id,
          eventType: row.eventType,
          status: row.status,
          attempts: row.attempts,
          lastError: row.lastError,
          createdAt: row.createdAt.toISOString(),
          deliveredAt: row.deliveredAt?.toISOString() ?? null,
          nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  })
  .openapi(deleteRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    if (!(await deleteWebhookEndpoint(db, c.get('workspace').id, id)))
      throw notFound('Webhook', id);
    return c.body(null, 204);
  })
  .openapi(testRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const workspace = c.get('workspace');
    const endpoint = await findWebhookEndpoint(db, workspace.id, id);
    if (!endpoint) throw notFound('Webhook', id);
    const key = `test:${randomUUID()}`;
    await enqueueDeliveries(db, [
      {
        workspaceId: workspace.id,
        channel: 'webhook',
        target: endpoint.id,
        eventType: 'webhook.test',
        sourceKey: key,
        payload: {
          body: {
            text: `Treeline test event for ${workspace.name}: this endpoint receives its events.`,
            treeline: { type: 'webhook.test', workspace: workspace.slug },
          },
        },
      },
    ]);
    return c.json({ deliveryKey: key }, 202);
  });
