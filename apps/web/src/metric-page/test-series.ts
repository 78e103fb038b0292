/** Builders of metric series for the metric page's unit tests. */
import type { PeriodView } from '@treeline/core';
import type { MetricSeries } from '../lib/api';

/** Months from Jan 2026, the last one to date. */
export function months(count: number): PeriodView[] {
  return Array.from({ length: count }, (_, index) => ({
    grain: 'month' as const,
    start: new Date(Date.UTC(2026, index, 1)).toISOString(),
    end: new Date(Date.UTC(2026, index + 1, 1)).toISOString(),
    label: new Date(Date.UTC(2026, index, 1)).toLocaleString('en-US', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }),
    toDate: index === count - 1,
  }));
}

/** A series with `values`, one month each; splits and numerators as given. */
export function seriesOf(
  values: Array<number | null>,
  extra: Partial<MetricSeries> = {},
): MetricSeries {
  return {
    metricKey: 'm',
    grain: 'month',
    filter: {},
    splitBy: null,
    periods: months(values.length),
    values,
    numerators: null,
    denominators: null,
    splits: null,
    ...extra,
  };
}
