/**
 * GET /api/events: server-sent events for open editors. `data-changed` arrives after every
 * committed import of the workspace (with the new data version, so a client refetches
 * values); a comment line every 15 s keeps proxies from closing an idle stream. The
 * browser's EventSource reconnects by itself after a network drop.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../context';

const HEARTBEAT_MS = 15_000;

export const eventRoutes = new OpenAPIHono<AppEnv>().get('/events', (c) => {
  const bus = c.get('deps').importEvents;
  const workspaceId = c.get('workspace').id;
  return streamSSE(c, async (stream) => {
    let wake: (() => void) | null = null;
    const queue: string[] = [];
    const stop = bus.listen((event) => {
      if (event.workspace_id !== workspaceId) return;
      queue.push(
        JSON.stringify({
          importId: event.import_id,
          entity: event.entity,
          dataVersion: Number(event.data_version),
          changedFrom: event.changed_from?.toISOString() ?? null,
          changedTo: event.changed_to?.toISOString() ?? null,
        }),
      );
      wake?.();
    });
    stream.onAbort(() => {
      stop();
      wake?.();
    });
    await stream.writeSSE({ event: 'ready', data: '{}' });
    while (!stream.aborted) {
      const data = queue.shift();
      if (data) {
        await stream.writeSSE({ event: 'data-changed', data });
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
