/**
 * The summary at the head of a metric page: the current (latest, possibly to date) period's
 * value, the previous period's, the change in the metric's unit and in percent, and where
 * the metric is a stock (contacts qualified at or before the period end), its net new: the
 * period's change of the stock (docs/product.md §2). A flow metric that adds up over time
 * (a count or sum of the period's rows) also gets its total over the range shown.
 */
import type { MetricDefinition, PeriodView } from '@treeline/core';
import type { MetricSeries } from '../lib/api';
import { growthPercent } from './growth-rows';

export interface MetricSummary {
  period: PeriodView | null;
  previousPeriod: PeriodView | null;
  current: number | null;
  previous: number | null;
  /** current − previous in the metric's unit; null without both. */
  changeAbsolute: number | null;
  /** In percent of the previous value (12.5 is +12.5%). */
  changePercent: number | null;
  /** Stocks only: the period's change of the stock; undefined where it does not apply. */
  netNew?: number | null;
  /** Additive flows only: the sum over the periods shown; undefined where it does not apply. */
  rangeTotal?: number | null;
}

/** A stock is counted as of a moment (the period end), not over the period's rows. */
export function isStockMetric(definition: MetricDefinition): boolean {
  return (
    (definition.type === 'count' || definition.type === 'sum') && definition.asOf === 'period_end'
  );
}

/** A flow whose periods add up: a count or sum of rows placed in the period. */
export function isAdditiveFlow(definition: MetricDefinition): boolean {
  return (
    (definition.type === 'count' || definition.type === 'sum') && definition.asOf === undefined
  );
}

/**
 * @example
 * summarizeSeries({ periods: [oct, nov], values: [1200, 1290] }, { type: 'count', source: 'contacts', asOf: 'period_end' })
 * // { current: 1290, previous: 1200, changeAbsolute: 90, changePercent: 7.5, netNew: 90, … }
 */
export function summarizeSeries(
  series: Pick<MetricSeries, 'periods' | 'values'>,
  definition: MetricDefinition,
  shown: number = series.periods.length,
): MetricSummary {
  const last = series.periods.length - 1;
  const current = last >= 0 ? (series.values[last] ?? null) : null;
  const previous = last >= 1 ? (series.values[last - 1] ?? null) : null;
  const changeAbsolute = current !== null && previous !== null ? current - previous : null;
  const summary: MetricSummary = {
    period: series.periods[last] ?? null,
    previousPeriod: last >= 1 ? (series.periods[last - 1] ?? null) : null,
    current,
    previous,
    changeAbsolute,
    changePercent: growthPercent(current, previous),
  };
  if (isStockMetric(definition)) summary.netNew = changeAbsolute;
  if (isAdditiveFlow(definition)) {
    const values = series.values.slice(Math.max(0, series.values.length - shown));
    const present = values.filter((value): value is number => value !== null);
    summary.rangeTotal = present.length > 0 ? present.reduce((sum, value) => sum + value, 0) : null;
  }
  return summary;
}
