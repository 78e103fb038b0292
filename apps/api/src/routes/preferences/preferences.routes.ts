/**
 * GET/PUT /api/preferences: the signed-in person's notification preferences in the current
 * workspace: email and in-app on or off, the digest (daily, weekly, off) and quiet hours in
 * the workspace time zone. An API token has no preferences (403: it is nobody).
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  clockToMinutes,
  DomainError,
  minutesToClock,
  NotificationPreferencesSchema,
  NotificationPreferencesUpdateSchema,
  type NotificationPreferencesView,
} from '@treeline/core';
import {
  type NotificationPreferences,
  readNotificationPreferences,
  writeNotificationPreferences,
} from '@treeline/db';
import type { Context } from 'hono';
import type { AppEnv } from '../../context';
import { jsonContent } from '../openapi-content';

const getRoute = createRoute({
  method: 'get',
  path: '/preferences',
  tags: ['alerts'],
  summary: 'Your notification preferences in this workspace',
  responses: { 200: jsonContent(NotificationPreferencesSchema, 'Your preferences') },
});

const putRoute = createRoute({
  method: 'put',
  path: '/preferences',
  tags: ['alerts'],
  summary: 'Change your notification preferences in this workspace',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: NotificationPreferencesUpdateSchema } },
    },
  },
  responses: { 200: jsonContent(NotificationPreferencesSchema, 'Your preferences as saved') },
});

function personOf(c: Context<AppEnv>) {
  const person = c.get('person');
  if (!person) {
    throw new DomainError('forbidden', 'An API token has no notification preferences; sign in.');
  }
  return person;
}

const viewOf = (prefs: NotificationPreferences, timeZone: string): NotificationPreferencesView => ({
  email: prefs.email,
  inApp: prefs.inApp,
  digest: prefs.digest,
  quietHours: prefs.quietHours
    ? {
        start: minutesToClock(prefs.quietHours.startMinute),
        end: minutesToClock(prefs.quietHours.endMinute),
      }
    : null,
  timeZone,
});

export const preferenceRoutes = new OpenAPIHono<AppEnv>()
  .openapi(getRoute, async (c) => {
    const { db } = c.get('deps');
    const workspace = c.get('workspace');
    const prefs = await readNotificationPreferences(db, workspace.id, personOf(c).id);
    return c.json(viewOf(prefs, workspace.time_zone), 200);
  })
  .openapi(putRoute, async (c) => {
    const { db } = c.get('deps');
    const workspace = c.get('workspace');
    const body = c.req.valid('json');
    const quiet = body.quietHours;
    const saved = await writeNotificationPreferences(db, workspace.id, personOf(c).id, {
      email: body.email,
      inApp: body.inApp,
      digest: body.digest,
      quietHours: quiet
        ? { startMinute: clockToMinutes(quiet.start)!, endMinute: clockToMinutes(quiet.end)! }
        : null,
    });
    return c.json(viewOf(saved, workspace.time_zone), 200);
  });
