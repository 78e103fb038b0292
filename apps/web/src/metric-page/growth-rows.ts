/**
 * A series as rows of a line chart: per period its value, the previous period's value and
 * the period-over-period growth in percent. Missing values stay null ("no data", never 0).
 */
import type { MetricSeries } from '../lib/api';

/**
 * The change from `previous` to `current` in percent of `previous` (12.5 is +12.5%), as the
 * API reports a node's change; null when either is missing or `previous` is 0.
 *
 * @example growthPercent(110, 100) // 10
 * @example growthPercent(5, 0) // null
 */
export function growthPercent(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}

export interface GrowthRow {
  periodStart: string;
  label: string;
  toDate: boolean;
  value: number | null;
  previous: number | null;
  /** Percent of the previous period's value; null without both values. */
  growth: number | null;
}

/**
 * One row per period; with `keep`, only the last `keep` rows (the ones before still give
 * the first kept row its growth).
 *
 * @example growthRows({ periods: [jan, feb], values: [100, 110], … }) // [{ label: 'Jan 2026', value: 100, growth: null }, { label: 'Feb 2026', value: 110, previous: 100, growth: 10 }]
 */
export function growthRows(
  series: Pick<MetricSeries, 'periods' | 'values'>,
  keep?: number,
): GrowthRow[] {
  const rows = series.periods.map((period, index) => {
    const value = series.values[index] ?? null;
    const previous = index > 0 ? (series.values[index - 1] ?? null) : null;
    return {
      periodStart: period.start,
      label: period.label,
      toDate: period.toDate,
      value,
      previous,
      growth: growthPercent(value, previous),
    };
  });
  return keep === undefined ? rows : rows.slice(Math.max(0, rows.length - keep));
}

/** True when no period has a value: the chart says "no data" instead of drawing zeros. */
export function hasNoData(values: ReadonlyArray<number | null>): boolean {
  return values.every((value) => value === null);
}

/**
 * A tree node's recent periods (the tree view's `series`) as growth rows.
 *
 * @example pointRows([{ periodStart: 'a', label: 'Oct', value: 4 }, { periodStart: 'b', label: 'Nov', value: 5 }])[1].growth // 25
 */
export function pointRows(
  points: ReadonlyArray<{ periodStart: string; label: string; value: number | null }>,
  lastIsToDate = false,
): GrowthRow[] {
  return points.map((point, index) => {
    const previous = index > 0 ? (points[index - 1]?.value ?? null) : null;
    return {
      periodStart: point.periodStart,
      label: point.label,
      toDate: lastIsToDate && index === points.length - 1,
      value: point.value,
      previous,
      growth: growthPercent(point.value, previous),
    };
  });
}
