import {
  BUILT_IN_METRICS,
  type MetricDefinition,
  type MetricSeries,
  metricCatalog,
  periodsBetween,
} from '@treeline/core';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  domainErrorOf,
  type TestDatabase,
} from '../testing';
import { evaluateMetricSeries } from './evaluate-metric-series';
import {
  FIXTURE_MONTHS,
  FIXTURE_TIME_ZONE,
  insertMetricsFixture,
  type MetricsFixture,
} from './metrics-fixture.test-helpers';

/**
 * Every built-in metric for Jan, Feb, Mar 2026, counted by hand from the fixture
 * (metrics-fixture.test-helpers.ts), workspace policy all_touches.
 */
const EXPECTED: Record<string, [number | null, number | null, number | null]> = {
  // Qualified before Jan: C10, C1, C2 = 3. Jan: +C3 → 4. Feb: +C4 (1 Feb 00:30 local), +C6 → 6.
  // Mar: +C7, +C8 → 8. (C11 is deleted, C5 and C9 never qualified.)
  contacts_total: [4, 6, 8],
  contacts_at_period_start: [3, 4, 6],
  net_new_contacts: [1, 2, 2],
  contact_growth_rate: [1 / 3, 2 / 4, 2 / 6],
  // customer_at: C1 Jan 15; C3 Feb 20; C6 Mar 5, C8 Mar 25 (C10 in December).
  customers_won: [1, 1, 2],
  contact_to_customer_rate: [1 / 3, 1 / 4, 2 / 6],
  // Qualified in Jan: C3 (customer) 1/1; Feb: C4 no, C6 yes 1/2; Mar: C7 no, C8 yes 1/2.
  contact_to_customer_cohort_rate: [1, 1 / 2, 1 / 2],
  // Created in Jan: C3 C4 C5; Feb: C6 C7; Mar: C8 C9.
  leads_created: [3, 2, 2],
  // Converted (qualified or customer): Jan C3 C4 of 3; Feb C6 C7 of 2; Mar C8 of 2.
  lead_conversion_rate: [2 / 3, 2 / 2, 1 / 2],
  // Jan A01–A07, A09 = 8; Feb A11 A12 A13 A14 A15 A16 A18 A19 = 8; Mar A21–A27 = 7.
  activities_total: [8, 8, 7],
  // Jan C1 C2 C3 C4 C5; Feb C2 C6 C7 C1 C3; Mar C8 C6 C7 C2.
  active_contacts: [5, 5, 4],
  activity_per_contact: [8 / 5, 8 / 5, 7 / 4],
  // Activity: Jan R1 R2 R3; Feb R1 R2 R3 (+ R4 by capacity only); Mar R1 R3.
  reps_active: [3, 4, 2],
  // 6 + 6 + 5 + 4 = 21; 6 + 6 + 0 + 4 + 8 = 24; 5 + 5 = 10.
  selling_hours: [21, 24, 10],
  selling_hours_per_rep: [21 / 3, 24 / 4, 10 / 2],
  touches_per_selling_hour: [8 / 21, 8 / 24, 7 / 10],
  activity_per_rep: [8 / 3, 8 / 4, 7 / 2],
  active_contacts_per_rep: [5 / 3, 5 / 4, 4 / 2],
  // First counted outbound touch at or after creation, for contacts created in the month:
  //   Jan C3 1 h, C4 30 min (automated email), C5 24 h (A08 was a duplicate) → [1800, 3600, 86400]
  //     median 3600; p90 = 3600 + 0.8 × (86400 − 3600) = 69840 (continuous, rank 0.9 × 2 = 1.8)
  //   Feb C6 2 h, C7 30 h (A14 was inbound) → [7200, 108000]; median 57600; p90 7200 + 0.9 × 100800 = 97920
  //   Mar C8 15 min (A21 came before C8 was created); C9 never touched → [900]
  lead_response_time_median: [3600, 57600, 900],
  lead_response_time_p90: [69840, 97920, 900],
  // Outbound counted: Jan 8 − A05 = 7; Feb 8 − A14 = 7; Mar 7 − A23 = 6.
  outbound_activities: [7, 7, 6],
  // Replied: Jan A01 A04; Feb A12 A18; Mar A22 A25.
  replied_activities: [2, 2, 2],
  // Meeting booked: Jan A03 A07; Feb A15; Mar A22.
  meetings_booked: [2, 1, 1],
  reply_rate: [2 / 7, 2 / 7, 2 / 6],
  meeting_rate: [2 / 7, 1 / 7, 1 / 6],
  // Closed: Jan D1 won, D2 lost; Feb D3 won, D4 D5 lost; Mar D6 D7 won (D9 deleted, D8 open).
  deals_won: [1, 1, 2],
  deals_closed: [2, 3, 2],
  win_rate: [1 / 2, 1 / 3, 2 / 2],
};

