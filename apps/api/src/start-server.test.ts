import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedDomainEvent } from '@treeline/core';
import { createWorkspace, insertPerson, migrateToLatest, openDatabase } from '@treeline/db';
import { defineSubscriber } from '@treeline/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './start-server';

/** A PGlite data folder that already holds the demo workspace (no data, one admin), so start does not seed. */
async function dataFolderWithDemoWorkspace(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'treeline-start-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  await migrateToLatest(database.db);
  const ws = await createWorkspace(database.db, { slug: 'demo', name: 'Demo' });
  // The demo acts as its admin.
  await insertPerson(database.db, ws.id, {
    name: 'Ada Admin',
    email: 'ada@example.com',
    role: 'admin',
  });
  await database.close();
  return dir;
}

async function until(check: () => boolean, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Follows GET /api/events; `text()` is everything received so far. */
async function followEvents(url: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/events`, { signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += decoder.decode(value);
    }
  })();
  await until(() => text.includes('event: ready'), 'the stream to open');
  return { text: () => text, close: () => controller.abort() };
}

const importRep = async (url: string, externalId: string) => {
  const response = await fetch(`${url}/api/bulk/reps`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body: JSON.stringify({ externalId, name: 'Ada', team: 'A' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { importId: string }).importId;
};

describe('the server as `pnpm start` runs it, on the embedded database', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the worker in-process: a committed import reaches a durable subscriber and the SSE stream', {
    timeout: 120_000,
  }, async () => {
    const dataDir = await dataFolderWithDemoWorkspace();
    folders.push(dataDir);
    const handled: RecordedDomainEvent[] = [];
    const server = await startServer({
      env: { TREELINE_DATA_DIR: dataDir, PORT: '0', TREELINE_WEB_ROOT: join(dataDir, 'no-web') },
      log: () => {},
      subscribers: [
        defineSubscriber({
          name: 'test-imports',
          on: ['import.committed'],
          handle: async (event) => {
            handled.push(event);
          },
        }),
      ],
    });
    try {
      const stream = await followEvents(server.url);
      const importId = await importRep(server.url, 'r-1');
      await until(() => handled.length > 0, 'the subscriber');
      expect(handled.map((e) => [e.type, e.payload])).toEqual([
        ['import.committed', expect.objectContaining({ importId, entity: 'reps' })],
      ]);
      await until(() => stream.text().includes(importId), 'the SSE message');
      expect(stream.text()).toContain(`event: data-changed\ndata: {"importId":"${importId}"`);
      stream.close();
    } finally {
      await server.close();
    }
  });

  it('leaves the outbox to separate workers with TREELINE_WORKER=0, and still feeds open editors', {
    timeout: 120_000,
  }, async () => {
    const dataDir = await dataFolderWithDemoWorkspace();
    folders.push(dataDir);
    const lines: string[] = [];
    const server = await startServer({
      env: {
        TREELINE_DATA_DIR: dataDir,
        PORT: '0',
        TREELINE_WEB_ROOT: join(dataDir, 'no-web'),
        TREELINE_WORKER: '0',
      },
      log: (line) => lines.push(line),
    });
    let importId: string;
    try {
      const stream = await followEvents(server.url);
      importId = await importRep(server.url, 'r-1');
      await until(() => stream.text().includes(importId), 'the SSE message');
      stream.close();
    } finally {
      await server.close();
    }
    expect(lines.some((line) => line.includes('TREELINE_WORKER=0'))).toBe(true);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const event = await database.db
        .selectFrom('domain_events')
        .select(['type', 'dispatched_at'])
        .executeTakeFirstOrThrow();
      expect(event).toEqual({ type: 'import.committed', dispatched_at: null });
    } finally {
      await database.close();
    }
  });

  it('binds 127.0.0.1 unless HOST says otherwise, and limits sign-in per client address', {
    timeout: 120_000,
  }, async () => {
    const dataDir = await dataFolderWithDemoWorkspace();
    folders.push(dataDir);
    const server = await startServer({
      env: {
        TREELINE_DATA_DIR: dataDir,
        PORT: '0',
        TREELINE_WEB_ROOT: join(dataDir, 'no-web'),
        TREELINE_WORKER: '0',
      },
      log: () => {},
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.headers.get('content-security-policy')).toContain("script-src 'self'");
      // The running server counts sign-in tries by the socket's address (3 in 10 s), and
      // a header the client sends under the same name does not pick another bucket.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: server.url,
            'x-treeline-client-address': `10.0.0.${i}`,
          },
          body: JSON.stringify({ email: 'ada@example.com', password: 'not the password' }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await server.close();
    }
  });
});
