// Reporting periods (day, week, month, quarter, year) cut in a workspace's IANA time zone as half-open UTC windows.

import { DomainError } from '../domain-error';
import {
  addDays,
  addMonthsToFirst,
  type CivilDate,
  civilToDayNumber,
  isoWeekday,
} from './civil-date';
import { assertTimeZone, localDateAt, startOfLocalDay } from './zoned-time';

/** How a workspace cuts its calendar. */
export interface PeriodOptions {
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** ISO weekday the week starts on: 1 = Monday (default) … 7 = Sunday. */
  weekStart?: number;
  /** Month (1..12) the fiscal year starts in, for quarters and years; default 1 (January). */
  fiscalYearStartMonth?: number;
  /**
   * How a fiscal year that does not start in January is named: by the calendar year it ends
   * in (default; FY2027 runs Oct 2026 – Sep 2027 when it starts in October) or starts in.
   */
  fiscalYearNamedBy?: 'end' | 'start';
}

/**
 * A half-open window [start, end) of local time. `start` and `end` are UTC instants as ISO
 * strings (`Date#toISOString`), the same form as PeriodView in the tree-view contract.
 */
export interface Period {
  grain: Grain;
  start: string;
  end: string;
}

/** An instant: a Date, or an ISO 8601 string with an explicit UTC offset or Z. */
export type InstantInput = Date | string;

/** Default ceiling on how many periods one range may produce (about 2¾ years of days). */
export const DEFAULT_MAX_PERIODS = 1000;

/** Every grain, finest first. */
export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;

/** How long a reporting period is. */
export type Grain = (typeof GRAINS)[number];

const OFFSET_SUFFIX = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Epoch milliseconds of an instant; strings must carry an offset, because a bare
 * "2026-03-29T00:00" would silently mean the server's local time.
 *
 * @example
 * toEpochMs('2026-03-29T00:00:00+01:00'); // 1774738800000
 */
export function toEpochMs(instant: InstantInput): number {
  let ms: number;
  if (instant instanceof Date) {
    ms = instant.getTime();
  } else {
    if (!OFFSET_SUFFIX.test(instant.trim())) {
      throw new DomainError(
        'invalid_instant',
        `instant '${instant}' has no UTC offset; write it like 2026-03-29T00:00:00Z`,
        { instant },
      );
    }
    ms = Date.parse(instant);
  }
  if (!Number.isFinite(ms)) {
    throw new DomainError('invalid_instant', `'${String(instant)}' is not a valid instant`, {
      instant: String(instant),
    });
  }
  return ms;
}

interface ResolvedOptions {
  timeZone: string;
  weekStart: number;
  fiscalYearStartMonth: number;
}

/**
 * Validates period options and fills in the defaults; throws a DomainError with a clear
 * message on an unknown zone or an out-of-range week start or fiscal month.
 *
 * @example
 * resolvePeriodOptions({ timeZone: 'UTC' }); // { timeZone: 'UTC', weekStart: 1, fiscalYearStartMonth: 1 }
 */
export function resolvePeriodOptions(options: PeriodOptions): ResolvedOptions {
  assertTimeZone(options.timeZone);
  const weekStart = options.weekStart ?? 1;
  if (!Number.isInteger(weekStart) || weekStart < 1 || weekStart > 7) {
    throw new DomainError(
      'invalid_period_options',
      `weekStart must be an ISO weekday from 1 (Monday) to 7 (Sunday), got ${weekStart}`,
      { weekStart },
    );
  }
  const fiscalYearStartMonth = options.fiscalYearStartMonth ?? 1;
  if (
    !Number.isInteger(fiscalYearStartMonth) ||
    fiscalYearStartMonth < 1 ||
    fiscalYearStartMonth > 12
  ) {
    throw new DomainError(
      'invalid_period_options',
      `fiscalYearStartMonth must be a month from 1 to 12, got ${fiscalYearStartMonth}`,
      { fiscalYearStartMonth },
    );
  }
  return { timeZone: options.timeZone, weekStart, fiscalYearStartMonth };
}

