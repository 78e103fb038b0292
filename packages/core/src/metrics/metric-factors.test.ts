// Tests for writing metrics as products of powers of aggregates.

import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from './built-in-metrics';
import type { MetricSpec } from './metric-definition';
import { combineFactors, metricFactors, sameFactors, splitFactors } from './metric-factors';

const formula = (key: string, expression: string): MetricSpec => ({
  key,
  name: key,
  description: '',
  unit: 'count',
  direction: 'higher_is_better',
  kind: 'input',
  definition: { type: 'formula', expression },
});
const catalog = new Map(
  [
    ...BUILT_IN_METRICS,
    formula('identity', 'reps_active * selling_hours_per_rep * touches_per_selling_hour'),
    formula('doubled', '2 * activities_total / 4'),
    formula('total', 'activities_total + 1'),
    formula('loop', 'loop * 2'),
  ].map((m) => [m.key, m]),
);
const f = (key: string, filter: Record<string, string> = {}) =>
  metricFactors(catalog, key, filter)!;

describe('metricFactors', () => {
  it('follows ratios and pure products in formulas', () => {
    expect(sameFactors(f('identity'), f('activities_total'))).toBe(true);
    expect(f('doubled').coefficient).toBe(0.5);
    expect(sameFactors(f('doubled'), f('activities_total'))).toBe(false);
  });

  it('drops the dimensions a denominator ignores', () => {
    const call = splitFactors(f('activity_per_contact', { channel: 'call' }));
    const all = splitFactors(f('activity_per_contact'));
    expect(call.denominator).toEqual(all.denominator);
    expect(call.numerator).not.toEqual(all.numerator);
    expect(JSON.parse(call.numerator[0]!)).toMatchObject({
      source: 'activities',
      filter: { channel: 'call' },
    });
  });

  it('matches metrics that count the same rows under different keys', () => {
    expect(
      sameFactors(f('outbound_activities'), f('activities_total', { direction: 'outbound' })),
    ).toBe(true);
  });

  it('gives null for sums, cycles and unknown keys', () => {
    expect(metricFactors(catalog, 'total', {})).toBeNull();
    expect(metricFactors(catalog, 'loop', {})).toBeNull();
    expect(metricFactors(catalog, 'nope', {})).toBeNull();
  });

  it('combines products and quotients', () => {
    const perRep = combineFactors(f('selling_hours_per_rep'), f('touches_per_selling_hour'));
    expect(sameFactors(perRep, f('activity_per_rep'))).toBe(true);
    expect(
      sameFactors(
        combineFactors(perRep, f('active_contacts_per_rep'), -1),
        f('activity_per_contact'),
      ),
    ).toBe(true);
  });
});
