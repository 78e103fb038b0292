import { BUILT_IN_METRICS } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import { describeMetricDefinition } from './describe-metric-definition';

describe('describeMetricDefinition', () => {
  it('says a filtered count in words', () => {
    expect(
      describeMetricDefinition({
        type: 'count',
        source: 'activities',
        filter: { channel: 'call', direction: 'outbound' },
      }),
    ).toBe('count of activities where channel = call and direction = outbound');
    expect(
      describeMetricDefinition({ type: 'count', source: 'contacts', asOf: 'period_end' }),
    ).toBe('count of contacts (as of period end)');
  });

  it('names the column of aggregates and the percentile', () => {
    expect(
      describeMetricDefinition({ type: 'sum', source: 'capacity', column: 'selling_hours' }),
    ).toBe('sum of selling_hours in capacity');
    expect(describeMetricDefinition({ type: 'avg', source: 'deals', column: 'amount' })).toBe(
      'average amount in deals',
    );
    expect(
      describeMetricDefinition({
        type: 'percentile',
        source: 'capacity',
        column: 'selling_hours',
        percentile: 0.9,
      }),
    ).toBe('p90 of selling_hours in capacity');
    expect(
      describeMetricDefinition({
        type: 'percentile',
        source: 'engagement_events',
        column: 'x',
        percentile: 0.5,
      }),
    ).toBe('median of x in engagement events');
    expect(
      describeMetricDefinition({
        type: 'count_distinct',
        source: 'activities',
        column: 'rep_id',
        union: [{ source: 'capacity', column: 'rep_id' }],
      }),
    ).toBe('distinct rep_id in activities or rep_id in capacity');
  });

  it('shows a ratio with ÷ and a formula as written', () => {
    expect(
      describeMetricDefinition({
        type: 'ratio',
        numerator: 'activities_total',
        denominator: 'active_contacts',
      }),
    ).toBe('activities_total ÷ active_contacts');
    expect(describeMetricDefinition({ type: 'formula', expression: '(a + b) / 2' })).toBe(
      '(a + b) / 2',
    );
  });

  it('describes every built-in metric without leaving a blank', () => {
    for (const metric of BUILT_IN_METRICS) {
      expect(describeMetricDefinition(metric.definition), metric.key).toMatch(/\w/);
      expect(describeMetricDefinition(metric.definition), metric.key).not.toMatch(/undefined/);
    }
  });
});
