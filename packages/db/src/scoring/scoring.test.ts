/**
 * Contact scoring against scores worked out by hand: attribute and event rules, once and
 * every time, decay, caps, duplicated events counted once; thresholds fire once per
 * crossing (a record, the owner's notification, a webhook delivery), history answers
 * "score on date D" and "when did it cross 50", backfill with progress that stops when the
 * model is deleted. PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import type { ScoreModelDraft } from '@treeline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWebhookEndpoint } from '../delivery/webhook-endpoint.repository';
import type { Workspace } from '../schema/database';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  domainErrorOf,
  type TestDatabase,
} from '../testing';
import { createWorkspace } from '../workspaces/workspace.repository';
import { recomputeScores } from './recompute-scores';
import { findScoreBackfill, requestScoreBackfill, runScoreBackfill } from './score-backfill';
import {
  checkedScoreModel,
  deleteScoreModel,
  insertScoreModel,
  listScoreModels,
} from './score-model.repository';
import {
  lastCrossedUp,
  previewScoreRules,
  readContactScore,
  scoreLiftTable,
  scoreOnDate,
} from './score-reads';

const at = (iso: string) => new Date(iso);

const draft: ScoreModelDraft = {
  name: 'Fit and engagement',
  description: '',
  thresholds: [50],
  bands: [
    { label: 'Cold', min: 0 },
    { label: 'Warm', min: 30 },
    { label: 'Hot', min: 60 },
  ],
  rules: [
    {
      kind: 'attribute',
      label: 'Enterprise',
      attribute: 'segment',
      operator: 'equals',
      value: 'enterprise',
      points: 20,
    },
    {
      kind: 'attribute',
      label: 'Referral',
      attribute: 'source',
      operator: 'equals',
      value: 'referral',
      points: 10,
    },
    {
      kind: 'attribute',
      label: 'SaaS or fintech',
      attribute: 'properties.industry',
      operator: 'in',
      value: ['saas', 'fintech'],
      points: 5,
    },
    {
      kind: 'event',
      label: 'Pricing page',
      event: 'page_view',
      where: { property: 'page', value: 'pricing' },
      points: 10,
      applies: 'every',
      decayDays: 90,
      cap: 25,
    },
    {
      kind: 'event',
      label: 'Email click',
      event: 'email_click',
      where: null,
      points: 5,
      applies: 'once',
      decayDays: null,
      cap: null,
    },
    {
      kind: 'event',
      label: 'Meeting held',
      event: 'activity.meeting',
      where: null,
      points: 15,
      applies: 'every',
      decayDays: null,
      cap: null,
    },
    {
      kind: 'attribute',
      label: 'SMB',
      attribute: 'segment',
      operator: 'equals',
      value: 'smb',
      points: -5,
    },
    {
      kind: 'event',
      label: 'Replied',
      event: 'activity.reply',
      where: null,
      points: 8,
      applies: 'once',
      decayDays: null,
      cap: null,
    },
  ],
};

describe.each(databaseKindsUnderTest())('contact scoring on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let other: Workspace;
  let personId: string;
  let repId: number;
  let ids: Record<string, number>;
  let modelId: string;
  let eventSeq = 0;

  const event = (contact: string, type: string, occurred: string, properties: object = {}) => ({
    workspace_id: ws.id,
    external_id: `e${++eventSeq}`,
    contact_id: ids[contact] as number,
    type: type as 'page_view',
    occurred_at: occurred,
    properties: JSON.stringify(properties),
  });
  let activitySeq = 0;
  const activity = (
    contact: string,
    channel: 'meeting' | 'email',
    occurred: string,
    extra: object = {},
  ) => ({
    workspace_id: ws.id,
    external_id: `a${++activitySeq}`,
    contact_id: ids[contact] as number,
    rep_id: repId,
    channel,
    occurred_at: occurred,
    direction: 'outbound' as const,
    excluded_reason: null,
    deleted_at: null,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'scoring', name: 'Scoring Co' });
    other = await createWorkspace(t.db, { slug: 'other', name: 'Other Co' });
    const person = await t.db
      .insertInto('people')
      .values({ workspace_id: ws.id, name: 'Maya Chen', email: 'maya@example.com', role: 'editor' })
      .returning('id')
      .executeTakeFirstOrThrow();
    personId = person.id;
    const rep = await t.db
      .insertInto('reps')
      .values({
        workspace_id: ws.id,
        external_id: 'r1',
        name: 'Maya Chen',
        team: null,
        segment: null,
        person_id: personId,
        active_from: null,
        active_to: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    repId = Number(rep.id);
    const contact = (
      external_id: string,
      segment: 'enterprise' | 'smb' | 'mid_market',
      source: string | null,
      owner: number | null,
      properties: object = {},
    ) => ({
      workspace_id: ws.id,
      external_id,
      created_at: '2026-05-01T08:00:00Z',
      qualified_at: null,
      customer_at: null,
      lifecycle_stage: 'lead' as const,
      source,
      segment,
      owner_rep_id: owner,
      account: null,
      properties: JSON.stringify(properties),
      deleted_at: null,
    });
    const rows = await t.db
      .insertInto('contacts')
      .values([
        contact('c1', 'enterprise', 'referral', repId, { industry: 'saas' }),
        contact('c2', 'smb', 'ads', repId),
        contact('c3', 'mid_market', null, null),
      ])
      .returning(['id', 'external_id'])
      .execute();
    ids = Object.fromEntries(rows.map((r) => [r.external_id, Number(r.id)]));
    await t.db
      .insertInto('engagement_events')
      .values([
        event('c1', 'page_view', '2026-06-01T09:00:00Z', { page: 'pricing' }),
        event('c1', 'page_view', '2026-06-10T09:00:00Z', { page: 'pricing' }),
        event('c1', 'page_view', '2026-06-20T09:00:00Z', { page: 'pricing' }),
        // The same view arriving again under another id: counted once.
        event('c1', 'page_view', '2026-06-20T09:00:00Z', { page: 'pricing' }),
        event('c1', 'page_view', '2026-06-21T09:00:00Z', { page: 'blog' }),
        event('c1', 'email_click', '2026-04-01T09:00:00Z', { campaign: 'spring' }),
        event('c1', 'email_click', '2026-06-05T10:00:00Z', { campaign: 'june' }),
        event('c2', 'email_click', '2026-06-25T09:00:00Z', { campaign: 'june' }),
        // Older than the 90 days the pricing rule keeps its points.
        event('c2', 'page_view', '2026-01-01T09:00:00Z', { page: 'pricing' }),
      ])
      .execute();
    await t.db
      .insertInto('activities')
      .values([
        activity('c1', 'meeting', '2026-06-15T15:00:00Z'),
        activity('c3', 'meeting', '2026-06-15T15:00:00Z', { excluded_reason: 'internal_note' }),
        activity('c3', 'email', '2026-06-16T15:00:00Z', { replied: true }),
      ])
      .execute();
    await insertWebhookEndpoint(t.db, {
      workspaceId: ws.id,
      name: 'CRM automation',
      url: 'http://127.0.0.1:9/hook',
      secret: 'whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=',
      events: ['score.threshold_crossed'],
    });
    await insertWebhookEndpoint(t.db, {
      workspaceId: ws.id,
      name: 'Alerts only',
      url: 'http://127.0.0.1:9/alerts',
      secret: 'whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=',
      events: ['alert.raised'],
    });
  });
  afterAll(() => t.close());

  const scores = async () => {
    const rows = await t.db
      .selectFrom('contact_scores')
      .select(['contact_id', 'score', 'band'])
      .where('workspace_id', '=', ws.id)
      .where('model_id', '=', modelId)
      .execute();
    const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return Object.fromEntries(rows.map((r) => [byId[Number(r.contact_id)], [r.score, r.band]]));
  };
  const liveCrossings = () =>
    t.db
      .selectFrom('score_threshold_crossings')
      .selectAll()
      .where('workspace_id', '=', ws.id)
      .where('backfilled', '=', false)
      .orderBy('crossed_at')
      .execute();

  it('refuses a rule on a property the workspace does not have, naming the rule', async () => {
    const bad = {
      ...draft,
      rules: [
        ...draft.rules,
        { kind: 'attribute', attribute: 'properties.shoe_size', operator: 'is_set', points: 1 },
      ],
    };
    const error = await domainErrorOf(checkedScoreModel(t.db, ws.id, bad));
    expect(error.code).toBe('invalid_score_model');
    expect(error.message).toBe('rule 9: no contact has a custom property "shoe_size"');
  });

  it('previews how many contacts each rule touches', async () => {
    const preview = await previewScoreRules(t.db, ws.id, draft);
    // The pricing rule's 90 days run back from now: c1's June views are past them by now.
    expect(preview.contacts).toBe(3);
    expect(preview.rules.map((r) => r.contacts)).toEqual([1, 1, 1, expect.any(Number), 2, 1, 1, 1]);
  });

  it('scores every contact by hand-computed points: once, every, decay, cap, negative points', async () => {
    const { draft: checked } = await checkedScoreModel(t.db, ws.id, draft);
    modelId = (await insertScoreModel(t.db, ws.id, checked)).id;
    const outcome = await recomputeScores(t.db, ws.id, modelId, {
      asOf: at('2026-06-30T00:00:00Z'),
    });
    expect(outcome).toMatchObject({ scored: 3, changed: 3 });
    // c1: 20 + 10 + 5 + pricing 3 views × 10 capped at 25 + one click 5 + one meeting 15 = 80.
    // c2: smb −5 + click 5; its pricing view is older than 90 days = 0.
    // c3: the excluded meeting gives nothing, the reply 8.
    expect(await scores()).toEqual({ c1: [80, 'Hot'], c2: [0, 'Cold'], c3: [8, 'Cold'] });
    // The first computation records c1's crossing of 50 as history, and tells nobody.
    expect(outcome?.crossings).toBe(1);
    expect(outcome?.notified).toBe(0);
    expect(await liveCrossings()).toEqual([]);
    const c1 = await readContactScore(t.db, ws.id, modelId, draft, ids.c1 as number);
    expect(c1?.rules.map((r) => [r.rule, r.matches, r.points])).toEqual([
      [0, 1, 20],
      [1, 1, 10],
      [2, 1, 5],
      [3, 3, 25],
      [4, 2, 5],
      [5, 1, 15],
    ]);
    expect((await listScoreModels(t.db, ws.id))[0]?.scoredContacts).toBe(3);
    expect(await listScoreModels(t.db, other.id)).toEqual([]);
  });

  it('fires a threshold once per crossing, up and down: record, notification, webhook', async () => {
    // c2 holds four meetings: −5 + 5 + 60 = 60, up across 50.
    const meetings = await t.db
      .insertInto('activities')
      .values([1, 2, 3, 4].map((d) => activity('c2', 'meeting', `2026-06-2${d}T10:00:00Z`)))
      .returning('id')
      .execute();
    const up = await recomputeScores(t.db, ws.id, modelId, {
      asOf: at('2026-07-01T00:00:00Z'),
      scope: {
        kind: 'touched',
        table: 'activities',
        from: at('2026-06-21T10:00:00Z'),
        to: at('2026-06-24T10:00:00Z'),
      },
    });
    expect(up).toMatchObject({ scored: 1, changed: 1, crossings: 1, notified: 1 });
    // Again with nothing new: nothing crosses.
    const again = await recomputeScores(t.db, ws.id, modelId, { asOf: at('2026-07-01T12:00:00Z') });
    expect(again).toMatchObject({ scored: 3, changed: 0, crossings: 0 });
    // Three meetings deleted: 15, down across 50.
    await t.db
      .updateTable('activities')
      .set({ deleted_at: '2026-07-01T13:00:00Z' })
      .where(
        'id',
        'in',
        meetings.slice(1).map((m) => m.id),
      )
      .execute();
    const down = await recomputeScores(t.db, ws.id, modelId, { asOf: at('2026-07-02T00:00:00Z') });
    expect(down).toMatchObject({ changed: 1, crossings: 1, notified: 1 });

    const crossings = await liveCrossings();
    expect(
      crossings.map((c) => [
        Number(c.contact_id),
        c.threshold,
        c.direction,
        c.from_score,
        c.to_score,
      ]),
    ).toEqual([
      [ids.c2, 50, 'up', 0, 60],
      [ids.c2, 50, 'down', 60, 15],
    ]);
    const notes = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('workspace_id', '=', ws.id)
      .orderBy('created_at')
      .execute();
    expect(notes.map((n) => [n.person_id, n.kind, n.title])).toEqual([
      [personId, 'score_threshold', 'c2 rose above 50 on Fit and engagement'],
      [personId, 'score_threshold', 'c2 fell below 50 on Fit and engagement'],
    ]);
    const deliveries = await t.db
      .selectFrom('deliveries')
      .selectAll()
      .where('workspace_id', '=', ws.id)
      .execute();
    expect(deliveries).toHaveLength(2);
    expect(
      deliveries.every(
        (d) => d.event_type === 'score.threshold_crossed' && d.channel === 'webhook',
      ),
    ).toBe(true);
    expect(
      deliveries.map((d) => (d.payload as { body: { direction: string } }).body.direction).sort(),
    ).toEqual(['down', 'up']);

    // History answers the score on a date and when the contact crossed 50.
    expect(
      await scoreOnDate(t.db, ws.id, modelId, ids.c2 as number, at('2026-06-30T12:00:00Z')),
    ).toBe(0);
    expect(
      await scoreOnDate(t.db, ws.id, modelId, ids.c2 as number, at('2026-07-01T18:00:00Z')),
    ).toBe(60);
    expect(
      await scoreOnDate(t.db, ws.id, modelId, ids.c2 as number, at('2026-07-05T00:00:00Z')),
    ).toBe(15);
    expect(
      await scoreOnDate(t.db, ws.id, modelId, ids.c2 as number, at('2026-06-01T00:00:00Z')),
    ).toBeNull();
    expect(await lastCrossedUp(t.db, ws.id, modelId, ids.c2 as number, 50)).toEqual(
      at('2026-07-01T00:00:00Z'),
    );
  });

  it('tells the lift of each band, now and as a backtest', async () => {
    await t.db
      .updateTable('contacts')
      .set({ customer_at: '2026-06-28T00:00:00Z' })
      .where('id', '=', ids.c1 as number)
      .execute();
    const current = await scoreLiftTable(t.db, ws.id, modelId, draft);
    expect(current.overall).toMatchObject({ contacts: 3, converted: 1 });
    expect(current.bands.map((b) => [b.band, b.contacts, b.converted])).toEqual([
      ['Cold', 2, 0],
      ['Warm', 0, 0],
      ['Hot', 1, 1],
    ]);
    expect(current.bands[2]?.lift).toBeCloseTo(3, 9);
    // As of 20 June c1 scored 20+10+5+25+5+15 = 80 (three pricing views by then); it converted within 30 days.
    const backtest = await scoreLiftTable(t.db, ws.id, modelId, draft, {
      asOf: at('2026-06-20T12:00:00Z'),
      horizonDays: 30,
    });
    expect(backtest.bands.map((b) => [b.band, b.contacts, b.converted])).toEqual([
      ['Cold', 2, 0],
      ['Warm', 0, 0],
      ['Hot', 1, 1],
    ]);
  });

  it('backfills history with progress, and stops cleanly when the model is deleted', async () => {
    const backfill = await requestScoreBackfill(t.db, ws.id, modelId);
    const progress: number[] = [];
    const status = await runScoreBackfill(t.db, ws.id, backfill.id, {
      now: at('2026-07-03T00:00:00Z'),
      onStep: async (done) => {
        progress.push(done);
      },
    });
    expect(status).toBe('done');
    const read = await findScoreBackfill(t.db, ws.id, backfill.id);
    expect(read).toMatchObject({ status: 'done', stepsDone: read?.stepsTotal });
    expect(progress).toHaveLength(read?.stepsTotal ?? -1);
    // 5 June: 20 + 10 + 5, one pricing view (1 June) 10, the April click 5 = 50.
    expect(
      await scoreOnDate(t.db, ws.id, modelId, ids.c1 as number, at('2026-06-05T12:00:00Z')),
    ).toBe(50);
    expect(await lastCrossedUp(t.db, ws.id, modelId, ids.c1 as number, 50)).toEqual(
      at('2026-06-02T00:00:00Z'),
    );
    // Backfilled crossings are history: nobody is told again.
    expect(
      await t.db
        .selectFrom('notifications')
        .select('id')
        .where('workspace_id', '=', ws.id)
        .execute(),
    ).toHaveLength(2);
    expect(await scores()).toEqual({ c1: [80, 'Hot'], c2: [15, 'Cold'], c3: [8, 'Cold'] });

    const second = await requestScoreBackfill(t.db, ws.id, modelId);
    const stopped = await runScoreBackfill(t.db, ws.id, second.id, {
      now: at('2026-07-03T00:00:00Z'),
      onStep: async (done) => {
        if (done === 2) expect(await deleteScoreModel(t.db, ws.id, modelId)).toBe(true);
      },
    });
    expect(stopped).toBe('cancelled');
    expect(await findScoreBackfill(t.db, ws.id, second.id)).toMatchObject({
      status: 'cancelled',
      stepsDone: 2,
      message: 'the model was deleted while it was backfilled',
    });
    expect(
      await t.db
        .selectFrom('contact_scores')
        .select('contact_id')
        .where('workspace_id', '=', ws.id)
        .execute(),
    ).toEqual([]);
  });
});
