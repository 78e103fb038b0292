import { Readable } from 'node:stream';
import type { RecordedDomainEvent } from '@treeline/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCountingSettings } from '../counting/change-counting-settings';
import { importCsv } from '../ingest/import-csv';
import { readJsonRecords } from '../ingest/read-json-records';
import { runImport } from '../ingest/run-import';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { createWorkspace, findWorkspaceById } from '../workspaces/workspace.repository';
import { listDomainEvents, recordDomainEvent } from './domain-event.repository';
import { DomainEventFeed } from './domain-event-feed';

const ndjson = (rows: unknown[]) => Readable.from([rows.map((r) => JSON.stringify(r)).join('\n')]);

/** Resolves with the first `count` events the feed hands out (fails after `ms`). */
function nextEvents(feed: DomainEventFeed, count: number, ms = 60_000) {
  return new Promise<RecordedDomainEvent[]>((resolve, reject) => {
    const seen: RecordedDomainEvent[] = [];
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the feed handed out ${seen.length} of ${count} events in ${ms} ms`));
    }, ms);
    const stop = feed.listen((event) => {
      seen.push(event);
      if (seen.length === count) {
        clearTimeout(timer);
        stop();
        resolve(seen);
      }
    });
  });
}

describe.each(databaseKindsUnderTest())('the domain-event outbox on %s', (kind) => {
  let t: TestDatabase;
  let workspaceId: string;

  const importReps = (rows: unknown[]) =>
    runImport(
      { db: t.db, ...(t.copyFrom ? { copyFrom: t.copyFrom } : {}) },
      {
        workspaceId,
        entity: 'reps',
        origin: 'api',
        mode: 'commit_valid',
        records: readJsonRecords('reps', ndjson(rows), 'ndjson'),
      },
    );
  const eventsOfWorkspace = () => listDomainEvents(t.db, workspaceId);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    workspaceId = (await createWorkspace(t.db, { slug: 'outbox', name: 'Outbox' })).id;
  });
  afterAll(() => t.close());

  it("records a committed import's event in its transaction, and none for a refused one", async () => {
    const committed = await importReps([{ externalId: 'r-1', name: 'Ada', team: 'A' }]);
    expect(committed.status).toBe('committed');
    const events = await eventsOfWorkspace();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: committed.event?.id,
      type: 'import.committed',
      payload: {
        importId: committed.importId,
        entity: 'reps',
        dataVersion: committed.dataVersion,
        changedFrom: null,
        changedTo: null,
      },
    });

    const refused = await importCsv(
      { db: t.db },
      {
        workspaceId,
        origin: 'csv',
        mapping: {
          entity: 'reps',
          fields: { externalId: { column: 'Id' }, name: { column: 'Name' } },
        },
        source: Readable.from([Buffer.from('Id,Name\nr-2,Bo\n,Cy\n')]),
        fileName: 'reps.csv',
      },
    );
    expect(refused.status).toBe('refused');
    expect(await eventsOfWorkspace()).toHaveLength(1);
  });

  it("records a counting change's event with what changed, and nothing for a change to the same values", async () => {
    const before = await findWorkspaceById(t.db, workspaceId);
    const changed = await changeCountingSettings(t.db, workspaceId, {
      countingPolicy: 'manual_only',
      duplicateToleranceSeconds: before?.duplicate_tolerance_seconds,
    });
    expect(Number(changed.data_version)).toBe(Number(before?.data_version) + 1);
    const last = (await eventsOfWorkspace()).at(-1);
    expect(last).toMatchObject({
      type: 'counting.changed',
      payload: {
        dataVersion: Number(changed.data_version),
        changes: { countingPolicy: { from: 'all_touches', to: 'manual_only' } },
      },
    });
    expect(last?.payload).not.toHaveProperty('changes.duplicateToleranceSeconds');

    const count = (await eventsOfWorkspace()).length;
    const same = await changeCountingSettings(t.db, workspaceId, { countingPolicy: 'manual_only' });
    expect(same.data_version).toBe(changed.data_version);
    expect(await eventsOfWorkspace()).toHaveLength(count);
  });

  it('undoes the writer when its event cannot be recorded: no import, no setting change, no event', async () => {
    const before = await eventsOfWorkspace();
    const workspace = await findWorkspaceById(t.db, workspaceId);
    await sql`
      create function refuse_domain_events() returns trigger language plpgsql as $$
      begin raise exception 'outbox refused'; end $$
    `.execute(t.db);
    await sql`
      create trigger refuse_domain_events before insert on domain_events
      for each row execute function refuse_domain_events()
    `.execute(t.db);
    try {
      await expect(importReps([{ externalId: 'r-9', name: 'Nine', team: 'A' }])).rejects.toThrow(
        /outbox refused/,
      );
      await expect(
        changeCountingSettings(t.db, workspaceId, { duplicateToleranceSeconds: 900 }),
      ).rejects.toThrow(/outbox refused/);
    } finally {
      await sql`drop trigger refuse_domain_events on domain_events`.execute(t.db);
      await sql`drop function refuse_domain_events()`.execute(t.db);
    }
    const reps = await t.db
      .selectFrom('reps')
      .select('external_id')
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(reps.map((r) => r.external_id)).toEqual(['r-1']);
    expect(await findWorkspaceById(t.db, workspaceId)).toMatchObject({
      duplicate_tolerance_seconds: workspace?.duplicate_tolerance_seconds,
      data_version: workspace?.data_version,
    });
    expect(await eventsOfWorkspace()).toEqual(before);
  });

  it('refuses an event whose payload does not fit its type, rolling the writer back', async () => {
    const before = await eventsOfWorkspace();
    await expect(
      t.db.transaction().execute((trx) =>
        recordDomainEvent(trx, workspaceId, {
          type: 'counting.changed',
          payload: { dataVersion: 1.5, changes: {} },
        }),
      ),
    ).rejects.toThrow(/dataVersion/);
    expect(await eventsOfWorkspace()).toEqual(before);
  });

  it('feeds events recorded after it started, in order, woken by NOTIFY alone', {
    timeout: 120_000,
  }, async () => {
    const feed = new DomainEventFeed(t.db, { listen: t.listen, pollMs: null });
    await feed.start();
    try {
      const heard = nextEvents(feed, 2);
      const first = await importReps([{ externalId: 'r-1', name: 'Ada Lovelace', team: 'A' }]);
      const setting = await changeCountingSettings(t.db, workspaceId, {
        countingPolicy: 'all_touches',
      });
      const events = await heard;
      expect(events.map((e) => [e.type, e.workspaceId])).toEqual([
        ['import.committed', workspaceId],
        ['counting.changed', workspaceId],
      ]);
      expect(events[0]).toMatchObject({
        id: first.event?.id,
        payload: { importId: first.importId },
      });
      expect(events[1]).toMatchObject({
        payload: { dataVersion: Number(setting.data_version) },
      });
    } finally {
      await feed.stop();
    }
  });
});

describe.each(databaseKindsUnderTest().filter((kind) => kind === 'postgres'))(
  'the live feed with concurrent writers on %s',
  (kind) => {
    let t: TestDatabase;
    let workspaceId: string;

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      workspaceId = (await createWorkspace(t.db, { slug: 'feed', name: 'Feed' })).id;
    });
    afterAll(() => t.close());

    /** Waits until `heard` holds `count` ids (other sessions' transactions may hold it back a while). */
    async function heardAtLeast(heard: number[], count: number, ms = 60_000) {
      const until = Date.now() + ms;
      while (heard.length < count) {
        if (Date.now() > until) throw new Error(`heard only ${heard.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    /** A transaction on a connection of its own that records an event, then waits to commit. */
    function openWriter(dataVersion: number) {
      let commit!: () => void;
      let recorded!: (id: number) => void;
      const committedWhen = new Promise<void>((resolve) => {
        commit = resolve;
      });
      const recordedId = new Promise<number>((resolve) => {
        recorded = resolve;
      });
      const done = t.db.transaction().execute(async (trx) => {
        const event = await recordDomainEvent(trx, workspaceId, {
          type: 'counting.changed',
          payload: { dataVersion, changes: {} },
        });
        recorded(event.id);
        await committedWhen;
      });
      const commitAndWait = async () => {
        commit();
        await done;
      };
      return { recordedId, commit: commitAndWait };
    }

    it('never passes over an event whose transaction took a lower id but committed later', {
      timeout: 120_000,
    }, async () => {
      // Running before the feed starts: its event is still after the feed's head.
      const early = openWriter(1);
      const earlyId = await early.recordedId;
      const feed = new DomainEventFeed(t.db, { listen: t.listen, pollMs: null, heldRetryMs: 20 });
      await feed.start();
      try {
        const heard: number[] = [];
        feed.listen((event) => heard.push(event.id));
        const slow = openWriter(2);
        const slowId = await slow.recordedId;
        const fast = openWriter(3);
        const fastId = await fast.recordedId;
        expect(earlyId).toBeLessThan(slowId);
        expect(slowId).toBeLessThan(fastId);

        await fast.commit();
        await feed.catchUp();
        // The later event is committed, but older transactions still run: it is held back.
        expect(heard).toEqual([]);
        await early.commit();
        await heardAtLeast(heard, 1);
        expect(heard).toEqual([earlyId]);
        await slow.commit();
        await heardAtLeast(heard, 3);
        // In commit-safe order (transaction, then id): the lower id, committed last, is not lost.
        expect(heard).toEqual([earlyId, slowId, fastId]);
      } finally {
        await feed.stop();
      }
    });
  },
);
