import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DomainEventOf, RecordedDomainEvent } from '@treeline/core';
import { createWorkspace, recordDomainEvent } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDomainEvents } from './dispatch-domain-events';
import { openJobQueue } from './job-queue';
import { type RunningWorker, startWorker } from './start-worker';
import { defineSubscriber } from './subscriber';

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const countingChanged = (dataVersion: number): DomainEventOf<'counting.changed'> => ({
  type: 'counting.changed',
  payload: { dataVersion, changes: { countingPolicy: { from: 'all_touches', to: 'manual_only' } } },
});

describe.each(databaseKindsUnderTest())('the worker in-process on %s', (kind) => {
  let t: TestDatabase;
  let workspaceId: string;
  let worker: RunningWorker | null = null;
  const everything: RecordedDomainEvent[] = [];
  const countingOnly: RecordedDomainEvent[] = [];
  const flakyRuns: number[] = [];

  const record = (event: Parameters<typeof recordDomainEvent>[2]) =>
    t.db.transaction().execute((trx) => recordDomainEvent(trx, workspaceId, event));

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    workspaceId = (await createWorkspace(t.db, { slug: 'worker', name: 'Worker' })).id;
    worker = await startWorker({
      database: t,
      pollingIntervalSeconds: 0.5,
      dispatchPollMs: 60_000,
      subscribers: [
        defineSubscriber({
          name: 'everything',
          on: ['import.committed', 'counting.changed'],
          handle: async (event) => {
            everything.push(event);
          },
        }),
        defineSubscriber({
          name: 'counting-only',
          on: ['counting.changed'],
          handle: async (event) => {
            countingOnly.push(event);
          },
        }),
        defineSubscriber({
          name: 'flaky',
          on: ['import.committed'],
          retryDelaySeconds: 0,
          handle: async (_event, { retryCount }) => {
            flakyRuns.push(retryCount);
            if (retryCount === 0) throw new Error('fails the first time');
          },
        }),
      ],
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  it('runs each subscriber once for every event of its types, woken by the commit', async () => {
    const first = await record(countingChanged(2));
    const imported = await record({
      type: 'import.committed',
      payload: {
        importId: '00000000-0000-4000-8000-000000000001',
        entity: 'reps',
        dataVersion: 3,
        changedFrom: null,
        changedTo: null,
      },
    });
    const last = await record(countingChanged(4));
    await until(() => everything.length >= 3 && countingOnly.length >= 2, 'the handlers');
    expect(everything.map((e) => e.id).sort((a, b) => a - b)).toEqual([
      first.id,
      imported.id,
      last.id,
    ]);
    expect(countingOnly.map((e) => e.id).sort((a, b) => a - b)).toEqual([first.id, last.id]);
    expect(everything.find((e) => e.id === imported.id)).toEqual(imported);

    await until(() => flakyRuns.length >= 2, 'the retry');
    // Thrown on its first run, done on the retry: run twice, handled once.
    expect(flakyRuns).toEqual([0, 1]);
    const undispatched = await t.db
      .selectFrom('domain_events')
      .select('id')
      .where('dispatched_at', 'is', null)
      .execute();
    expect(undispatched).toEqual([]);
  });

  it('leaves events of a type this build does not know for a build that does', async () => {
    const { id } = await t.db
      .insertInto('domain_events')
      .values({ workspace_id: workspaceId, type: 'alert.raised', payload: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const boss = await openJobQueue(t);
    try {
      await dispatchDomainEvents(t.db, boss, []);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const row = await t.db
      .selectFrom('domain_events')
      .select('dispatched_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.dispatched_at).toBeNull();
    await sql`delete from domain_events where id = ${id}`.execute(t.db);
  });
});

/** A worker in a child process (src/testing/test-worker-process.ts). */
function spawnWorker(config: unknown, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', workerEntry], {
    cwd: packageRoot,
    env: { ...process.env, TEST_WORKER_DATABASE: JSON.stringify(config), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker ready')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid as number,
    ready,
    output: () => output,
    kill: async (signal: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const workerEntry = fileURLToPath(new URL('./testing/test-worker-process.ts', import.meta.url));

describe.each(databaseKindsUnderTest().filter((kind) => kind === 'postgres'))(
  'worker processes sharing %s',
  (kind) => {
    let t: TestDatabase;
    let workspaceId: string;
    const workers: ReturnType<typeof spawnWorker>[] = [];

    const handled = async () =>
      (
        await sql<{ event_id: number; pid: number; phase: string }>`
        select event_id, pid, phase from test_handled order by event_id, phase
      `.execute(t.db)
      ).rows.map((r) => ({ ...r, event_id: Number(r.event_id) }));
    const recordEvents = async (transactions: number, perTransaction: number) => {
      const ids: number[] = [];
      for (let i = 0; i < transactions; i++) {
        await t.db.transaction().execute(async (trx) => {
          for (let j = 0; j < perTransaction; j++) {
            ids.push((await recordDomainEvent(trx, workspaceId, countingChanged(i))).id);
          }
        });
      }
      return ids;
    };

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      workspaceId = (await createWorkspace(t.db, { slug: 'processes', name: 'Processes' })).id;
      await sql`create table test_handled (event_id bigint not null, pid int not null, phase text not null)`.execute(
        t.db,
      );
    });
    afterEach(async () => {
      for (const worker of workers.splice(0)) await worker.kill('SIGTERM');
      await sql`truncate test_handled`.execute(t.db);
    });
    afterAll(() => t.close());

    it('handles each event exactly once with two worker processes, both taking part', {
      timeout: 180_000,
    }, async () => {
      workers.push(spawnWorker(t.sharedConfig, { HANDLE_MS: '40' }));
      workers.push(spawnWorker(t.sharedConfig, { HANDLE_MS: '40' }));
      await Promise.all(workers.map((w) => w.ready));
      const ids = await recordEvents(20, 3);
      await until(
        async () => (await handled()).length >= ids.length,
        'every event handled',
        120_000,
      );
      // A moment for any second run to show.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const rows = await handled();
      expect(rows.map((r) => r.event_id)).toEqual([...ids].sort((a, b) => a - b));
      expect(rows.every((r) => r.phase === 'done')).toBe(true);
      expect(new Set(rows.map((r) => r.pid))).toEqual(new Set(workers.map((w) => w.pid)));
    });

    it('loses nothing when a worker is killed mid-job: the job expires and a restarted worker runs it', {
      timeout: 180_000,
    }, async () => {
      // A short expiry, so that the killed worker's job is soon taken as dead (both
      // workers set the queue's options; the victim is killed long before its own
      // handler would time out).
      const victim = spawnWorker(t.sharedConfig, { HANG_FIRST: '1', EXPIRE_SECONDS: '4' });
      workers.push(victim);
      await victim.ready;
      const [first] = await recordEvents(1, 1);
      await until(
        async () => (await handled()).some((r) => r.phase === 'started'),
        'the victim to start its job',
      );
      await victim.kill('SIGKILL');
      // Recorded while no worker runs: they wait in the outbox for the restarted one.
      const more = await recordEvents(5, 2);
      const survivor = spawnWorker(t.sharedConfig, { EXPIRE_SECONDS: '4' });
      workers.push(survivor);
      await survivor.ready;
      const ids = [first as number, ...more];
      await until(
        async () => (await handled()).filter((r) => r.phase === 'done').length >= ids.length,
        'every event handled after the kill',
        120_000,
      );
      // A moment for any second run to show.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const rows = await handled();
      const done = rows.filter((r) => r.phase === 'done');
      expect(done.map((r) => r.event_id).sort((a, b) => a - b)).toEqual(ids);
      expect(rows.find((r) => r.phase === 'started')).toEqual({
        event_id: first,
        pid: victim.pid,
        phase: 'started',
      });
      // The job the victim held was run again, once, by the restarted worker.
      expect(done.find((r) => r.event_id === first)?.pid).toBe(survivor.pid);
    });
  },
);
