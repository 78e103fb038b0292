// Tests for planning a metric request: the aggregates it reads, and the errors naming a bad
// definition or request. No database: the plan is what the db package compiles to SQL.

import { describe, expect, it } from 'vitest';
import { thrownDomainError } from '../domain-error.test-helpers';
import type { AggregateSpec } from './aggregate-spec';
import { BUILT_IN_METRICS } from './built-in-metrics';
import { metricCatalog } from './metric-catalog';
import type { MetricDefinition } from './metric-definition';
import { type MetricPlan, planMetricRequest } from './plan-metric-request';

const catalogWith = (...extra: Array<{ key: string; definition: MetricDefinition }>) =>
  metricCatalog(BUILT_IN_METRICS, extra);
const builtIns = catalogWith();

const aggregates = (plan: MetricPlan): AggregateSpec[] => [...plan.aggregates.values()];

describe('planMetricRequest', () => {
  it('plans a ratio whose denominator ignores the filtered dimension', () => {
    const plan = planMetricRequest(builtIns, {
      metricKey: 'activity_per_contact',
      filter: { channel: 'call', team: 'A' },
    });
    expect(plan.root.kind).toBe('ratio');
    if (plan.root.kind !== 'ratio') return;
    const numerator = plan.aggregates.get((plan.root.numerator as { key: string }).key)!;
    const denominator = plan.aggregates.get((plan.root.denominator as { key: string }).key)!;
    expect(numerator).toMatchObject({
      source: 'activities',
      measure: 'count',
      column: null,
      at: 'occurred_at',
      where: [
        ['channel', 'call'],
        ['team', 'A'],
      ],
    });
    // Calls per contact divide by every active contact of the team, not only those called.
    expect(denominator).toMatchObject({
      measure: 'count_distinct',
      column: 'contact_id',
      where: [['team', 'A']],
    });
    expect(plan.stockKeys.size).toBe(0);
  });

  it('reads a ratio split by an ignored dimension against the total denominator', () => {
    const plan = planMetricRequest(builtIns, {
      metricKey: 'activity_per_contact',
      splitBy: 'channel',
    });
    expect(plan.root).toMatchObject({
      kind: 'ratio',
      numerator: { kind: 'aggregate', split: 'channel' },
      denominator: { kind: 'aggregate', split: null },
    });
  });

  it('shares one aggregate between metrics that resolve to it, and marks stocks', () => {
    const plan = planMetricRequest(builtIns, { metricKey: 'contact_growth_rate' });
    expect(plan.root).toMatchObject({
      kind: 'ratio',
      numerator: { kind: 'aggregate', mode: 'flow' },
      denominator: { kind: 'aggregate', mode: 'stock_start' },
    });
    // Net new and the opening stock count the same rows (contacts by qualified_at).
    expect(plan.aggregates.size).toBe(1);
    expect(plan.stockKeys.size).toBe(1);
  });

  it('drops a union member whose source cannot see the filter, keeps it otherwise', () => {
    const all = planMetricRequest(builtIns, { metricKey: 'reps_active' });
    expect(all.root).toMatchObject({ kind: 'distinct_union' });
    expect(aggregates(all).map((a) => [a.source, a.measure, a.where])).toEqual([
      ['activities', 'distinct_values', []],
      ['capacity', 'distinct_values', [['has_selling_hours', 'true']]],
    ]);
    const onCalls = planMetricRequest(builtIns, {
      metricKey: 'reps_active',
      filter: { channel: 'call' },
    });
    expect(aggregates(onCalls).map((a) => a.source)).toEqual(['activities']);
    const byTeam = planMetricRequest(builtIns, { metricKey: 'reps_active', splitBy: 'team' });
    expect(aggregates(byTeam).map((a) => a.source)).toEqual(['activities', 'capacity']);
  });

  it('narrows first touches by activity dimensions and contacts by their own', () => {
    const plan = planMetricRequest(builtIns, {
      metricKey: 'lead_response_time_median',
      filter: { channel: 'call', segment: 'smb', rep: '7' },
    });
    expect(aggregates(plan)).toEqual([
      {
        source: 'contacts',
        measure: 'percentile',
        column: null,
        percentile: 0.5,
        at: 'created_at',
        where: [
          ['rep', '7'],
          ['segment', 'smb'],
        ],
        converted: null,
        firstTouch: {
          where: [
            ['channel', 'call'],
            ['direction', 'outbound'],
          ],
        },
      },
    ]);
    const team = thrownDomainError(() =>
      planMetricRequest(
        catalogWith({
          key: 'by_team',
          definition: { type: 'first_touch_latency', percentile: 0.5, touch: { team: 'A' } },
        }),
        { metricKey: 'by_team' },
      ),
    );
    expect(team).toMatchObject({
      code: 'unknown_dimension',
      details: { dimension: 'team', metricKey: 'by_team' },
    });
    expect(team.message).toBe(
      `metric by_team: touches can only be narrowed by the activity's own dimensions, not "team"`,
    );
  });

  it('plans a cohort as converted over cohort, both placed by the cohort timestamp', () => {
    const plan = planMetricRequest(builtIns, { metricKey: 'lead_conversion_rate' });
    expect(plan.root.kind).toBe('ratio');
    expect(aggregates(plan).map((a) => [a.at, a.converted?.columns ?? null])).toEqual([
      ['created_at', ['qualified_at', 'customer_at']],
      ['created_at', null],
    ]);
  });

  it('parses a formula and plans each metric it refers to', () => {
    const catalog = catalogWith({
      key: 'calls_per_rep',
      definition: { type: 'formula', expression: 'activities_total / reps_active' },
    });
    const plan = planMetricRequest(catalog, {
      metricKey: 'calls_per_rep',
      filter: { channel: 'call' },
    });
    expect(plan.root.kind).toBe('formula');
    if (plan.root.kind !== 'formula') return;
    expect(Object.keys(plan.root.inputs)).toEqual(['activities_total', 'reps_active']);
  });

  it('names the metric, the reference, the cycle and the dimension that keep a plan from forming', () => {
    expect(
      thrownDomainError(() => planMetricRequest(builtIns, { metricKey: 'nope' })),
    ).toMatchObject({
      code: 'unknown_metric',
      message: 'unknown metric "nope"',
    });
    const loop = catalogWith(
      { key: 'loop_a', definition: { type: 'formula', expression: 'loop_b + 1' } },
      {
        key: 'loop_b',
        definition: { type: 'ratio', numerator: 'loop_a', denominator: 'activities_total' },
      },
    );
    expect(thrownDomainError(() => planMetricRequest(loop, { metricKey: 'loop_a' })).message).toBe(
      'metrics refer to each other in a cycle: loop_a → loop_b → loop_a',
    );
    const dangling = catalogWith({
      key: 'half',
      definition: { type: 'formula', expression: 'gone / 2' },
    });
    expect(
      thrownDomainError(() => planMetricRequest(dangling, { metricKey: 'half' })),
    ).toMatchObject({
      code: 'unknown_metric',
      details: { metricKey: 'half', reference: 'gone' },
    });
    const split = thrownDomainError(() =>
      planMetricRequest(builtIns, { metricKey: 'contacts_total', splitBy: 'channel' }),
    );
    expect(split).toMatchObject({
      code: 'unknown_dimension',
      details: { metricKey: 'contacts_total', dimension: 'channel' },
    });
    expect(split.message).toMatch(
      /^metric contacts_total: dimension "channel" does not apply to contacts/,
    );
    expect(
      thrownDomainError(() =>
        planMetricRequest(builtIns, { metricKey: 'activities_total', filter: { channel: 'fax' } }),
      ),
    ).toMatchObject({ code: 'invalid_filter', message: expect.stringMatching(/channel=fax/) });
  });

  it('refuses definitions the engine cannot compute, naming why', () => {
    const messageOf = (definition: unknown) =>
      thrownDomainError(() =>
        planMetricRequest(catalogWith({ key: 'bad', definition: definition as MetricDefinition }), {
          metricKey: 'bad',
        }),
      ).message;
    expect(messageOf({ type: 'avg', source: 'deals', column: 'amount', asOf: 'period_end' })).toBe(
      'metric bad: only count and sum can be stocks (asOf), not avg',
    );
    expect(messageOf({ type: 'count', source: 'deals', asOf: 'later' })).toBe(
      'metric bad: asOf must be period_start or period_end, not "later"',
    );
    expect(
      messageOf({ type: 'percentile', source: 'deals', column: 'amount', percentile: 2 }),
    ).toBe('metric bad: percentile must be a number from 0 to 1, not 2');
    expect(messageOf({ type: 'sum', source: 'deals', column: 'id' })).toBe(
      'metric bad: deals has no numeric column "id"; use one of amount',
    );
    expect(
      messageOf({ type: 'cohort', source: 'contacts', cohortAt: 'created_at', convertedAt: [] }),
    ).toBe('metric bad: a cohort needs at least one convertedAt timestamp');
    expect(messageOf({ type: 'mystery' })).toBe('metric bad: unknown definition type "mystery"');
  });
});
