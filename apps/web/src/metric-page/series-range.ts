/**
 * The range a metric page asks the series for: the last N periods of a grain, ending with
 * the current (to date) one, plus one before them so the first period shown has a growth.
 * The server cuts the periods in the workspace's time zone; the range only has to cover them.
 */
import type { Grain } from '@treeline/core';

/** The grains a metric page offers and the "last N periods" choices of each. */
export const RANGE_CHOICES: Record<'week' | 'month' | 'quarter', readonly number[]> = {
  week: [8, 13, 26, 52],
  month: [6, 12, 24],
  quarter: [4, 8, 12],
};

export type PageGrain = keyof typeof RANGE_CHOICES;

export const DEFAULT_RANGE: Record<PageGrain, number> = { week: 13, month: 12, quarter: 8 };

/** The longest a period of each grain can be, in days, so a range always covers enough. */
const MAX_DAYS: Record<Grain, number> = { day: 1, week: 7, month: 31, quarter: 92, year: 366 };
const DAY_MS = 86_400_000;

export interface SeriesRange {
  from: string;
  to: string;
}

/**
 * [from, to) as ISO instants: to is now (the period holding it is the last, to date), from
 * lies at least `count` whole periods before the current one.
 *
 * @example seriesRange('month', 6, new Date('2026-11-23T09:00:00Z')) // { from: '2026-05-17T09:00:00.000Z', to: '2026-11-23T09:00:00.000Z' }
 */
export function seriesRange(grain: Grain, count: number, now: Date): SeriesRange {
  const to = now.getTime();
  return {
    from: new Date(to - (count + 1) * MAX_DAYS[grain] * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
  };
}