function assertGrain(grain: Grain): void {
  if (!GRAINS.includes(grain)) {
    throw new DomainError(
      'invalid_period_options',
      `unknown grain '${String(grain)}'; use one of ${GRAINS.join(', ')}`,
      { grain },
    );
  }
}

/** The local dates [first day, first day of the next period) of the period holding `date`. */
function localBounds(
  date: CivilDate,
  grain: Grain,
  options: ResolvedOptions,
): { first: CivilDate; next: CivilDate } {
  switch (grain) {
    case 'day':
      return { first: date, next: addDays(date, 1) };
    case 'week': {
      const first = addDays(date, -((isoWeekday(date) - options.weekStart + 7) % 7));
      return { first, next: addDays(first, 7) };
    }
    case 'month': {
      const first = { year: date.year, month: date.month, day: 1 };
      return { first, next: addMonthsToFirst(first, 1) };
    }
    case 'quarter':
    case 'year': {
      const monthsIntoYear = (date.month - options.fiscalYearStartMonth + 12) % 12;
      const length = grain === 'quarter' ? 3 : 12;
      const back = grain === 'quarter' ? monthsIntoYear % 3 : monthsIntoYear;
      const first = addMonthsToFirst(date, -back);
      return { first, next: addMonthsToFirst(first, length) };
    }
  }
}

function periodFromLocalDate(
  date: CivilDate,
  grain: Grain,
  options: ResolvedOptions,
): { grain: Grain; startMs: number; endMs: number; first: CivilDate; next: CivilDate } {
  const { first, next } = localBounds(date, grain, options);
  return {
    grain,
    startMs: startOfLocalDay(first, options.timeZone),
    endMs: startOfLocalDay(next, options.timeZone),
    first,
    next,
  };
}

function periodContainingMs(ms: number, grain: Grain, options: ResolvedOptions): Period {
  let period = periodFromLocalDate(localDateAt(ms, options.timeZone), grain, options);
  // Membership is defined by the boundaries, so an instant in a repeated hour that crosses
  // midnight (a fall-back at 00:30 to 23:30) still lands in exactly one period.
  for (let guard = 0; guard < 4; guard++) {
    if (ms >= period.endMs) period = periodFromLocalDate(period.next, grain, options);
    else if (ms < period.startMs)
      period = periodFromLocalDate(addDays(period.first, -1), grain, options);
    else break;
  }
  return {
    grain,
    start: new Date(period.startMs).toISOString(),
    end: new Date(period.endMs).toISOString(),
  };
}

/**
 * The period of `grain` that contains `instant`, cut in the workspace time zone.
 *
 * @example
 * periodContaining('2026-03-29T12:00:00Z', 'day', { timeZone: 'Europe/Berlin' });
 * // { grain: 'day', start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' } (23 hours)
 */
export function periodContaining(
  instant: InstantInput,
  grain: Grain,
  options: PeriodOptions,
): Period {
  assertGrain(grain);
  return periodContainingMs(toEpochMs(instant), grain, resolvePeriodOptions(options));
}

/**
 * The period right after `period` (it starts where `period` ends).
 *
 * @example
 * nextPeriod({ grain: 'month', start: '2026-11-30T23:00:00.000Z', end: '2026-12-31T23:00:00.000Z' },
 *   { timeZone: 'Europe/Berlin' }).start; // '2026-12-31T23:00:00.000Z' (January 2027)
 */
export function nextPeriod(period: Period, options: PeriodOptions): Period {
  return periodContaining(period.end, period.grain, options);
}

/**
 * The period right before `period` (it ends where `period` starts).
 *
 * @example
 * previousPeriod(periodContaining('2026-01-15T12:00:00Z', 'quarter', { timeZone: 'UTC' }),
 *   { timeZone: 'UTC' }).start; // '2025-10-01T00:00:00.000Z'
 */
