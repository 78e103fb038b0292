// The period a tree's changes are measured against: the one before, or the same period a year earlier.

import { addDays, addMonthsToFirst, type CivilDate } from './civil-date';
import {
  type Period,
  type PeriodOptions,
  periodContaining,
  periodStartDate,
  previousPeriod,
  resolvePeriodOptions,
} from './periods';
import { startOfLocalDay } from './zoned-time';

/** Every compare mode, the default first. */
export const COMPARE_MODES = ['previous', 'year'] as const;

/** What a change compares with: the period before, or the same period last year. */
export type CompareMode = (typeof COMPARE_MODES)[number];

/**
 * The same period a year earlier, counted in whole periods so it lines up with the
 * calendar the workspace cuts: 52 weeks back for a week (same weekdays, so W41 2026 →
 * W41 2025 most years; after a 53-week year the week number shifts by one), 12 months for
 * a month, 4 quarters for a quarter, 1 year for a year, and 364 days (the same weekday)
 * for a day.
 *
 * @example
 * samePeriodLastYear(periodContaining('2026-10-12T09:00:00Z', 'quarter', { timeZone: 'UTC' }), { timeZone: 'UTC' }).start;
 * // '2025-10-01T00:00:00.000Z' (Q4 2025)
 */
export function samePeriodLastYear(period: Period, options: PeriodOptions): Period {
  const { timeZone } = resolvePeriodOptions(options);
  const first = periodStartDate(period, options);
  let earlier: CivilDate;
  switch (period.grain) {
    case 'day':
      earlier = addDays(first, -364);
      break;
    case 'week':
      earlier = addDays(first, -52 * 7);
      break;
    default:
      // Month, quarter and year periods start on the first of a month.
      earlier = addMonthsToFirst(first, -12);
      break;
  }
  return periodContaining(new Date(startOfLocalDay(earlier, timeZone)), period.grain, options);
}

/**
 * The period `period`'s change is measured against under `mode`.
 *
 * @example
 * comparisonPeriod(periodContaining('2026-10-12T09:00:00Z', 'month', { timeZone: 'UTC' }), 'previous', { timeZone: 'UTC' }).start;
 * // '2026-09-01T00:00:00.000Z'
 */
export function comparisonPeriod(
  period: Period,
  mode: CompareMode,
  options: PeriodOptions,
): Period {
  return mode === 'year' ? samePeriodLastYear(period, options) : previousPeriod(period, options);
}
