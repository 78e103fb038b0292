import { ACTIVITY_PER_CONTACT_TEMPLATE, type TreeView } from '@treeline/core';
import {
  bumpDataVersion,
  createTreeFromTemplate,
  createWorkspace,
  type NewActivity,
  TreeViewCache,
} from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../app';
import { appActingAs } from '../../testing/app-acting-as';

/**
 * Hand-counted fixture in America/New_York; "now" is 15 Nov 2026, so the last complete
 * month is Oct 2026 and the one before Sep 2026.
 *   Oct: calls c1,c1,c2 · email c1 · meeting c2 · social c3 (31 Oct 23:30 local = 1 Nov UTC)
 *        · task c2 → 7 counted, 3 active contacts; plus a note and a deleted call (excluded)
 *   Sep: call c1 · email c3 · call c3 (30 Sep 22:00 local = 1 Oct UTC) → 3 counted, 2 contacts
 */
const NOW = new Date('2026-11-15T12:00:00Z');

describe.each(databaseKindsUnderTest())('trees API on %s', (kind) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let treeId: string;
  let workspaceId: string;
  let contactId: number;
  const cache = new TreeViewCache();

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const ws = await createWorkspace(t.db, {
      slug: 'fixture',
      name: 'Fixture Co',
      time_zone: 'America/New_York',
    });
    workspaceId = ws.id;
    const [ann] = await t.db
      .insertInto('people')
      .values({
        workspace_id: ws.id,
        name: 'Ann Marie Lee',
        email: 'ann@example.com',
        role: 'admin',
      })
      .returning('id')
      .execute();
    const rep = await t.db
      .insertInto('reps')
      .values({
        workspace_id: ws.id,
        external_id: 'r1',
        name: 'Rep One',
        team: 'A',
        segment: 'smb',
        person_id: null,
        active_from: null,
        active_to: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contacts = await t.db
      .insertInto('contacts')
      .values(
        ['c1', 'c2', 'c3'].map((external_id) => ({
          workspace_id: ws.id,
          external_id,
          created_at: '2026-08-01T00:00:00Z',
          qualified_at: null,
          customer_at: null,
          lifecycle_stage: 'contact' as const,
          source: 'referral',
          segment: 'smb' as const,
          owner_rep_id: rep.id,
          account: null,
          deleted_at: null,
        })),
      )
      .returning(['id', 'external_id'])
      .execute();
    const contact = (ext: string) => contacts.find((c) => c.external_id === ext)!.id;
    let n = 0;
    const activity = (
      ext: string,
      channel: NewActivity['channel'],
      at: string,
      excluded_reason: NewActivity['excluded_reason'] = null,
    ): NewActivity => ({
      workspace_id: ws.id,
      external_id: `a${++n}`,
      contact_id: contact(ext),
      rep_id: rep.id,
      channel,
      occurred_at: at,
      direction: 'outbound',
      deleted_at: excluded_reason === 'deleted' ? at : null,
      excluded_reason,
    });
    await t.db
      .insertInto('activities')
      .values([
        activity('c1', 'call', '2026-10-05T15:00:00Z'),
        activity('c1', 'call', '2026-10-06T15:00:00Z'),
        activity('c2', 'call', '2026-10-07T15:00:00Z'),
        activity('c1', 'email', '2026-10-08T15:00:00Z'),
        activity('c2', 'meeting', '2026-10-09T15:00:00Z'),
        activity('c3', 'social', '2026-11-01T03:30:00Z'),
        activity('c2', 'task', '2026-10-10T15:00:00Z'),
        activity('c1', 'note', '2026-10-11T15:00:00Z', 'internal_note'),
        activity('c3', 'call', '2026-10-12T15:00:00Z', 'deleted'),
        activity('c1', 'call', '2026-09-10T15:00:00Z'),
        activity('c3', 'email', '2026-09-20T15:00:00Z'),
        activity('c3', 'call', '2026-10-01T02:00:00Z'),
        // Outside both months: 1 Nov local, and August.
        activity('c1', 'call', '2026-11-01T05:00:00Z'),
        activity('c2', 'call', '2026-08-20T15:00:00Z'),
      ])
      .execute();
    treeId = await createTreeFromTemplate(t.db, ws.id, ACTIVITY_PER_CONTACT_TEMPLATE, {
      root: { accountable: ann!.id, responsible: [ann!.id] },
    });
    app = await appActingAs(
      {
        db: t.db,
        database: { kind: t.kind, location: t.location },
        now: () => NOW,
        treeViewCache: cache,
      },
      { workspaceId: ws.id, personId: ann!.id },
    );
    contactId = contact('c2');
  });
  afterAll(() => t.close());

  it('lists the workspace trees', async () => {
    const res = await app.request('/api/trees');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      trees: Array<{ id: string; nodeCount: number; templateKey: string }>;
    };
    expect(body.trees).toEqual([
      expect.objectContaining({ id: treeId, nodeCount: 16, templateKey: 'activity_per_contact' }),
    ]);
  });

  it('computes activity per contact and its channel split for the last complete month', async () => {
    const res = await app.request(`/api/trees/${treeId}/view?grain=month&periods=3`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as TreeView;
    expect(view.period).toMatchObject({
      label: 'Oct 2026',
      toDate: false,
      start: '2026-10-01T04:00:00.000Z',
      end: '2026-11-01T04:00:00.000Z',
    });
    expect(view.previousPeriod.label).toBe('Sep 2026');
    const node = (label: string) => view.nodes.find((x) => x.label === label)!;
    const root = node('Activity volume per contact');
    expect(root).toMatchObject({
      numerator: 7,
      denominator: 3,
      accountable: { name: 'Ann Marie Lee', initials: 'AL' },
      responsibleCount: 1,
      error: null,
    });
    expect(root.value).toBeCloseTo(7 / 3, 12);
    expect(root.previousValue).toBeCloseTo(1.5, 12);
    expect(root.change?.absolute).toBeCloseTo(7 / 3 - 1.5, 12);
    expect(root.change?.percent).toBeCloseTo(((7 / 3 - 1.5) / 1.5) * 100, 9);
    expect(root.series.map((p) => p.label)).toEqual(['Aug 2026', 'Sep 2026', 'Oct 2026']);
    expect(root.series[0]?.value).toBe(1);

    // Each channel divides by all active contacts, so the channels add up.
    expect(node('Calls per contact')).toMatchObject({
      value: 1,
      previousValue: 1,
      numerator: 3,
      denominator: 3,
    });
    expect(node('Emails per contact').value).toBeCloseTo(1 / 3, 12);
    expect(node('Emails per contact').previousValue).toBeCloseTo(0.5, 12);
    expect(node('Meetings per contact').value).toBeCloseTo(1 / 3, 12);
    expect(node('Meetings per contact').previousValue).toBe(0);
    expect(node('Social touches per contact').value).toBeCloseTo(1 / 3, 12);

    // Sum edges carry each child's change; tasks have no node, so "other" holds them.
    const contribution = (label: string) =>
      view.edges.find((e) => e.target === node(label).id)!.contribution!;
    expect(contribution('Calls per contact')).toBeCloseTo(0, 12);
    expect(contribution('Emails per contact')).toBeCloseTo(1 / 3 - 0.5, 12);
    expect(contribution('Meetings per contact')).toBeCloseTo(1 / 3, 12);
    expect(view.residuals).toHaveLength(1);
    expect(view.residuals[0]?.nodeId).toBe(root.id);
    expect(view.residuals[0]?.value).toBeCloseTo(1 / 3, 12);
  });

  it('evaluates a tree over an explicit range with the same values as the view', async () => {
    const res = await app.request(
      `/api/trees/${treeId}/values?from=2026-08-01&to=2026-11-01&grain=month`,
    );
    expect(res.status).toBe(200);
    const view = (await res.json()) as TreeView;
    // Dates are local midnights in the workspace zone (America/New_York here).
    expect(view.period).toMatchObject({ label: 'Oct 2026', start: '2026-10-01T04:00:00.000Z' });
    const root = view.nodes.find((x) => x.label === 'Activity volume per contact')!;
    expect(root.series.map((p) => p.label)).toEqual(['Aug 2026', 'Sep 2026', 'Oct 2026']);
    expect(root.value).toBeCloseTo(7 / 3, 12);
    expect(root.previousValue).toBeCloseTo(1.5, 12);

    // The current month, to date, with the month before it for the change.
    const current = (await (
      await app.request(`/api/trees/${treeId}/values?from=2026-11-01&to=2026-11-16&grain=month`)
    ).json()) as TreeView;
    expect(current.period).toMatchObject({ label: 'Nov 2026', toDate: true });
    expect(current.previousPeriod.label).toBe('Oct 2026');
  });

  it.each([
    ['ten years of days', 'from=2016-01-01&to=2026-01-01&grain=day', 'too-many-periods'],
    ['a reversed range', 'from=2026-05-01&to=2026-01-01&grain=month', 'invalid-instant'],
    [
      'a filter on an unknown dimension',
      'from=2026-01-01&to=2026-03-01&filter[colour]=red',
      'unknown-dimension',
    ],
  ])('refuses %s with a 422 saying why', async (_label, query, type) => {
    const res = await app.request(`/api/trees/${treeId}/values?${query}`);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { type: string }).type).toContain(type);
  });

  it('names a malformed range edge', async () => {
    const res = await app.request(`/api/trees/${treeId}/values?from=yesterday&to=2026-03-01`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain('from');
  });

  it('shows "no data" rather than 0 where a ratio has no denominator', async () => {
    const res = await app.request(`/api/trees/${treeId}/view?grain=month&periods=6`);
    const view = (await res.json()) as TreeView;
    const root = view.nodes.find((x) => x.label === 'Activity volume per contact')!;
    expect(root.series.map((p) => p.value)).toEqual([null, null, null, 1, 1.5, 7 / 3]);
  });

  it('answers a missing tree with problem+json 404', async () => {
    const res = await app.request('/api/trees/00000000-0000-4000-8000-000000000000/view');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, title: 'Tree not found' });
  });

  it('names the bad field when the query is invalid', async () => {
    const res = await app.request(`/api/trees/${treeId}/view?grain=fortnight`);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string; errors: Array<{ path: string }> };
    expect(problem.errors[0]?.path).toBe('grain');
    expect(problem.detail).toMatch(/^grain: /);
  });

  it('shows an earlier period with `at`, its series ending there', async () => {
    const res = await app.request(`/api/trees/${treeId}/view?grain=month&periods=3&at=2026-09-17`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as TreeView;
    expect(view).toMatchObject({
      period: { label: 'Sep 2026', start: '2026-09-01T04:00:00.000Z' },
      previousPeriod: { label: 'Aug 2026' },
      latestPeriod: { label: 'Oct 2026' },
      compare: 'previous',
    });
    const root = view.nodes.find((x) => x.label === 'Activity volume per contact')!;
    expect(root.value).toBeCloseTo(1.5, 12);
    expect(root.previousValue).toBe(1);
    expect(root.series.map((p) => p.label)).toEqual(['Jul 2026', 'Aug 2026', 'Sep 2026']);
  });

  it('shows the last complete period for a date in the current period or later', async () => {
    for (const at of ['2026-11-10', '2030-01-01']) {
      const view = (await (
        await app.request(`/api/trees/${treeId}/view?grain=month&at=${at}`)
      ).json()) as TreeView;
      expect(view.period).toMatchObject({ label: 'Oct 2026', toDate: false });
    }
  });

  it('compares with the same period a year earlier', async () => {
    const res = await app.request(`/api/trees/${treeId}/view?grain=quarter&compare=year`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as TreeView;
    expect(view).toMatchObject({
      period: { label: 'Q3 2026' },
      previousPeriod: { label: 'Q3 2025' },
      compare: 'year',
    });
    const root = view.nodes.find((x) => x.label === 'Activity volume per contact')!;
    // No contacts a year earlier: "no data", so no change, never a change from 0.
    expect(root.previousValue).toBeNull();
    expect(root.change).toBeNull();
    expect(root.series.at(-1)?.label).toBe('Q3 2026');
  });

  it.each([
    ['not a date', 'yesterday'],
    ['a day that does not exist', '2026-02-30'],
  ])('refuses an `at` that is %s with a 422', async (_label, at) => {
    const res = await app.request(`/api/trees/${treeId}/view?grain=month&at=${at}`);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { type: string; detail: string };
    expect(problem.type).toContain('invalid-date');
    expect(problem.detail).toContain(at);
  });

  it('refuses an unknown compare mode, naming the field', async () => {
    const res = await app.request(`/api/trees/${treeId}/view?compare=decade`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe(
      'compare',
    );
  });

  // Last: it adds data to the fixture.
  it('serves an unchanged tree from the cache and recomputes once data change', async () => {
    const url = `/api/trees/${treeId}/view?grain=month&periods=3`;
    const rootValue = async () =>
      ((await (await app.request(url)).json()) as TreeView).nodes.find(
        (x) => x.label === 'Activity volume per contact',
      )!.value;
    expect(await rootValue()).toBeCloseTo(7 / 3, 12);
    const hits = cache.hits;
    expect(await rootValue()).toBeCloseTo(7 / 3, 12);
    expect(cache.hits).toBe(hits + 1);

    await t.db
      .insertInto('activities')
      .values({
        workspace_id: workspaceId,
        external_id: 'late-arrival',
        contact_id: contactId,
        rep_id: null,
        channel: 'email',
        occurred_at: '2026-10-20T15:00:00Z',
        direction: 'outbound',
        deleted_at: null,
        excluded_reason: null,
      })
      .execute();
    await bumpDataVersion(t.db, workspaceId);
    expect(await rootValue()).toBeCloseTo(8 / 3, 12);
    expect(cache.hits).toBe(hits + 1);
  });
});
