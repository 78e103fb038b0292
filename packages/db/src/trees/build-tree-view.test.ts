import type { TreeTemplate, TreeView } from '@treeline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMetricsFixture, type MetricsFixture } from '../metrics/metrics-fixture.test-helpers';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { buildTreeView } from './build-tree-view';
import { createTreeFromTemplate } from './tree.repository';

/**
 * Non-sum edges over the metrics fixture (Berlin, Feb → Mar 2026), one tree:
 *   activities (8 → 7) = reps active (4 → 2) × selling hours per rep (6 → 5) × touches per selling hour (1/3 → 0.7)   product
 *   the same identity as a formula metric                                                                               formula
 *   activity per contact (1.6 → 1.75) = activities (8 → 7) ÷ active contacts (5 → 4)                                  ratio
 *   win rate (1/3 → 1) over teams: A 1/2 of 2 → 1/1 of 1, B 0/1 of 1 → 1/1 of 1                                        segments
 *   and a node filtered by a dimension that does not exist.
 */
const TEMPLATE: TreeTemplate = {
  key: 'engine_test',
  name: 'Engine test',
  description: 'Every arithmetic relation',
  nodes: [
    {
      ref: 'activities',
      metricKey: 'activities_total',
      label: 'Activities',
      position: { x: 0, y: 0 },
    },
    { ref: 'reps', metricKey: 'reps_active', label: 'Reps', position: { x: 0, y: 1 } },
    {
      ref: 'hours',
      metricKey: 'selling_hours_per_rep',
      label: 'Hours per rep',
      position: { x: 1, y: 1 },
    },
    {
      ref: 'tph',
      metricKey: 'touches_per_selling_hour',
      label: 'Touches per hour',
      position: { x: 2, y: 1 },
    },
    {
      ref: 'identity',
      metricKey: 'capacity_identity',
      label: 'Identity',
      position: { x: 3, y: 0 },
    },
    {
      ref: 'perContact',
      metricKey: 'activity_per_contact',
      label: 'Per contact',
      position: { x: 4, y: 0 },
    },
    {
      ref: 'numerator',
      metricKey: 'activities_total',
      label: 'Activities (num)',
      position: { x: 4, y: 1 },
    },
    {
      ref: 'contacts',
      metricKey: 'active_contacts',
      label: 'Active contacts',
      position: { x: 5, y: 1 },
    },
    { ref: 'winRate', metricKey: 'win_rate', label: 'Win rate', position: { x: 6, y: 0 } },
    {
      ref: 'winA',
      metricKey: 'win_rate',
      label: 'Win rate A',
      filter: { team: 'A' },
      position: { x: 6, y: 1 },
    },
    {
      ref: 'winB',
      metricKey: 'win_rate',
      label: 'Win rate B',
      filter: { team: 'B' },
      position: { x: 7, y: 1 },
    },
    {
      ref: 'broken',
      metricKey: 'activities_total',
      label: 'Broken',
      filter: { colour: 'red' },
      position: { x: 8, y: 0 },
    },
  ],
  edges: [
    { parent: 'activities', child: 'reps', relation: 'product' },
    { parent: 'activities', child: 'hours', relation: 'product' },
    { parent: 'activities', child: 'tph', relation: 'product' },
    { parent: 'identity', child: 'reps', relation: 'formula' },
    { parent: 'identity', child: 'hours', relation: 'formula' },
    { parent: 'identity', child: 'tph', relation: 'formula' },
    { parent: 'perContact', child: 'numerator', relation: 'ratio', role: 'numerator' },
    { parent: 'perContact', child: 'contacts', relation: 'ratio', role: 'denominator' },
    { parent: 'winRate', child: 'winA', relation: 'segments' },
    { parent: 'winRate', child: 'winB', relation: 'segments' },
  ],
};

