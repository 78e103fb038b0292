import {
  DEMO_CADENCE_INTERVENTION,
  DEMO_PLACEBO_INTERVENTION,
  ensureDemoWorkspace,
} from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../app';
import { appActingAs } from '../../testing/app-acting-as';

const END = new Date('2026-11-23T05:00:00Z');

interface Listed {
  id: string;
  title: string;
  ownerId: string;
  treeId: string;
  target: { nodeId: string; result: { verdict: string; reason: string } | null; summary: string };
}

describe.each(databaseKindsUnderTest())('interventions API on %s', (kind) => {
  let t: TestDatabase;
  let editor: ReturnType<typeof createApp>;
  let viewer: ReturnType<typeof createApp>;
  let listed: Listed[];

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const { workspace } = await ensureDemoWorkspace(t.db, { end: END });
    const person = (email: string) =>
      t.db
        .selectFrom('people')
        .select('id')
        .where('workspace_id', '=', workspace.id)
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
    const options = { db: t.db, database: { kind: t.kind, location: t.location }, now: () => END };
    editor = await appActingAs(options, {
      workspaceId: workspace.id,
      personId: (await person('jordan.reyes@example.com')).id,
    });
    viewer = await appActingAs(options, {
      workspaceId: workspace.id,
      personId: (await person('tom.alvarez@example.com')).id,
    });
    const res = await viewer.request('/api/interventions');
    expect(res.status).toBe(200);
    listed = ((await res.json()) as { interventions: Listed[] }).interventions;
  }, 240_000);
  afterAll(() => t.close());

  it("the demo's cadence intervention is verified, the placebo is not", async () => {
    const cadence = listed.find((i) => i.title === DEMO_CADENCE_INTERVENTION)!;
    const placebo = listed.find((i) => i.title === DEMO_PLACEBO_INTERVENTION)!;
    expect(cadence.target.result?.verdict).toBe('verified');
    expect(placebo.target.result?.verdict).not.toBe('verified');
    const detail = await viewer.request(`/api/interventions/${cadence.id}`);
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as {
      series: { treated: (number | null)[]; comparison: (number | null)[]; startIndex: number };
    };
    expect(body.series.comparison.length).toBe(body.series.treated.length);
    const verified = await viewer.request('/api/interventions?verdict=verified');
    const titles = ((await verified.json()) as { interventions: Listed[] }).interventions.map(
      (i) => i.title,
    );
    expect(titles).toEqual([DEMO_CADENCE_INTERVENTION]);
  });

  it('editors log, edit and close; viewers only read; bad scopes are refused naming the field', async () => {
    const cadence = listed.find((i) => i.title === DEMO_CADENCE_INTERVENTION)!;
    const input = {
      treeId: cadence.treeId,
      targetNodeId: cadence.target.nodeId,
      title: 'Call blitz Fridays',
      ownerId: cadence.ownerId,
      startsOn: '2027-02-01',
      expectedDirection: 'up',
      mde: 0.1,
      treatedScope: { dimension: 'team', values: ['Team B'] },
      comparisonScope: { dimension: 'team', values: ['Team B', 'Team C'] },
    };
    const post = (app: typeof editor, body: unknown) =>
      app.request('/api/interventions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const overlap = await post(editor, input);
    expect(overlap.status).toBe(422);
    expect(((await overlap.json()) as { detail: string }).detail).toMatch(
      /^comparisonScope\.values: 'Team B'/,
    );
    expect((await post(viewer, { ...input, comparisonScope: null })).status).toBe(403);
    const created = await post(editor, { ...input, comparisonScope: null });
    expect(created.status).toBe(201);
    const made = (await created.json()) as Listed;
    expect(made.target.result?.reason).toBe('waiting_for_data');
    const edited = await editor.request(`/api/interventions/${made.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Call blitz Fridays (all day)' }),
    });
    expect(((await edited.json()) as Listed).title).toBe('Call blitz Fridays (all day)');
    const closed = await editor.request(`/api/interventions/${made.id}/close`, { method: 'POST' });
    expect(((await closed.json()) as { status: string }).status).toBe('closed');
    const open = await viewer.request(`/api/interventions?status=open&ownerId=${cadence.ownerId}`);
    const ids = ((await open.json()) as { interventions: Listed[] }).interventions.map((i) => i.id);
    expect(ids).not.toContain(made.id);
    expect(ids).toContain(cadence.id);
  });
});
