import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CADENCE_INTERVENTION, DEMO_PLACEBO_INTERVENTION } from '../demo/demo-interventions';
import type { Workspace } from '../schema/database';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  domainErrorOf,
  type TestDatabase,
} from '../testing';
import { listTrees } from '../trees/tree.repository';
import { getTree, saveTree } from '../trees/tree.service';
import { ensureDemoWorkspace } from '../workspaces/seed-demo-workspace';
import {
  createIntervention,
  editIntervention,
  interventionDetail,
  listInterventionViews,
  recomputeInterventionVerdicts,
} from './intervention.service';

const END = new Date('2026-11-23T05:00:00Z');

describe.each(databaseKindsUnderTest())('interventions on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let treeId: string;
  let ownerId: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    // The demo as people get it (its scale decides how noisy each team's weeks are).
    ({ workspace: ws } = await ensureDemoWorkspace(t.db, { end: END }));
    treeId = (await listTrees(t.db, ws.id))[0]!.id;
    ownerId = (
      await t.db
        .selectFrom('people')
        .select('id')
        .where('workspace_id', '=', ws.id)
        .where('email', '=', 'sam.okafor@example.com')
        .executeTakeFirstOrThrow()
    ).id;
  }, 240_000);
  afterAll(() => t.close());

  it('the demo cadence step-up is verified; the placebo never is', async () => {
    const all = await listInterventionViews(t.db, ws.id);
    const cadence = all.find((i) => i.title === DEMO_CADENCE_INTERVENTION)!;
    const placebo = all.find((i) => i.title === DEMO_PLACEBO_INTERVENTION)!;
    expect(cadence.target.result?.verdict, cadence.target.summary ?? '').toBe('verified');
    expect(cadence.target.result?.method).toBe('difference_in_differences');
    expect(cadence.target.summary).toMatch(
      /^Calls per contact for Team A rose by [\d.]+ a week \(95% CI [\d.]+ to [\d.]+\) against the other teams; the rise was not there before 14 Sep\.$/,
    );
    expect(cadence.target.result!.periodsBefore).toBeGreaterThanOrEqual(6);
    expect(placebo.target.result?.verdict, placebo.target.summary ?? '').not.toBe('verified');
    const verified = await listInterventionViews(t.db, ws.id, { verdict: 'verified' });
    expect(verified.map((i) => i.title)).toEqual([DEMO_CADENCE_INTERVENTION]);
    const detail = await interventionDetail(t.db, ws, cadence.id, END);
    expect(detail.series!.treated.length).toBe(detail.series!.periods.length);
    expect(detail.series!.startIndex).toBeGreaterThan(5);
    expect(detail.history.map((h) => h.toVerdict)).toEqual(['verified']);
  });

  it('refuses a comparison equal to or overlapping the treated scope, naming the field', async () => {
    const all = await listInterventionViews(t.db, ws.id);
    const base = all.find((i) => i.title === DEMO_CADENCE_INTERVENTION)!;
    const input = {
      treeId,
      targetNodeId: base.target.nodeId,
      title: 'Overlap',
      description: '',
      ownerId,
      startsOn: '2026-09-14',
      endsOn: null,
      expectedDirection: 'up' as const,
      mde: 0.1,
      treatedScope: { dimension: 'team' as const, values: ['Team A', 'Team B'] },
      comparisonScope: { dimension: 'team' as const, values: ['Team B'] },
      outcomeNodeIds: [],
    };
    const overlap = await domainErrorOf(createIntervention(t.db, ws, input, null, END));
    expect(overlap.code).toBe('overlapping_scopes');
    expect(overlap.details.field).toBe('comparisonScope.values');
    const other = await domainErrorOf(
      createIntervention(
        t.db,
        ws,
        { ...input, comparisonScope: { dimension: 'segment', values: ['smb'] } },
        null,
        END,
      ),
    );
    expect(other.details.field).toBe('comparisonScope.dimension');
    const badOwner = await domainErrorOf(
      createIntervention(t.db, ws, { ...input, comparisonScope: null, ownerId: treeId }, null, END),
    );
    expect([badOwner.code, badOwner.details.field]).toEqual(['invalid_intervention', 'ownerId']);
  });

  it('a future start waits for data; a scope without data is inconclusive; a removed node keeps its history', async () => {
    const base = (await listInterventionViews(t.db, ws.id)).find(
      (i) => i.title === DEMO_CADENCE_INTERVENTION,
    )!;
    const input = {
      treeId,
      targetNodeId: base.target.nodeId,
      title: 'Next quarter plan',
      description: '',
      ownerId,
      startsOn: '2027-01-04',
      endsOn: null,
      expectedDirection: 'up' as const,
      mde: 0.1,
      treatedScope: { dimension: 'team' as const, values: ['Team A'] },
      comparisonScope: null,
      outcomeNodeIds: [],
    };
    const future = await createIntervention(t.db, ws, input, null, END);
    expect([future.target.result?.verdict, future.target.result?.reason]).toEqual([
      'inconclusive',
      'waiting_for_data',
    ]);
    expect(future.target.summary).toBe('Waiting for data: the intervention starts 4 Jan.');
    const nobody = await createIntervention(
      t.db,
      ws,
      {
        ...input,
        title: 'Ghost team',
        startsOn: '2026-09-14',
        treatedScope: { dimension: 'team', values: ['Team Z'] },
      },
      null,
      END,
    );
    expect([nobody.target.result?.verdict, nobody.target.result?.reason]).toEqual([
      'inconclusive',
      'no_data',
    ]);

    // The calls node is removed from the tree: the intervention stays, says so, keeps its verdict.
    const tree = (await getTree(t.db, ws, treeId))!;
    const nodeId = base.target.nodeId;
    const draft = {
      ...tree.draft,
      nodes: tree.draft.nodes.filter((n) => n.id !== nodeId),
      edges: tree.draft.edges.filter((e) => e.parent !== nodeId && e.child !== nodeId),
    };
    await saveTree(t.db, ws, treeId, { version: tree.version, draft });
    await recomputeInterventionVerdicts(t.db, ws, { now: END });
    const after = (await listInterventionViews(t.db, ws.id)).find((i) => i.id === base.id)!;
    expect(after.target.removed).toBe(true);
    expect(after.target.label).toBe('Calls per contact');
    expect(after.target.result?.verdict).toBe('verified');
    const detail = await interventionDetail(t.db, ws, base.id, END);
    expect(detail.series).toBeNull();
    const edited = await editIntervention(
      t.db,
      ws,
      base.id,
      { title: 'Tightened call cadence (v2)' },
      END,
    );
    expect(edited.title).toBe('Tightened call cadence (v2)');
  });
});
