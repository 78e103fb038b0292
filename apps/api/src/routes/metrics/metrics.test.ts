import { BUILT_IN_METRICS } from '@treeline/core';
import {
  createTree,
  createWorkspace,
  type NewActivity,
  saveTree,
  type Workspace,
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
 * UTC workspace, one rep (team A), contacts c1 and c2:
 *   Jan 2026: call c1, call c1, email c2          → 3 activities, 2 active contacts
 *   Feb 2026: email c1                             → 1 activity, 1 active contact
 *   Mar 2026: nothing
 */
describe.each(databaseKindsUnderTest())('metrics API on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let app: ReturnType<typeof createApp>;

  const send = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const custom = (key: string, definition: unknown, extra: Record<string, unknown> = {}) => ({
    key,
    name: key,
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'input',
    definition,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'metrics', name: 'Metrics Co' });
    const rep = await t.db
      .insertInto('reps')
      .values({
        workspace_id: ws.id,
        external_id: 'r1',
        name: 'Rep',
        team: 'A',
        segment: null,
        person_id: null,
        active_from: null,
        active_to: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contacts = await t.db
      .insertInto('contacts')
      .values(
        ['c1', 'c2'].map((external_id) => ({
          workspace_id: ws.id,
          external_id,
          created_at: '2025-12-01T00:00:00Z',
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
    const activity = (
      n: number,
      ext: string,
      channel: NewActivity['channel'],
      at: string,
    ): NewActivity => ({
      workspace_id: ws.id,
      external_id: `a${n}`,
      contact_id: contact(ext),
      rep_id: rep.id,
      channel,
      occurred_at: at,
      direction: 'outbound',
      deleted_at: null,
      excluded_reason: null,
    });
    await t.db
      .insertInto('activities')
      .values([
        activity(1, 'c1', 'call', '2026-01-05T10:00:00Z'),
        activity(2, 'c1', 'call', '2026-01-06T10:00:00Z'),
        activity(3, 'c2', 'email', '2026-01-07T10:00:00Z'),
        activity(4, 'c1', 'email', '2026-02-03T10:00:00Z'),
      ])
      .execute();
    app = await appActingAs(
      {
        db: t.db,
        database: { kind: t.kind, location: t.location },
        now: () => new Date('2026-04-15T00:00:00Z'),
      },
      { workspaceId: ws.id },
    );
  });
  afterAll(() => t.close());

  it('lists the built-in catalog, read-only', async () => {
    const res = await send('GET', '/api/metrics');
    expect(res.status).toBe(200);
    const { metrics } = (await res.json()) as { metrics: Array<{ key: string; builtIn: boolean }> };
    expect(metrics.map((m) => m.key)).toEqual(BUILT_IN_METRICS.map((m) => m.key));
    expect(metrics.every((m) => m.builtIn)).toBe(true);
  });

  it('gives every metric the dimensions it can be filtered and split by', async () => {
    const { metrics } = (await (await send('GET', '/api/metrics')).json()) as {
      metrics: Array<{ key: string; dimensions: string[] }>;
    };
    const dimensionsOf = (key: string) => metrics.find((m) => m.key === key)?.dimensions;
    expect(dimensionsOf('activities_total')).toEqual(
      expect.arrayContaining(['channel', 'team', 'segment', 'source', 'properties.<key>']),
    );
    expect(dimensionsOf('contacts_total')).toEqual(
      expect.arrayContaining(['team', 'segment', 'source', 'lifecycle_stage']),
    );
    expect(dimensionsOf('contacts_total')).not.toContain('channel');
    // The denominator ignores channel, so the ratio splits by it; capacity has rep dimensions only.
    expect(dimensionsOf('activity_per_contact')).toContain('channel');
    expect(dimensionsOf('selling_hours_per_rep')).not.toContain('segment');
    expect(dimensionsOf('selling_hours_per_rep')).toContain('team');
    // Each one listed is one the series accepts.
    for (const dimension of dimensionsOf('contacts_total')!.filter((d) => !d.includes('<'))) {
      const res = await send(
        'GET',
        `/api/metrics/contacts_total/series?from=2026-01-01&to=2026-02-01&split=${dimension}`,
      );
      expect(res.status, dimension).toBe(200);
    }

    // A formula has the dimensions all its inputs share; POST and PATCH answer them too.
    const mixed = await send(
      'POST',
      '/api/metrics',
      custom('dims_mixed', { type: 'formula', expression: 'activities_total + contacts_total' }),
    );
    expect(mixed.status).toBe(201);
    const created = (await mixed.json()) as { dimensions: string[] };
    expect(created.dimensions).toEqual(dimensionsOf('contacts_total'));
    const patched = await send('PATCH', '/api/metrics/dims_mixed', {
      definition: { type: 'formula', expression: 'activities_total * 2' },
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { dimensions: string[] }).dimensions).toEqual(
      dimensionsOf('activities_total'),
    );
    expect((await send('DELETE', '/api/metrics/dims_mixed')).status).toBe(204);
  });

  it('creates custom metrics: a filtered count, a ratio and a formula', async () => {
    const calls = await send(
      'POST',
      '/api/metrics',
      custom('calls', { type: 'count', source: 'activities', filter: { channel: 'call' } }),
    );
    expect(calls.status).toBe(201);
    expect(await calls.json()).toMatchObject({ key: 'calls', builtIn: false, description: '' });
    for (const body of [
      custom(
        'calls_per_rep',
        { type: 'ratio', numerator: 'calls', denominator: 'reps_active' },
        { unit: 'ratio' },
      ),
      custom('calls_and_emails', {
        type: 'formula',
        expression: 'calls + activities_total - calls',
      }),
      custom(
        'median_hours',
        { type: 'percentile', source: 'capacity', column: 'selling_hours', percentile: 0.5 },
        { unit: 'hours' },
      ),
    ]) {
      expect((await send('POST', '/api/metrics', body)).status, body.key).toBe(201);
    }
    const { metrics } = (await (await send('GET', '/api/metrics')).json()) as {
      metrics: Array<{ key: string }>;
    };
    expect(metrics.slice(-4).map((m) => m.key)).toEqual([
      'calls',
      'calls_per_rep',
      'calls_and_emails',
      'median_hours',
    ]);
  });

  it('refuses unknown references, cycles and bad definitions with 422 naming them', async () => {
    const unknown = await send(
      'POST',
      '/api/metrics',
      custom('ghostly', { type: 'formula', expression: 'calls / ghosts' }),
    );
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({
      detail: 'metric ghostly refers to "ghosts", which is not a metric',
      reference: 'ghosts',
    });

    const self = await send(
      'POST',
      '/api/metrics',
      custom('selfish', { type: 'formula', expression: 'selfish * 2' }),
    );
    expect(self.status).toBe(422);
    expect(await self.json()).toMatchObject({ cycle: ['selfish', 'selfish'] });

    await send('POST', '/api/metrics', custom('base', { type: 'count', source: 'activities' }));
    await send(
      'POST',
      '/api/metrics',
      custom('doubled', { type: 'formula', expression: 'base * 2' }),
    );
    const cycle = await send('PATCH', '/api/metrics/base', {
      definition: { type: 'formula', expression: 'doubled / 2' },
    });
    expect(cycle.status).toBe(422);
    expect(((await cycle.json()) as { detail: string }).detail).toBe(
      'metrics refer to each other in a cycle: base → doubled → base',
    );

    const dimension = await send(
      'POST',
      '/api/metrics',
      custom('coloured', { type: 'count', source: 'activities', filter: { colour: 'red' } }),
    );
    expect(dimension.status).toBe(422);
    expect(((await dimension.json()) as { detail: string }).detail).toMatch(
      /unknown dimension "colour"/,
    );

    const syntax = await send(
      'POST',
      '/api/metrics',
      custom('broken', { type: 'formula', expression: 'calls +' }),
    );
    expect(syntax.status).toBe(422);

    const badKey = await send(
      'POST',
      '/api/metrics',
      custom('Calls Per Rep', { type: 'count', source: 'activities' }),
    );
    expect(badKey.status).toBe(422);
    const taken = await send(
      'POST',
      '/api/metrics',
      custom('activities_total', { type: 'count', source: 'activities' }),
    );
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({
      detail: "'activities_total' is a built-in metric; choose another key",
    });
  });

  it('changes and deletes custom metrics, never built-ins or ones in use', async () => {
    const patched = await send('PATCH', '/api/metrics/calls', {
      name: 'Calls',
      description: 'Counted calls',
    });
    expect(await patched.json()).toMatchObject({
      key: 'calls',
      name: 'Calls',
      description: 'Counted calls',
    });
    for (const [method, body] of [['PATCH', { name: 'Mine' }], ['DELETE']] as const) {
      const res = await send(method, '/api/metrics/activity_per_contact', body);
      expect(res.status, method).toBe(409);
      expect(await res.json()).toMatchObject({ title: 'Built-in metrics are read-only' });
    }
    const inUse = await send('DELETE', '/api/metrics/calls');
    expect(inUse.status).toBe(409);
    expect(await inUse.json()).toMatchObject({ metrics: ['calls_per_rep', 'calls_and_emails'] });
    expect((await send('DELETE', '/api/metrics/median_hours')).status).toBe(204);
    expect((await send('DELETE', '/api/metrics/median_hours')).status).toBe(404);
    expect((await send('PATCH', '/api/metrics/nope', { name: 'x' })).status).toBe(404);
  });

  it("lists the workspace's values of each dimension for filters", async () => {
    const res = await send('GET', '/api/dimension-values');
    expect(res.status).toBe(200);
    const { dimensions } = (await res.json()) as {
      dimensions: Array<{ dimension: string; kind: string; values: unknown[] | null }>;
    };
    const byName = new Map(dimensions.map((d) => [d.dimension, d] as const));
    expect(byName.get('team')).toEqual({
      dimension: 'team',
      kind: 'text',
      values: [{ value: 'A', label: null, rows: 1 }],
    });
    expect(byName.get('source')?.values).toEqual([{ value: 'referral', label: null, rows: 2 }]);
    expect(byName.get('rep')?.values).toEqual([
      { value: expect.stringMatching(/^\d+$/), label: 'Rep', rows: null },
    ]);
    expect(byName.get('channel')?.kind).toBe('enum');
  });

  it('refuses with 409 a change that would break a tree using the metric', async () => {
    const person = await t.db
      .insertInto('people')
      .values({ workspace_id: ws.id, name: 'Ann', email: 'ann@example.com', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tree = await createTree(t.db, ws, { name: 'Inbound', owner: person.id });
    await saveTree(t.db, ws, tree.id, {
      version: tree.version,
      draft: {
        ...tree.draft,
        nodes: [
          {
            id: 'n1',
            metricKey: 'calls',
            label: 'Inbound calls',
            filter: { direction: 'inbound' },
            position: { x: 0, y: 0 },
            band: null,
            raci: { accountable: [person.id], responsible: [], consulted: [], informed: [] },
          },
        ],
      },
    });
    const res = await send('PATCH', '/api/metrics/calls', {
      definition: { type: 'count', source: 'contacts', filter: {} },
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { title: string; detail: string; errors: unknown[] };
    expect(body.title).toBe('The change would break trees');
    expect(body.detail).toContain("in tree 'Inbound', 'Inbound calls' cannot be evaluated");
    expect(body.errors).toHaveLength(1);
  });

  it('evaluates a series with a split and a filter', async () => {
    const res = await send(
      'GET',
      '/api/metrics/activities_total/series?from=2026-01-01&to=2026-04-01&grain=month&split=channel',
    );
    expect(res.status).toBe(200);
    const series = (await res.json()) as {
      periods: Array<{ label: string; toDate: boolean }>;
      values: number[];
      splits: Array<{ value: string; values: number[] }>;
    };
    expect(series.periods.map((p) => p.label)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(series.values).toEqual([3, 1, 0]);
    expect(series.splits).toEqual([
      { value: 'call', values: [2, 0, 0], numerators: null, denominators: null },
      { value: 'email', values: [1, 1, 0], numerators: null, denominators: null },
    ]);
    const filtered = await send(
      'GET',
      '/api/metrics/activity_per_contact/series?from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z&filter[channel]=call&filter[team]=A',
    );
    expect(await filtered.json()).toMatchObject({
      filter: { channel: 'call', team: 'A' },
      values: [1, 0, null],
      numerators: [2, 0, 0],
      denominators: [2, 1, 0],
    });
  });

  it('never sends Infinity or NaN: a zero divisor is "no data"', async () => {
    await send(
      'POST',
      '/api/metrics',
      custom('per_nothing', { type: 'formula', expression: 'activities_total / (calls - calls)' }),
    );
    const res = await send('GET', '/api/metrics/per_nothing/series?from=2026-01-01&to=2026-03-01');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/Infinity|NaN/);
    expect(JSON.parse(text)).toMatchObject({ values: [null, null] });
  });

  it('refuses ten years of days, unknown dimensions and unknown metrics', async () => {
    const tooMany = await send(
      'GET',
      '/api/metrics/activities_total/series?from=2016-01-01&to=2026-01-01&grain=day',
    );
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as { detail: string }).detail).toMatch(
      /more than 1000 day periods/,
    );
    const split = await send(
      'GET',
      '/api/metrics/activities_total/series?from=2026-01-01&to=2026-02-01&split=colour',
    );
    expect(split.status).toBe(422);
    expect(await split.json()).toMatchObject({ dimension: 'colour' });
    const filter = await send(
      'GET',
      '/api/metrics/selling_hours/series?from=2026-01-01&to=2026-02-01&filter[channel]=call',
    );
    expect(filter.status).toBe(422);
    expect(((await filter.json()) as { detail: string }).detail).toMatch(
      /"channel" does not apply to capacity/,
    );
    const missing = await send('GET', '/api/metrics/nope/series?from=2026-01-01&to=2026-02-01');
    expect(missing.status).toBe(404);
    const badDate = await send(
      'GET',
      '/api/metrics/activities_total/series?from=2026-02-30&to=2026-03-01',
    );
    expect(badDate.status).toBe(422);
  });
});
