/**
 * The periods a tree view evaluates: the focus period (the last complete one, or the one
 * holding a given date), the series of periods ending with it and the comparison period,
 * as one contiguous run so one grouped evaluation covers them all; or every period of a
 * range.
 */
import { DomainError } from '../domain-error';
import { type CompareMode, comparisonPeriod } from '../periods/comparison-period';
import { focusPeriod, parseLocalDate, periodsEndingWith } from '../periods/focus-period';
import type { Grain } from '../periods/periods';
import {
  type Period,
  type PeriodOptions,
  periodsBetween,
  previousPeriod,
} from '../periods/periods';

/** Which periods a tree view shows. */
export interface TreeViewPeriodRequest {
  grain: Grain;
  /** How many complete periods the series holds, ending with the focus period. */
  periods?: number;
  /**
   * The focus period: the one holding this local date (YYYY-MM-DD, workspace zone). Default
   * and ceiling: the last complete period (a date in the current period or later shows it).
   * A malformed date is a DomainError ('invalid_date'). Ignored with `range`.
   */
  at?: string;
  /**
   * What the focus period's change is measured against: the period before (default) or the
   * same period a year earlier. Ignored with `range`, which compares its last two periods.
   */
  compare?: CompareMode;
  /**
   * Evaluate every period of `grain` overlapping [from, to) instead (the last one may be
   * "to date"); a range of one period gets the period before it too, for the change.
   * More than 1000 periods is a DomainError ('too_many_periods').
   */
  range?: { from: string; to: string };
}

export interface TreeViewPeriods {
  grain: Grain;
  /** Every period to evaluate, ascending and contiguous; the focus period is the last. */
  periods: Period[];
  /** The index of the first period the node series show. */
  seriesFrom: number;
  /** The index of the period changes and contributions are measured against. */
  comparisonIndex: number;
  compare: CompareMode;
}

/**
 * @example
 * const { periods, comparisonIndex } = treeViewPeriods({ grain: 'month', periods: 6 }, now, { timeZone: 'Europe/Berlin' });
 * periods.length; // 6: the last complete month and the five before it
 */
export function treeViewPeriods(
  request: TreeViewPeriodRequest,
  now: Date,
  options: PeriodOptions,
): TreeViewPeriods {
  const grain = request.grain;
  if (request.range) {
    const periods = rangePeriods(request.range, grain, options);
    return {
      grain,
      periods,
      seriesFrom: 0,
      comparisonIndex: periods.length - 2,
      compare: 'previous',
    };
  }
  const compare = request.compare ?? 'previous';
  const at = request.at === undefined ? null : parseLocalDate(request.at);
  if (request.at !== undefined && !at) {
    throw new DomainError(
      'invalid_date',
      `at: '${request.at}' is not a date; write it like 2026-03-01 (YYYY-MM-DD)`,
      { at: request.at },
    );
  }
  const focus = focusPeriod(at, grain, now, options);
  const count = Math.max(2, request.periods ?? 6);
  return { grain, compare, ...seriesPeriods(focus, count, compare, options) };
}

/**
 * The periods to evaluate for a series of `count` ending with the focus period, and the
 * comparison period: one contiguous run from the earlier of the series' start and the
 * comparison period up to the focus.
 */
function seriesPeriods(
  focus: Period,
  count: number,
  compare: CompareMode,
  options: PeriodOptions,
): { periods: Period[]; seriesFrom: number; comparisonIndex: number } {
  const series = periodsEndingWith(focus, count, options);
  const comparison = comparisonPeriod(focus, compare, options);
  const first =
    Date.parse(comparison.start) < Date.parse(series[0]!.start) ? comparison : series[0]!;
  const periods = periodsBetween(first.start, focus.end, focus.grain, options);
  return {
    periods,
    seriesFrom: periods.length - series.length,
    comparisonIndex: periods.findIndex((period) => period.start === comparison.start),
  };
}

function rangePeriods(
  range: { from: string; to: string },
  grain: Grain,
  options: PeriodOptions,
): Period[] {
  const periods = periodsBetween(range.from, range.to, grain, options);
  const first = periods[0];
  if (!first) {
    throw new DomainError('invalid_range', `the range ${range.from} – ${range.to} is empty`, {
      from: range.from,
      to: range.to,
    });
  }
  return periods.length === 1 ? [previousPeriod(first, options), first] : periods;
}