describe.each(databaseKindsUnderTest())('buildTreeView on %s', (kind) => {
  let t: TestDatabase;
  let fixture: MetricsFixture;
  let view: TreeView;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    fixture = await insertMetricsFixture(t.db);
    await t.db
      .insertInto('metrics')
      .values({
        workspace_id: fixture.workspace.id,
        key: 'capacity_identity',
        name: 'Capacity identity',
        unit: 'count',
        direction: 'higher_is_better',
        kind: 'input',
        definition: JSON.stringify({
          type: 'formula',
          expression: 'reps_active * selling_hours_per_rep * touches_per_selling_hour',
        }),
      })
      .execute();
    const treeId = await createTreeFromTemplate(t.db, fixture.workspace.id, TEMPLATE);
    view = (await buildTreeView(t.db, fixture.workspace, treeId, {
      grain: 'month',
      periods: 3,
      now: new Date('2026-04-15T12:00:00Z'),
    }))!;
  });
  afterAll(() => t.close());

  const node = (label: string) => view.nodes.find((n) => n.label === label)!;
  const contributionsTo = (label: string) =>
    view.edges.filter((e) => e.source === node(label).id).map((e) => e.contribution);
  const sum = (values: Array<number | null>) => values.reduce<number>((a, v) => a + v!, 0);

  it('evaluates every node over the last complete months', () => {
    expect(view.period.label).toBe('Mar 2026');
    expect(node('Activities')).toMatchObject({ value: 7, previousValue: 8, error: null });
    expect(node('Identity').value).toBeCloseTo(7, 12);
    expect(node('Per contact')).toMatchObject({ numerator: 7, denominator: 4, value: 1.75 });
    expect(node('Win rate A')).toMatchObject({ value: 1, previousValue: 0.5, denominator: 1 });
  });

  it('gives a node that cannot be evaluated its error and the rest their values', () => {
    expect(node('Broken')).toMatchObject({ value: null, series: expect.any(Array) });
    expect(node('Broken').error?.code).toBe('unknown_dimension');
    expect(node('Broken').error?.message).toMatch(/colour/);
  });

  it('attributes product, formula, ratio and segment changes exactly', () => {
    for (const [label, change] of [
      ['Activities', -1],
      ['Identity', -1],
      ['Per contact', 1.75 - 1.6],
      ['Win rate', 1 - 1 / 3],
    ] as const) {
      const contributions = contributionsTo(label);
      expect(
        contributions.every((c) => c !== null && Number.isFinite(c)),
        label,
      ).toBe(true);
      expect(sum(contributions), label).toBeCloseTo(change, 9);
    }
    // Halving the reps pulls activities down; more touches per hour push them up.
    const byTarget = (label: string) =>
      view.edges.find((e) => e.source === node('Activities').id && e.target === node(label).id)!
        .contribution!;
    expect(byTarget('Reps')).toBeLessThan(0);
    expect(byTarget('Touches per hour')).toBeGreaterThan(0);
  });

  describe('at another period, and against the same period last year', () => {
    let february: TreeView;
    let lastYear: TreeView;
    let weeks: TreeView;
    beforeAll(async () => {
      const treeId = view.tree.id;
      const now = new Date('2026-04-15T12:00:00Z');
      february = (await buildTreeView(t.db, fixture.workspace, treeId, {
        grain: 'month',
        periods: 3,
        at: '2026-02-14',
        now,
      }))!;
      lastYear = (await buildTreeView(t.db, fixture.workspace, treeId, {
        grain: 'month',
        periods: 3,
        compare: 'year',
        now,
      }))!;
      weeks = (await buildTreeView(t.db, fixture.workspace, treeId, {
        grain: 'week',
        periods: 4,
        at: '2026-03-04',
        compare: 'year',
        now,
      }))!;
    });
    const nodeOf = (v: TreeView, label: string) => v.nodes.find((n) => n.label === label)!;

    it('shows the period holding `at`, its series ending there, compared with the one before', () => {
      expect(february).toMatchObject({
        period: { label: 'Feb 2026', toDate: false },
        previousPeriod: { label: 'Jan 2026' },
        latestPeriod: { label: 'Mar 2026' },
        compare: 'previous',
      });
      expect(nodeOf(february, 'Activities')).toMatchObject({ value: 8, previousValue: 8 });
      expect(nodeOf(february, 'Activities').series.map((p) => p.label)).toEqual([
        'Dec 2025',
        'Jan 2026',
        'Feb 2026',
      ]);
      expect(nodeOf(february, 'Activities').series.at(-1)?.value).toBe(8);
    });

    it('compares with the same month a year earlier, the series unchanged', () => {
      expect(lastYear).toMatchObject({
        period: { label: 'Mar 2026' },
        previousPeriod: { label: 'Mar 2025' },
        compare: 'year',
      });
      const activities = nodeOf(lastYear, 'Activities');
      expect(activities.value).toBe(7);
      expect(activities.series).toEqual(node('Activities').series);
      // No activities in March 2025: counted as 0, so the change is the whole value.
      expect(activities.previousValue).toBe(0);
      expect(activities.change).toEqual({ absolute: 7, percent: null });
      // Sum-edge-free relations need both periods' values: where the year-ago period has
      // no usable value the contribution is null, never a made-up number.
      for (const edge of lastYear.edges) {
        if (edge.contribution === null) continue;
        expect(Number.isFinite(edge.contribution)).toBe(true);
      }
    });

    it('attributes the change against the comparison period exactly', () => {
      for (const v of [february, lastYear, weeks]) {
        for (const parent of v.nodes) {
          const edges = v.edges.filter((e) => e.source === parent.id && e.relation !== 'driver');
          if (edges.length === 0 || edges.some((e) => e.contribution === null)) continue;
          expect(parent.change, parent.label).not.toBeNull();
          expect(sum(edges.map((e) => e.contribution)), parent.label).toBeCloseTo(
            parent.change!.absolute,
            9,
          );
        }
      }
      // February vs January: activities 8 → 8, yet its factors moved: they cancel out.
      const factors = february.edges
        .filter((e) => e.source === nodeOf(february, 'Activities').id)
        .map((e) => e.contribution);
      expect(factors.some((c) => Math.abs(c!) > 0.1)).toBe(true);
      expect(sum(factors)).toBeCloseTo(0, 9);
    });

    it('goes 52 weeks back at week grain and keeps the series at the asked length', () => {
      expect(weeks.period.label).toBe('W10 2026');
      expect(weeks.previousPeriod.label).toBe('W10 2025');
      expect(nodeOf(weeks, 'Activities').series).toHaveLength(4);
      expect(nodeOf(weeks, 'Activities').series.at(-1)?.label).toBe('W10 2026');
    });

    it('refuses a malformed date', async () => {
      await expect(
        buildTreeView(t.db, fixture.workspace, view.tree.id, { grain: 'month', at: '2026-02-30' }),
      ).rejects.toMatchObject({ code: 'invalid_date' });
    });
  });
});
