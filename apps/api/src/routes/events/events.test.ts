import type { TreeView } from '@treeline/core';
import { createWorkspace, TreeViewCache, type Workspace } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { principalFor } from '../../testing/app-acting-as';

/** Reads an SSE response as text, waiting for what a test expects. */
function sseReader(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    /** The data of every `data-changed` message so far. */
    changes: () =>
      [...text.matchAll(/event: data-changed\ndata: (.*)\n/g)].map(
        (m) => JSON.parse(m[1] as string) as Record<string, unknown>,
      ),
    async until(predicate: (text: string) => boolean, ms = 60_000) {
      const deadline = setTimeout(() => void reader.cancel(), ms);
      try {
        while (!predicate(text)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`the stream ended before the expected message:\n${text}`);
          text += decoder.decode(value);
        }
      } finally {
        clearTimeout(deadline);
      }
    },
    cancel: () => reader.cancel().catch(() => {}),
  };
}

describe.each(databaseKindsUnderTest())('the live event stream on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  const cache = new TreeViewCache();
  let editorApp: ReturnType<typeof createApp>;
  /** Another API process sharing the database: its changes reach the editor's stream too. */
  let otherApp: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'live', name: 'Live' });
    const options = {
      db: t.db,
      listen: t.listen,
      database: { kind, location: t.location },
      ...(t.copyFrom ? { copyFrom: t.copyFrom } : {}),
    };
    const { principal, auth } = await principalFor(options, { workspaceId: ws.id });
    Object.assign(options, { auth, authenticate: async () => principal });
    editorApp = createApp({ ...options, treeViewCache: cache });
    otherApp = createApp(options);
  });
  afterAll(() => t.close());

  it('tells open editors of counting changes and imports made elsewhere, and drops cached views', {
    timeout: 120_000,
  }, async () => {
    const controller = new AbortController();
    const stream = sseReader(await editorApp.request('/api/events', { signal: controller.signal }));
    try {
      await stream.until((text) => text.includes('event: ready'));
      await cache.getOrCompute(
        JSON.stringify([ws.id, 'tree-1', 'week']),
        async () => ({}) as TreeView,
      );
      expect(cache.size).toBe(1);

      const patched = await otherApp.request('/api/workspace', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ countingPolicy: 'manual_only' }),
      });
      expect(patched.status).toBe(200);
      const { dataVersion } = (await patched.json()) as { dataVersion: number };
      await stream.until(() => stream.changes().length === 1);
      expect(stream.changes()[0]).toEqual({
        importId: null,
        entity: null,
        dataVersion,
        changedFrom: null,
        changedTo: null,
      });
      expect(cache.size).toBe(0);

      const imported = await otherApp.request('/api/bulk/reps', {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body: JSON.stringify({ externalId: 'r-1', name: 'Ada', team: 'A' }),
      });
      const result = (await imported.json()) as { importId: string; dataVersion: number };
      await stream.until(() => stream.changes().length === 2);
      expect(stream.changes()[1]).toEqual({
        importId: result.importId,
        entity: 'reps',
        dataVersion: result.dataVersion,
        changedFrom: null,
        changedTo: null,
      });
    } finally {
      controller.abort();
      await stream.cancel();
    }
  });
});