export function previousPeriod(period: Period, options: PeriodOptions): Period {
  assertGrain(period.grain);
  const resolved = resolvePeriodOptions(options);
  return periodContainingMs(toEpochMs(period.start) - 1, period.grain, resolved);
}

/**
 * Every period of `grain` that overlaps the half-open range [from, to), in order; the first
 * contains `from`, the last contains the instant just before `to`. Throws a DomainError
 * ('too_many_periods') past `maxPeriods` (default 1000), e.g. ten years of days.
 *
 * @example
 * periodsBetween('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 'month', { timeZone: 'UTC' })
 *   .length; // 3
 */
export function periodsBetween(
  from: InstantInput,
  to: InstantInput,
  grain: Grain,
  options: PeriodOptions & { maxPeriods?: number },
): Period[] {
  assertGrain(grain);
  const resolved = resolvePeriodOptions(options);
  const maxPeriods = options.maxPeriods ?? DEFAULT_MAX_PERIODS;
  if (!Number.isInteger(maxPeriods) || maxPeriods < 1) {
    throw new DomainError(
      'invalid_period_options',
      `maxPeriods must be a positive whole number, got ${maxPeriods}`,
      { maxPeriods },
    );
  }
  const fromMs = toEpochMs(from);
  const toMs = toEpochMs(to);
  if (toMs < fromMs) {
    throw new DomainError(
      'invalid_instant',
      `the range ends (${new Date(toMs).toISOString()}) before it starts (${new Date(fromMs).toISOString()})`,
      { from: String(from), to: String(to) },
    );
  }
  const periods: Period[] = [];
  let cursor = fromMs;
  while (cursor < toMs) {
    if (periods.length >= maxPeriods) {
      throw new DomainError(
        'too_many_periods',
        `the range ${new Date(fromMs).toISOString()} – ${new Date(toMs).toISOString()} has more than ${maxPeriods} ${grain} periods; choose a coarser grain or a shorter range`,
        { grain, maxPeriods },
      );
    }
    const period = periodContainingMs(cursor, grain, resolved);
    periods.push(period);
    cursor = toEpochMs(period.end);
  }
  return periods;
}

/**
 * True when `now` falls inside `period`: the current, unfinished period, shown "to date".
 *
 * @example
 * isToDate(periodContaining('2026-10-12T09:00:00Z', 'week', { timeZone: 'UTC' }),
 *   '2026-10-14T09:00:00Z'); // true
 */
export function isToDate(period: Period, now: InstantInput): boolean {
  const nowMs = toEpochMs(now);
  return toEpochMs(period.start) <= nowMs && nowMs < toEpochMs(period.end);
}

/**
 * The local calendar date a period starts on, e.g. { year: 2026, month: 10, day: 1 }.
 *
 * @example
 * periodStartDate(periodContaining('2026-10-12T09:00:00Z', 'month', { timeZone: 'UTC' }), { timeZone: 'UTC' });
 * // { year: 2026, month: 10, day: 1 }
 */
export function periodStartDate(period: Period, options: PeriodOptions): CivilDate {
  return localDateAt(toEpochMs(period.start), resolvePeriodOptions(options).timeZone);
}

/**
 * Number of local calendar days a period spans (a week is 7 even across DST).
 *
 * @example
 * periodLocalDays(periodContaining('2026-03-29T12:00:00Z', 'week', { timeZone: 'Europe/Berlin' }),
 *   { timeZone: 'Europe/Berlin' }); // 7
 */
export function periodLocalDays(period: Period, options: PeriodOptions): number {
  const { timeZone } = resolvePeriodOptions(options);
  const first = civilToDayNumber(localDateAt(toEpochMs(period.start), timeZone));
  const next = civilToDayNumber(localDateAt(toEpochMs(period.end), timeZone));
  return next - first;
}
