/**
 * The top bar's period picker: the recent periods of a grain, newest first and labelled
 * like the rest of the app, which period is one step earlier or later, and where the focus
 * lands when the grain changes.
 */
import {
  focusPeriod,
  type Grain,
  lastCompletePeriod,
  nextPeriod,
  type Period,
  type PeriodOptions,
  parseLocalDate,
  periodAt,
  periodContaining,
  periodLabel,
  periodsBetween,
  periodsEndingWith,
  previousPeriod,
} from '@treeline/core';

/** How many periods the picker lists back from the latest: about two years, or half a year of weeks. */
export const RECENT_PERIODS: Readonly<Record<Grain, number>> = {
  day: 31,
  week: 26,
  month: 24,
  quarter: 12,
  year: 5,
};

export interface PeriodChoice {
  /** The period's first local date: the `at` that asks for it. */
  at: string;
  label: string;
  period: Period;
}

/**
 * The periods to pick from, newest (the latest complete) first; an older focus (stepped to
 * with the arrow or opened from a link) is listed too, with every period in between.
 *
 * @example
 * periodChoices(latestMonth, null, { timeZone: 'UTC' }).map((c) => c.label).slice(0, 2) // ['Oct 2026', 'Sep 2026']
 */
export function periodChoices(
  latest: Period,
  focus: Period | null,
  options: PeriodOptions,
  count: number = RECENT_PERIODS[latest.grain],
): PeriodChoice[] {
  let periods = periodsEndingWith(latest, count, options);
  if (focus && Date.parse(focus.start) < Date.parse(periods[0]!.start)) {
    periods = periodsBetween(focus.start, latest.end, latest.grain, options);
  }
  return periods.reverse().map((period) => ({
    at: periodAt(period, options),
    label: periodLabel(period, options),
    period,
  }));
}

/**
 * The `at` one period earlier or later than the focus; null for later than the latest
 * complete period, or for the latest itself (the default: the view follows it).
 *
 * @example stepFocus(march, 'earlier', latest, options) // '2026-02-01'
 */
export function stepFocus(
  focus: Period,
  direction: 'earlier' | 'later',
  latest: Period,
  options: PeriodOptions,
): string | null {
  const next =
    direction === 'earlier' ? previousPeriod(focus, options) : nextPeriod(focus, options);
  return Date.parse(next.start) >= Date.parse(latest.start) ? null : periodAt(next, options);
}

/**
 * Where the focus lands at another grain: the period of `grain` holding the old focus's
 * last instant, no later than the last complete one (then null: follow the latest).
 *
 * @example
 * refocusAtGrain('2026-03-02', 'week', 'month', now, options) // '2026-03-01' (W10 → Mar 2026)
 */
export function refocusAtGrain(
  at: string | null,
  from: Grain,
  grain: Grain,
  now: Date,
  options: PeriodOptions,
): string | null {
  if (at === null) return null;
  const focus = focusPeriod(parseLocalDate(at), from, now, options);
  const moved = periodContaining(new Date(Date.parse(focus.end) - 1), grain, options);
  const latest = lastCompletePeriod(now, grain, options);
  return Date.parse(moved.start) >= Date.parse(latest.start) ? null : periodAt(moved, options);
}
