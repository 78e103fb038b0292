import type { DomainEventOf, RecordedDomainEvent } from '@treeline/core';
import { createWorkspace, recordDomainEvent } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
