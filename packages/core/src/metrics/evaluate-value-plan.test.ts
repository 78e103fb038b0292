// Tests for computing a plan's values from its aggregates: flows, stocks, ratios that give
// "no data" instead of Infinity, formulas, unions of sets, and series split by a dimension.

import { describe, expect, it } from 'vitest';
import { AggregateResults } from './aggregate-results';
import { BUILT_IN_METRICS } from './built-in-metrics';
import { evaluateValuePlan } from './evaluate-value-plan';
import { metricCatalog } from './metric-catalog';
import { metricSeriesOf } from './metric-series';
import { periodBuckets } from './period-buckets';
import { type MetricRequest, planMetricRequest } from './plan-metric-request';

const month = (start: string, end: string) => ({ grain: 'month' as const, start, end });
const PERIODS = [
  month('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
  month('2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
  month('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'),
];
const catalog = metricCatalog(BUILT_IN_METRICS, [
  {
    key: 'calls_twice',
    definition: { type: 'formula', expression: '2 * activities_total / active_contacts' },
  },
  { key: 'avg_amount', definition: { type: 'avg', source: 'deals', column: 'amount' } },
]);

/** A plan and its results, with buckets filled per aggregate by `fill`. */
function planned(
  request: MetricRequest,
  fill: (results: AggregateResults, keyOf: (i: number) => string) => void,
) {
  const plan = planMetricRequest(catalog, request);
  const results = new AggregateResults(periodBuckets(PERIODS), plan.aggregates);
  const keys = [...plan.aggregates.keys()];
  fill(results, (i) => keys[i]!);
  return { plan, results };
}

describe('evaluateValuePlan', () => {
  it('divides per period, "no data" where the divisor is 0 or the rows are missing', () => {
    const { plan, results } = planned({ metricKey: 'activity_per_contact' }, (r, key) => {
      // activities: 8, 0, 9; active contacts: 4, 0 (no rows in March)
      r.set(key(0), null, 1, 8);
      r.set(key(0), null, 3, 9);
      r.set(key(1), null, 1, 4);
      r.set(key(1), null, 2, 0);
    });
    expect(evaluateValuePlan(plan.root, results, null)).toEqual({
      values: [2, null, null],
      numerators: [8, 0, 9],
      denominators: [4, 0, 0],
    });
  });

  it('carries stocks over every bucket before the period, the one before the first included', () => {
    const { plan, results } = planned({ metricKey: 'contacts_total' }, (r, key) => {
      r.set(key(0), null, 0, 10); // qualified before January
      r.set(key(0), null, 1, 2);
      r.set(key(0), null, 3, 1);
    });
    expect(evaluateValuePlan(plan.root, results, null).values).toEqual([12, 12, 13]);
  });

  it('gives an average of no rows "no data", a count of no rows 0', () => {
    const avg = planned({ metricKey: 'avg_amount' }, (r, key) => r.set(key(0), null, 2, 500));
    expect(evaluateValuePlan(avg.plan.root, avg.results, null).values).toEqual([null, 500, null]);
    const count = planned({ metricKey: 'activities_total' }, () => {});
    expect(evaluateValuePlan(count.plan.root, count.results, null).values).toEqual([0, 0, 0]);
  });

  it('evaluates formulas per period, a zero divisor as "no data"', () => {
    const { plan, results } = planned({ metricKey: 'calls_twice' }, (r, key) => {
      r.set(key(0), null, 1, 6);
      r.set(key(0), null, 2, 5);
      r.set(key(1), null, 1, 4);
    });
    expect(evaluateValuePlan(plan.root, results, null).values).toEqual([3, null, null]);
  });

  it('counts a union of distinct sets once per value', () => {
    const { plan, results } = planned({ metricKey: 'reps_active' }, (r, key) => {
      r.set(key(0), null, 1, ['1', '2']);
      r.set(key(1), null, 1, ['2', '3']);
      r.set(key(1), null, 2, ['4']);
    });
    expect(evaluateValuePlan(plan.root, results, null).values).toEqual([3, 1, 0]);
  });
});

describe('metricSeriesOf', () => {
  it('gives a series per split value, ascending with rows without a value last', () => {
    const { plan, results } = planned(
      { metricKey: 'activity_per_contact', splitBy: 'channel' },
      (r, key) => {
        for (const [channel, calls] of [
          ['email', 3],
          [null, 1],
          ['call', 5],
        ] as const) {
          r.set(key(0), { dimension: 'channel', value: channel }, 1, calls);
        }
        r.set(key(0), null, 1, 9);
        r.set(key(1), null, 1, 3);
      },
    );
    const series = metricSeriesOf(plan, results);
    expect(series).toMatchObject({
      metricKey: 'activity_per_contact',
      splitBy: 'channel',
      filter: {},
    });
    expect(series.values).toEqual([3, null, null]);
    expect(series.splits?.map((s) => [s.value, s.values[0]])).toEqual([
      ['call', 5 / 3],
      ['email', 1],
      [null, 1 / 3],
    ]);
    // The parts of a ratio over the whole denominator add up to the total.
    const parts = series.splits!.reduce((sum, s) => sum + s.values[0]!, 0);
    expect(parts).toBeCloseTo(series.values[0]!, 12);
  });
});
