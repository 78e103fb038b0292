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
});