function expectSeries(actual: Array<number | null>, expected: Array<number | null>, label: string) {
  expect(actual, label).toHaveLength(expected.length);
  expected.forEach((value, index) => {
    if (value === null) expect(actual[index], `${label}[${index}]`).toBeNull();
    else expect(actual[index], `${label}[${index}]`).toBeCloseTo(value, 9);
  });
}

function sumOfSplits(series: MetricSeries): number[] {
  return series.values.map((_, period) =>
    (series.splits ?? []).reduce((total, split) => total + (split.values[period] ?? 0), 0),
  );
}

describe.each(databaseKindsUnderTest())('evaluateMetricSeries on %s', (kind) => {
  let t: TestDatabase;
  let fixture: MetricsFixture;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    fixture = await insertMetricsFixture(t.db);
  });
  afterAll(() => t.close());

  const evaluate = (
    requests: Parameters<typeof evaluateMetricSeries>[2]['requests'],
    options: {
      periods?: typeof FIXTURE_MONTHS;
      policy?: 'all_touches' | 'manual_only';
      extra?: Array<{ key: string; definition: MetricDefinition }>;
    } = {},
  ) =>
    evaluateMetricSeries(
      t.db,
      {
        ...fixture.workspace,
        counting_policy: options.policy ?? fixture.workspace.counting_policy,
      },
      {
        periods: options.periods ?? FIXTURE_MONTHS,
        requests,
        ...(options.extra ? { catalog: metricCatalog(BUILT_IN_METRICS, options.extra) } : {}),
      },
    );

  it('covers the whole built-in catalog', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(BUILT_IN_METRICS.map((m) => m.key).sort());
  });

  it('evaluates every built-in metric for three months, as counted by hand', async () => {
    const keys = Object.keys(EXPECTED);
    const series = await evaluate(keys.map((metricKey) => ({ metricKey })));
    keys.forEach((key, index) => {
      expectSeries(series[index]!.values, EXPECTED[key]!, key);
    });
    const rate = series[keys.indexOf('contact_growth_rate')]!;
    expect(rate.numerators).toEqual([1, 2, 2]);
    expect(rate.denominators).toEqual([3, 4, 6]);
    const cohort = series[keys.indexOf('contact_to_customer_cohort_rate')]!;
    expect(cohort.numerators).toEqual([1, 1, 1]);
    expect(cohort.denominators).toEqual([1, 2, 2]);
  });

  it('cuts months in the workspace time zone', () => {
    expect(FIXTURE_MONTHS.map((p) => p.start)).toEqual([
      '2025-12-31T23:00:00.000Z',
      '2026-01-31T23:00:00.000Z',
      '2026-02-28T23:00:00.000Z',
    ]);
    expect(FIXTURE_MONTHS[2]!.end).toBe('2026-03-31T22:00:00.000Z');
  });

  it('splits counts by a dimension into parts that add up to the total', async () => {
    const [byChannel, byTeam, bySource, closedByTeam, byProperty] = await evaluate([
      { metricKey: 'activities_total', splitBy: 'channel' },
      { metricKey: 'activities_total', splitBy: 'team' },
      { metricKey: 'net_new_contacts', splitBy: 'source' },
      { metricKey: 'deals_closed', splitBy: 'team' },
      { metricKey: 'net_new_contacts', splitBy: 'properties.industry' },
    ]);
    for (const series of [byChannel, byTeam, bySource, closedByTeam, byProperty]) {
      expect(sumOfSplits(series!), `${series!.metricKey} by ${series!.splitBy}`).toEqual(
        series!.values,
      );
    }
    // Jan calls A01 A03 A07 A09, emails A02 A04 A06, meeting A05.
    expect(byChannel!.splits?.find((s) => s.value === 'call')?.values).toEqual([4, 3, 3]);
    expect(byChannel!.splits?.find((s) => s.value === 'email')?.values).toEqual([3, 3, 3]);
    // Team A = R1 + R2: Jan A01–A07 = 7; Feb A14 A15 A16 A18 A19 = 5; Mar A21 A22 A23 A27 = 4.
    expect(byTeam!.splits).toEqual([
      expect.objectContaining({ value: 'A', values: [7, 5, 4] }),
      expect.objectContaining({ value: 'B', values: [1, 3, 3] }),
    ]);
    // Industry: Jan C3 saas; Feb C4 (none), C6 retail; Mar C7 (none), C8 saas.
    expect(byProperty!.splits).toEqual([
      expect.objectContaining({ value: 'retail', values: [0, 1, 0] }),
      expect.objectContaining({ value: 'saas', values: [1, 0, 1] }),
      expect.objectContaining({ value: null, values: [0, 1, 1] }),
    ]);
  });

  it('splits a ratio whose denominator ignores the dimension so the parts add up', async () => {
    const [perContact, repsByTeam] = await evaluate([
      { metricKey: 'activity_per_contact', splitBy: 'channel' },
      { metricKey: 'reps_active', splitBy: 'team' },
    ]);
    // Every channel divides by all active contacts (5, 5, 4).
    expect(perContact!.splits?.every((s) => s.denominators?.join() === '5,5,4')).toBe(true);
    for (const [period, sum] of sumOfSplits(perContact!).entries()) {
      expect(sum).toBeCloseTo(perContact!.values[period]!, 12);
    }
    // Feb: team A R1 R2; team B R3 and R4 (capacity only).
    expect(repsByTeam!.splits).toEqual([
      expect.objectContaining({ value: 'A', values: [2, 2, 1] }),
      expect.objectContaining({ value: 'B', values: [1, 2, 1] }),
    ]);
  });

  it('filters by dimensions of joined tables and custom properties', async () => {
    const [teamB, saas, callsPerRep, smbResponse] = await evaluate([
      { metricKey: 'activities_total', filter: { team: 'B' } },
      { metricKey: 'net_new_contacts', filter: { 'properties.industry': 'saas' } },
      // Calls ÷ all active reps: Jan 4/3, Feb 3/4, Mar 3/2.
      { metricKey: 'activity_per_rep', filter: { channel: 'call' } },
      // SMB contacts created in Jan: C4 only → 30 min; Mar: C8 15 min (C9 untouched).
      { metricKey: 'lead_response_time_median', filter: { segment: 'smb' } },
    ]);
    expect(teamB!.values).toEqual([1, 3, 3]);
    expect(saas!.values).toEqual([1, 0, 1]);
    expectSeries(callsPerRep!.values, [4 / 3, 3 / 4, 3 / 2], 'calls per rep');
    expect(smbResponse!.values).toEqual([1800, null, 900]);
  });

  it('applies the manual_only counting policy everywhere activities are counted', async () => {
    const keys = [
      'activities_total',
      'active_contacts',
      'reps_active',
      'reply_rate',
      'lead_response_time_median',
      'lead_response_time_p90',
    ];
    const series = await evaluate(
      keys.map((metricKey) => ({ metricKey })),
      { policy: 'manual_only' },
    );
    const values = Object.fromEntries(keys.map((key, i) => [key, series[i]!.values]));
    // Automated: A06 (Jan), A11 A13 (Feb), A25 (Mar).
    expect(values.activities_total).toEqual([7, 6, 6]);
    // Feb: C2's only touch (A11) was automated.
    expect(values.active_contacts).toEqual([5, 4, 4]);
    expect(values.reps_active).toEqual([3, 4, 2]);
    // Mar outbound manual: A21 A22 A24 A26 A27 = 5, replied A22 → 1/5 (Jan 2/6, Feb 2/5).
    expectSeries(values.reply_rate!, [2 / 6, 2 / 5, 1 / 5], 'reply_rate');
    // Jan: C4's first manual touch is A07 after 4 h → [3600, 14400, 86400].
    expect(values.lead_response_time_median).toEqual([14400, 57600, 900]);
    // p90 = 14400 + 0.8 × (86400 − 14400) = 72000.
    expectSeries(values.lead_response_time_p90!, [72000, 97920, 900], 'p90');
  });

  it('gives null, never Infinity or NaN, where a divisor is 0; stocks carry over', async () => {
    const june = periodsBetween('2026-06-01T00:00:00+02:00', '2026-07-01T00:00:00+02:00', 'month', {
      timeZone: FIXTURE_TIME_ZONE,
    });
    const keys = Object.keys(EXPECTED);
    const series = await evaluate(
      keys.map((metricKey) => ({ metricKey })),
      { periods: june },
    );
    const values = Object.fromEntries(keys.map((key, i) => [key, series[i]!.values[0]]));
    expect(values).toMatchObject({
      contacts_total: 8,
      contacts_at_period_start: 8,
      contact_growth_rate: 0,
      activities_total: 0,
      activity_per_contact: null,
      touches_per_selling_hour: null,
      selling_hours_per_rep: null,
      reply_rate: null,
      win_rate: null,
      lead_conversion_rate: null,
      lead_response_time_median: null,
    });
    const [noTeam] = await evaluate([
      { metricKey: 'activity_per_contact', filter: { team: 'nobody' } },
    ]);
    expect(noTeam!.values).toEqual([null, null, null]);
  });

  it('evaluates formula metrics, with a zero divisor as null', async () => {
    const extra: Array<{ key: string; definition: MetricDefinition }> = [
      {
        key: 'capacity_identity',
        definition: {
          type: 'formula',
          expression: 'reps_active × selling_hours_per_rep × touches_per_selling_hour',
        },
      },
      {
        key: 'wins_per_hundred_hours',
        definition: { type: 'formula', expression: '100 * deals_won / (selling_hours - 10)' },
      },
      {
        key: 'customers_within_30_days',
        definition: {
          type: 'cohort',
          source: 'contacts',
          cohortAt: 'qualified_at',
          convertedAt: ['customer_at'],
          withinDays: 30,
        },
      },
    ];
    const [identity, wins, within30, splitIdentity] = await evaluate(
      [
        { metricKey: 'capacity_identity' },
        { metricKey: 'wins_per_hundred_hours' },
        { metricKey: 'customers_within_30_days' },
        { metricKey: 'capacity_identity', splitBy: 'team' },
      ],
      { extra },
    );
    // reps × hours/rep × touches/hour = activities: 3 × 7 × 8/21 = 8, 4 × 6 × 8/24 = 8, 2 × 5 × 0.7 = 7.
    expectSeries(identity!.values, [8, 8, 7], 'identity');
    // 100 × 1 / 11, 100 × 1 / 14, and March divides by 10 − 10 = 0.
    expectSeries(wins!.values, [100 / 11, 100 / 14, null], 'wins');
    // C3 became a customer 41 days after qualifying; C6 23 days; C8 21 days.
    expectSeries(within30!.values, [0, 1 / 2, 1 / 2], 'within 30 days');
    // Per team the identity still gives the team's activities.
    expect(splitIdentity!.splits?.map((s) => s.value)).toEqual(['A', 'B']);
    expectSeries(splitIdentity!.splits![0]!.values, [7, 5, 4], 'team A');
  });

  it('reads periods with gaps (stocks still count the gap) and refuses overlapping ones', async () => {
    const [jan, , mar] = FIXTURE_MONTHS;
    const [total, opening, netNew] = await evaluate(
      [
        { metricKey: 'contacts_total' },
        { metricKey: 'contacts_at_period_start' },
        { metricKey: 'net_new_contacts' },
      ],
      { periods: [jan!, mar!] },
    );
    expect(total!.values).toEqual([4, 8]);
    expect(opening!.values).toEqual([3, 6]);
    expect(netNew!.values).toEqual([1, 2]);
    const overlap = await domainErrorOf(
      evaluate([{ metricKey: 'activities_total' }], { periods: [mar!, jan!] }),
    );
    expect(overlap.code).toBe('invalid_periods');
    expect(await evaluate([{ metricKey: 'activities_total' }], { periods: [] })).toEqual([
      expect.objectContaining({ values: [] }),
    ]);
  });

  it('compiles every source and measure', async () => {
    const extra: Array<{ key: string; definition: MetricDefinition }> = [
      {
        key: 'won_amount',
        definition: {
          type: 'sum',
          source: 'deals',
          column: 'amount',
          at: 'closed_at',
          filter: { outcome: 'won' },
        },
      },
      {
        key: 'avg_hours',
        definition: { type: 'avg', source: 'capacity', column: 'selling_hours' },
      },
      {
        key: 'page_views',
        definition: {
          type: 'count',
          source: 'engagement_events',
          filter: { event_type: 'page_view' },
        },
      },
      {
        key: 'owners',
        definition: {
          type: 'count_distinct',
          source: 'contacts',
          column: 'owner_rep_id',
          at: 'created_at',
        },
      },
      {
        key: 'open_deals',
        definition: { type: 'count', source: 'deals', filter: { outcome: 'open' } },
      },
    ];
    const [won, avg, views, owners, open] = await evaluate(
      extra.map((m) => ({ metricKey: m.key })),
      { extra },
    );
    // D1 (Jan), D3 (Feb), D6 + D7 (Mar) at 1000.00 each.
    expect(won!.values).toEqual([1000, 1000, 2000]);
    // Jan (6 + 6 + 5 + 4) / 4; Feb (6 + 6 + 0 + 4 + 8) / 5; Mar 10 / 2.
    expectSeries(avg!.values, [21 / 4, 24 / 5, 5], 'avg');
    expect(views!.values).toEqual([0, 0, 0]);
    // Created Jan C3 (R2) C4 (R2) C5 (R3); Feb C6 (R3) C7 (R4); Mar C8 (R1) C9 (R3).
    expect(owners!.values).toEqual([2, 2, 2]);
    // D8 created 1 Mar, still open.
    expect(open!.values).toEqual([0, 0, 1]);
  });

  it('names an unknown dimension, a bad filter value and a metric cycle', async () => {
    const unknown = await domainErrorOf(
      evaluate([{ metricKey: 'activities_total', filter: { colour: 'red' } }]),
    );
    expect(unknown.code).toBe('unknown_dimension');
    expect(unknown.message).toMatch(/colour/);
    const notOnContacts = await domainErrorOf(
      evaluate([{ metricKey: 'contacts_total', splitBy: 'channel' }]),
    );
    expect(notOnContacts.code).toBe('unknown_dimension');
    expect(notOnContacts.message).toMatch(/"channel" does not apply to contacts/);
    const badValue = await domainErrorOf(
      evaluate([{ metricKey: 'activities_total', filter: { channel: 'fax' } }]),
    );
    expect(badValue).toMatchObject({ code: 'invalid_filter' });
    expect(badValue.message).toMatch(/channel=fax/);
    const badKey = await domainErrorOf(
      evaluate([{ metricKey: 'net_new_contacts', filter: { 'properties.a-b': 'x' } }]),
    );
    expect(badKey).toMatchObject({ code: 'invalid_filter' });
    const cycle = await domainErrorOf(
      evaluate([{ metricKey: 'loop_a' }], {
        extra: [
          { key: 'loop_a', definition: { type: 'formula', expression: 'loop_b + 1' } },
          { key: 'loop_b', definition: { type: 'formula', expression: 'loop_a * 2' } },
        ],
      }),
    );
    expect(cycle).toMatchObject({ code: 'metric_cycle' });
    expect(cycle.message).toMatch(/loop_a → loop_b → loop_a/);
  });

  it('runs the same number of statements for 3 or 36 periods: at most one per source', async () => {
    let statements = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements++;
        return args.result;
      },
    };
    const db = t.db.withPlugin(counter);
    const requests = BUILT_IN_METRICS.map((m) => ({ metricKey: m.key }));
    const run = async (periods: typeof FIXTURE_MONTHS) => {
      statements = 0;
      await evaluateMetricSeries(db, fixture.workspace, {
        periods,
        requests,
        catalog: metricCatalog(BUILT_IN_METRICS),
      });
      return statements;
    };
    const threeMonths = await run(FIXTURE_MONTHS);
    const threeYears = await run(
      periodsBetween('2024-01-01T00:00:00+01:00', '2027-01-01T00:00:00+01:00', 'month', {
        timeZone: FIXTURE_TIME_ZONE,
      }),
    );
    // activities, contacts, capacity, deals, and one look at whether the activity rollup
    // is current for these periods.
    expect(threeMonths).toBe(5);
    expect(threeYears).toBe(threeMonths);
  });
});
