/**
 * Scores follow imports through the worker: an import of events commits, the outbox wakes
 * the contact-scores subscriber, and only the contacts the import touched are rescored
 * (a duplicated event in the import scored once); a backfill asked for through the outbox
 * runs to its end with its progress readable. PGlite, and PostgreSQL when configured.
 */
import { Readable } from 'node:stream';
import type { ImportEntity, ScoreModelDraft } from '@treeline/core';
import {
  createWorkspace,
  findScoreBackfill,
  insertScoreModel,
  readJsonRecords,
  recomputeScores,
  requestScoreBackfill,
  runImport,
} from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreBackfills, scoresAfterImport } from './contact-scoring';
import { type RunningWorker, startWorker } from './start-worker';

async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  ms = 60_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ndjson = (rows: unknown[]) => Readable.from([rows.map((r) => JSON.stringify(r)).join('\n')]);

const model: ScoreModelDraft = {
  name: 'Engagement',
  description: '',
  thresholds: [],
  bands: [{ label: 'All', min: 0 }],
  rules: [
    {
      kind: 'event',
      label: 'Click',
      event: 'email_click',
      where: null,
      points: 5,
      applies: 'every',
      decayDays: null,
      cap: null,
    },
  ],
};

describe.each(databaseKindsUnderTest())('contact scoring in the worker on %s', (kind) => {
  let t: TestDatabase;
  let worker: RunningWorker | null = null;
  let workspaceId: string;
  let modelId: string;

  const load = (entity: ImportEntity, rows: unknown[]) =>
    runImport(
      { db: t.db, copyFrom: t.copyFrom },
      {
        workspaceId,
        entity,
        origin: 'api',
        mode: 'commit_valid',
        records: readJsonRecords(entity, ndjson(rows), 'ndjson'),
      },
    );
  const scoreRows = () =>
    t.db
      .selectFrom('contact_scores as s')
      .innerJoin('contacts as c', (j) =>
        j.onRef('c.workspace_id', '=', 's.workspace_id').onRef('c.id', '=', 's.contact_id'),
      )
      .select(['c.external_id', 's.score', 's.computed_at'])
      .where('s.model_id', '=', modelId)
      .orderBy('c.external_id')
      .execute();

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    workspaceId = (
      await createWorkspace(t.db, { slug: 'scores', name: 'Scores', time_zone: 'UTC' })
    ).id;
    await load(
      'contacts',
      ['c-1', 'c-2'].map((externalId) => ({
        externalId,
        createdAt: '2026-01-02T09:00:00Z',
        lifecycleStage: 'lead',
      })),
    );
    await load('events', [
      {
        externalId: 'e-1',
        contactExternalId: 'c-1',
        type: 'email_click',
        occurredAt: '2026-01-05T09:00:00Z',
      },
      {
        externalId: 'e-2',
        contactExternalId: 'c-2',
        type: 'email_click',
        occurredAt: '2026-01-06T09:00:00Z',
      },
    ]);
    modelId = (await insertScoreModel(t.db, workspaceId, model)).id;
    await recomputeScores(t.db, workspaceId, modelId);
    // The loads above are scored by that recompute: their events are not the worker's.
    await t.db.updateTable('domain_events').set({ dispatched_at: new Date() }).execute();
    worker = await startWorker({
      database: t,
      pollingIntervalSeconds: 0.5,
      dispatchPollMs: 1000,
      subscribers: [scoresAfterImport, scoreBackfills],
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  it('rescores only the contacts an import touched, a duplicated event once', async () => {
    const before = await scoreRows();
    expect(before.map((r) => [r.external_id, r.score])).toEqual([
      ['c-1', 5],
      ['c-2', 5],
    ]);
    const result = await load('events', [
      {
        externalId: 'e-3',
        contactExternalId: 'c-1',
        type: 'email_click',
        occurredAt: '2026-02-01T09:00:00Z',
      },
      // The same click twice in the file, and once more under another id.
      {
        externalId: 'e-4',
        contactExternalId: 'c-1',
        type: 'email_click',
        occurredAt: '2026-02-01T10:00:00Z',
      },
      {
        externalId: 'e-4',
        contactExternalId: 'c-1',
        type: 'email_click',
        occurredAt: '2026-02-01T10:00:00Z',
      },
      {
        externalId: 'e-5',
        contactExternalId: 'c-1',
        type: 'email_click',
        occurredAt: '2026-02-01T10:00:00Z',
      },
    ]);
    expect(result.status).toBe('committed');
    const after = await until(scoreRows, (rows) => rows[0]?.score !== 5, 'c-1 rescored');
    // 5 (e-1) + 5 (e-3) + 5 (e-4, whichever rows carried it).
    expect(after.map((r) => [r.external_id, r.score])).toEqual([
      ['c-1', 15],
      ['c-2', 5],
    ]);
    // c-2 was not in the import's span: its row was not recomputed.
    expect(after[1]?.computed_at).toEqual(before[1]?.computed_at);
  });

  it('runs a backfill asked for through the outbox, its progress readable', async () => {
    const backfill = await requestScoreBackfill(t.db, workspaceId, modelId);
    const done = await until(
      () => findScoreBackfill(t.db, workspaceId, backfill.id),
      (b) => b?.status === 'done' || b?.status === 'failed',
      'the backfill',
      120_000,
    );
    expect(done).toMatchObject({ status: 'done' });
    expect(done?.stepsDone).toBe(done?.stepsTotal);
    expect((await scoreRows()).map((r) => [r.external_id, r.score])).toEqual([
      ['c-1', 15],
      ['c-2', 5],
    ]);
  });
});
