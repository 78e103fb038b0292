/**
 * The demo workspace's score model separates conversion: its Hot band converts well above
 * the overall rate and its Cold band below (the lift table's intervals do not overlap),
 * today and as a backtest from scores three months back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing';
import { ensureDemoWorkspace } from '../workspaces/seed-demo-workspace';
import { findScoreModel, listScoreModels } from './score-model.repository';
import { scoreLiftTable } from './score-reads';

const END = new Date('2026-11-15T12:00:00Z');

describe('the demo score model', () => {
  let t: TestDatabase;
  let workspaceId: string;

  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    workspaceId = (await ensureDemoWorkspace(t.db, { end: END })).workspace.id;
  }, 240_000);
  afterAll(() => t.close());

  it('is scored with the demo and its bands show a visible lift', async () => {
    const [model] = await listScoreModels(t.db, workspaceId);
    expect(model?.draft.name).toBe('Fit and engagement');
    expect(model?.scoredContacts).toBeGreaterThan(5000);
    const stored = await findScoreModel(t.db, workspaceId, model?.id ?? '');
    const lift = await scoreLiftTable(t.db, workspaceId, model?.id ?? '', stored!.draft);
    const [cold, warm, hot] = lift.bands;
    expect(lift.overall.converted).toBeGreaterThan(50);
    expect(hot?.lift).toBeGreaterThan(2);
    expect(cold?.lift).toBeLessThan(0.9);
    expect(hot!.low!).toBeGreaterThan(cold!.high!);
    expect(warm!.rate!).toBeGreaterThan(cold!.rate!);

    const backtest = await scoreLiftTable(t.db, workspaceId, model!.id, stored!.draft, {
      asOf: new Date('2026-08-15T00:00:00Z'),
      horizonDays: 90,
    });
    const [bCold, , bHot] = backtest.bands;
    expect(backtest.overall.contacts).toBeGreaterThan(1000);
    expect(bHot!.rate!).toBeGreaterThan(bCold!.rate!);
  });
});
