// Which period a tree shows: the last complete one by default, or the one holding a chosen local date.

import { DomainError } from '../domain-error';
import { type CivilDate, daysInMonth, formatCivilDate } from './civil-date';
import type { Grain } from './periods';
import {
  type InstantInput,
  type Period,
  type PeriodOptions,
  periodContaining,
  periodStartDate,
  previousPeriod,
  resolvePeriodOptions,
  toEpochMs,
} from './periods';
import { startOfLocalDay } from './zoned-time';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date written YYYY-MM-DD, or null when the text is not one (2026-02-30 is not).
 *
 * @example parseLocalDate('2026-10-12') // { year: 2026, month: 10, day: 12 }
 * @example parseLocalDate('2026-02-30') // null
 */
export function parseLocalDate(text: string): CivilDate | null {
  const match = LOCAL_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * The last complete period of `grain` at `now`: the one before the period holding `now`.
 *
 * @example
 * lastCompletePeriod('2026-04-15T12:00:00Z', 'month', { timeZone: 'UTC' }).start; // '2026-03-01T00:00:00.000Z'
 */
export function lastCompletePeriod(
  now: InstantInput,
  grain: Grain,
  options: PeriodOptions,
): Period {
  return previousPeriod(periodContaining(now, grain, options), options);
}

/**
 * The period of `grain` holding the local date `at` (its first instant in the workspace
 * zone), never later than the last complete period: a date in the current, unfinished
 * period or in the future gives the last complete one. No `at` gives the last complete one.
 *
 * @example
 * focusPeriod({ year: 2026, month: 2, day: 10 }, 'month', '2026-04-15T12:00:00Z', { timeZone: 'UTC' }).start;
 * // '2026-02-01T00:00:00.000Z'
 */
export function focusPeriod(
  at: CivilDate | null | undefined,
  grain: Grain,
  now: InstantInput,
  options: PeriodOptions,
): Period {
  const latest = lastCompletePeriod(now, grain, options);
  if (!at) return latest;
  const { timeZone } = resolvePeriodOptions(options);
  const chosen = periodContaining(new Date(startOfLocalDay(at, timeZone)), grain, options);
  return toEpochMs(chosen.start) > toEpochMs(latest.start) ? latest : chosen;
}

/**
 * The `count` periods ending with `last`, oldest first.
 *
 * @example
 * periodsEndingWith(lastCompletePeriod(new Date(), 'week', { timeZone: 'UTC' }), 3, { timeZone: 'UTC' }).length; // 3
 */
export function periodsEndingWith(last: Period, count: number, options: PeriodOptions): Period[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new DomainError('invalid_period_options', `count must be at least 1, got ${count}`, {
      count,
    });
  }
  const periods = [last];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!, options));
  return periods;
}

/**
 * The local date a period starts on as YYYY-MM-DD: the `at` that names the period in a
 * tree view request and in the tree screen's address.
 *
 * @example
 * periodAt(periodContaining('2026-10-12T09:00:00Z', 'month', { timeZone: 'UTC' }), { timeZone: 'UTC' }); // '2026-10-01'
 */
export function periodAt(period: Period, options: PeriodOptions): string {
  return formatCivilDate(periodStartDate(period, options));
}
