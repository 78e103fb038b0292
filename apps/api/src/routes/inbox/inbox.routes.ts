/** The signed-in person's in-app inbox: list with the unread count, mark read. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { InboxSchema, notFound } from '@treeline/core';
import { listInbox, markAllNotificationsRead, markNotificationRead } from '@treeline/db';
import type { Context } from 'hono';
import type { AppEnv } from '../../context';
import { IdParam, jsonContent } from '../openapi-content';

const listRoute = createRoute({
  method: 'get',
  path: '/inbox',
  tags: ['alerts'],
  summary: 'Your notifications, newest first, with the unread count',
  responses: { 200: jsonContent(InboxSchema, 'Your inbox') },
});

const readRoute = createRoute({
  method: 'post',
  path: '/inbox/{id}/read',
  tags: ['alerts'],
  summary: 'Mark one notification read',
  request: { params: IdParam },
  responses: { 204: { description: 'Read' } },
});

const readAllRoute = createRoute({
  method: 'post',
  path: '/inbox/read',
  tags: ['alerts'],
  summary: 'Mark every notification read',
  responses: { 200: jsonContent(z.object({ marked: z.number().int() }), 'How many') },
});

/** The person whose inbox it is; an API token has none (its inbox is empty, its ids unknown). */
const personIdOf = (c: Context<AppEnv>) => c.get('person')?.id ?? null;

export const inboxRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    const personId = personIdOf(c);
    const { items, unread } = personId
      ? await listInbox(db, c.get('workspace').id, personId)
      : { items: [], unread: 0 };
    return c.json(
      {
        unread,
        notifications: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          role: n.role,
          title: n.title,
          body: n.body,
          link: n.link,
          alertId: n.alert_id,
          createdAt: n.created_at.toISOString(),
          readAt: n.read_at?.toISOString() ?? null,
        })),
      },
      200,
    );
  })
  .openapi(readRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const personId = personIdOf(c);
    if (!personId || !(await markNotificationRead(db, c.get('workspace').id, personId, id))) {
      throw notFound('Notification', id);
    }
    return c.body(null, 204);
  })
  .openapi(readAllRoute, async (c) => {
    const { db } = c.get('deps');
    const personId = personIdOf(c);
    const marked = personId
      ? await markAllNotificationsRead(db, c.get('workspace').id, personId)
      : 0;
    return c.json({ marked }, 200);
  });
