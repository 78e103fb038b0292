/**
 * The scoring routes against a real database: a model created, refused with the issue of
 * the rule at fault, previewed, scored, a contact's points explained, the lift table, a
 * backfill queued with its progress, and an editor's write refused to a viewer.
 */
import { createWorkspace, type Workspace } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../app';
import { appActingAs } from '../../testing/app-acting-as';

const model = {
  name: 'Fit',
  thresholds: [25],
  bands: [
    { label: 'Low', min: 0 },
    { label: 'High', min: 25 },
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
      kind: 'event',
      label: 'Pricing',
      event: 'page_view',
      where: { property: 'page', value: 'pricing' },
      points: 10,
      applies: 'every',
      cap: 30,
    },
  ],
};

const json = (body: unknown, method = 'POST') => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe.each(databaseKindsUnderTest())('scoring routes on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let app: ReturnType<typeof createApp>;
  let viewer: ReturnType<typeof createApp>;
  let contactIds: number[];

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'scoring', name: 'Scoring' });
    const contacts = await t.db
      .insertInto('contacts')
      .values(
        (['enterprise', 'smb', 'enterprise'] as const).map((segment, i) => ({
          workspace_id: ws.id,
          external_id: `c${i + 1}`,
          created_at: '2026-03-01T00:00:00Z',
          qualified_at: null,
          customer_at: i === 0 ? '2026-04-01T00:00:00Z' : null,
          lifecycle_stage: 'lead' as const,
          source: null,
          segment,
          owner_rep_id: null,
          account: null,
          deleted_at: null,
        })),
      )
      .returning('id')
      .execute();
    contactIds = contacts.map((c) => Number(c.id));
    await t.db
      .insertInto('engagement_events')
      .values(
        [0, 0, 1].map((c, i) => ({
          workspace_id: ws.id,
          external_id: `e${i}`,
          contact_id: contactIds[c] as number,
          type: 'page_view' as const,
          occurred_at: `2026-03-1${i}T00:00:00Z`,
          properties: JSON.stringify({ page: 'pricing' }),
        })),
      )
      .execute();
    const deps = { db: t.db, database: { kind: t.kind, location: t.location } };
    app = await appActingAs(deps, { workspaceId: ws.id });
    const [person] = await t.db
      .insertInto('people')
      .values({ workspace_id: ws.id, name: 'Vic', email: 'vic@example.com', role: 'viewer' })
      .returning('id')
      .execute();
    viewer = await appActingAs(deps, { workspaceId: ws.id, personId: person!.id });
  });
  afterAll(() => t.close());

  it('refuses a model whose rule names an unknown property, naming the rule and field', async () => {
    const bad = {
      ...model,
      rules: [
        ...model.rules,
        { kind: 'attribute', attribute: 'properties.size', operator: 'is_set', points: 3 },
      ],
    };
    const res = await app.request('/api/scoring/models', json(bad));
    expect(res.status).toBe(422);
    const problem = (await res.json()) as {
      detail: string;
      issues: Array<{ rule: number; field: string }>;
    };
    expect(problem.detail).toBe('rule 3: no contact has a custom property "size"');
    expect(problem.issues).toContainEqual(
      expect.objectContaining({ rule: 2, field: 'attribute', severity: 'error' }),
    );
  });

  it('previews each rule, counting the good ones while another is wrong', async () => {
    const res = await app.request(
      '/api/scoring/preview',
      json({
        rules: [
          ...model.rules,
          { kind: 'event', event: 'page_view', points: 'ten', applies: 'once' },
        ],
      }),
    );
    expect(res.status).toBe(200);
    const preview = (await res.json()) as {
      rules: Array<{ contacts: number }>;
      contacts: number;
      issues: unknown[];
    };
    expect(preview.contacts).toBe(3);
    expect(preview.rules.map((r) => r.contacts)).toEqual([2, 2, 0]);
    expect(preview.issues).toEqual([
      { rule: 2, field: 'points', message: 'points must be a number', severity: 'error' },
    ]);
  });

  it('creates, scores, explains, lifts and backfills a model; a viewer reads but cannot write', async () => {
    const created = await app.request('/api/scoring/models', json(model));
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      id: string;
      scoredContacts: number;
      warnings: unknown[];
    };
    expect(body.scoredContacts).toBe(3);
    expect(body.warnings).toEqual([]);

    const top = (await (await app.request(`/api/scoring/models/${body.id}/contacts`)).json()) as {
      contacts: Array<{ externalId: string; score: number; band: string }>;
    };
    // c1: enterprise 20 + two pricing views 20 = 40; c3: 20; c2: one view 10.
    expect(top.contacts.map((c) => [c.externalId, c.score, c.band])).toEqual([
      ['c1', 40, 'High'],
      ['c3', 20, 'Low'],
      ['c2', 10, 'Low'],
    ]);
    const c1 = (await (
      await app.request(`/api/scoring/models/${body.id}/contacts/${contactIds[0]}`)
    ).json()) as {
      rules: Array<{ label: string; matches: number; points: number }>;
    };
    expect(c1.rules).toEqual([
      { rule: 0, label: 'Enterprise', matches: 1, points: 20 },
      { rule: 1, label: 'Pricing', matches: 2, points: 20 },
    ]);
    const lift = (await (await app.request(`/api/scoring/models/${body.id}/lift`)).json()) as {
      overall: { contacts: number; converted: number };
      bands: Array<{ band: string; contacts: number; converted: number; lift: number | null }>;
    };
    expect(lift.overall).toMatchObject({ contacts: 3, converted: 1 });
    expect(lift.bands.map((b) => [b.band, b.contacts, b.converted])).toEqual([
      ['Low', 2, 0],
      ['High', 1, 1],
    ]);
    const backtest = await app.request(
      `/api/scoring/models/${body.id}/lift?asOf=2026-03-15&horizonDays=30`,
    );
    expect(((await backtest.json()) as { mode: string }).mode).toBe('backtest');

    const queued = await app.request(`/api/scoring/models/${body.id}/backfill`, { method: 'POST' });
    expect(queued.status).toBe(202);
    const progress = (await (
      await app.request(`/api/scoring/models/${body.id}/backfill`)
    ).json()) as {
      backfill: { status: string; stepsDone: number };
    };
    expect(progress.backfill).toMatchObject({ status: 'queued', stepsDone: 0 });

    expect((await viewer.request(`/api/scoring/models/${body.id}`)).status).toBe(200);
    expect(
      (await viewer.request(`/api/scoring/models/${body.id}`, json(model, 'PUT'))).status,
    ).toBe(403);
    expect(
      (await viewer.request(`/api/scoring/models/${body.id}/recompute`, { method: 'POST' })).status,
    ).toBe(403);

    const renamed = await app.request(
      `/api/scoring/models/${body.id}`,
      json({ ...model, name: 'Fit v2' }, 'PUT'),
    );
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { name: string }).name).toBe('Fit v2');
    expect((await app.request(`/api/scoring/models/${body.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await app.request(`/api/scoring/models/${body.id}`)).status).toBe(404);
  });
});
