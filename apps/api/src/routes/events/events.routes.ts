/**
 * GET /api/events: server-sent events for open editors. `data-changed` arrives after every
 * committed import of the workspace (importId, entity, the new data version and the span
 * of time it touched) and after every counting-setting change (importId and entity null),
 * so a client refetches values; `notifications-changed` arrives when notifications were
 * added to the signed-in person's inbox (an alert, an escalation), so the inbox and its
 * badge refetch. Both come from the process's domain-event feed, so changes
 * made by any process sharing the database (another API instance, the CLI) arrive too. A
 * comment line every 15 s keeps proxies from closing an idle stream. The browser's
 * EventSource reconnects by itself after a network drop.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { DataChanged, RecordedDomainEvent } from '@treeline/core';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../context';

const HEARTBEAT_MS = 15_000;

/** The `data-changed` message (the contract's DataChanged) for an event, or null for events editors need not hear. */
function dataChangedMessage(event: RecordedDomainEvent): string | null {
  const message = (change: DataChanged) => JSON.stringify(change);
  switch (event.type) {
    case 'import.committed':
      return message({
        importId: event.payload.importId,
        entity: event.payload.entity,
        dataVersion: event.payload.dataVersion,
        changedFrom: event.payload.changedFrom,
        changedTo: event.payload.changedTo,
      });
    case 'counting.changed':
      return message({
        importId: null,
        entity: null,
        dataVersion: event.payload.dataVersion,
        changedFrom: null,
        changedTo: null,
      });
    default:
      return null;
  }
}

export const eventRoutes = new OpenAPIHono<AppEnv>().get('/events', (c) => {
  const feed = c.get('deps').events;
  const workspaceId = c.get('workspace').id;
  const personId = c.get('person')?.id ?? null;
  return streamSSE(c, async (stream) => {
    let wake: (() => void) | null = null;
    const queue: Array<{ event: string; data: string }> = [];
    const stop = feed.listen((event) => {
      if (event.workspaceId !== workspaceId) return;
      if (event.type === 'notifications.added') {
        if (personId === null || !event.payload.personIds.includes(personId)) return;
        queue.push({ event: 'notifications-changed', data: '{}' });
        wake?.();
        return;
      }
      const message = dataChangedMessage(event);
      if (message === null) return;
      queue.push({ event: 'data-changed', data: message });
      wake?.();
    });
    stream.onAbort(() => {
      stop();
      wake?.();
    });
    await stream.writeSSE({ event: 'ready', data: '{}' });
    while (!stream.aborted) {
      const next = queue.shift();
      if (next) {
        await stream.writeSSE(next);
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, HEARTBEAT_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
      if (!stream.aborted && queue.length === 0) await stream.write(': heartbeat\n\n');
    }
    stop();
  });
});
