// Wall-clock time in an IANA time zone through Intl (no date library), and the UTC instant where a local day begins.

import { DomainError } from '../domain-error';
import { type CivilDate, civilToDayNumber } from './civil-date';

const MS_PER_DAY = 86_400_000;

/** A local wall-clock reading: a calendar date plus the time of day. */
export interface WallClock extends CivilDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new DomainError('invalid_period_options', `unknown time zone '${timeZone}'`, {
      timeZone,
    });
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/**
 * Throws a DomainError unless `timeZone` is an IANA zone this runtime knows.
 *
 * @example
 * assertTimeZone('Europe/Berlin'); // ok
 * assertTimeZone('Mars/Olympus'); // throws "unknown time zone 'Mars/Olympus'"
 */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/**
 * The wall clock in `timeZone` at a UTC instant (epoch milliseconds).
 *
 * @example
 * wallClockAt(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin');
 * // { year: 2026, month: 3, day: 29, hour: 3, minute: 0, second: 0, millisecond: 0 }
 */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  if (!Number.isFinite(epochMs)) {
    throw new DomainError('invalid_instant', `not a valid instant: ${epochMs}`);
  }
  const parts = formatterFor(timeZone).formatToParts(epochMs);
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let beforeCommonEra = false;
  for (const part of parts) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        // Some engines print midnight as 24 even with h23.
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        beforeCommonEra = part.value === 'BC';
        break;
    }
  }
  if (beforeCommonEra) year = 1 - year;
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  return { year, month, day, hour, minute, second, millisecond };
}

function wallClockMs(clock: WallClock): number {
  return (
    civilToDayNumber(clock) * MS_PER_DAY +
    clock.hour * 3_600_000 +
    clock.minute * 60_000 +
    clock.second * 1000 +
    clock.millisecond
  );
}

/**
 * The zone's offset from UTC at an instant, in milliseconds (local − UTC).
 *
 * @example
 * offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'Australia/Lord_Howe'); // 37_800_000 (+10:30)
 */
export function offsetAt(epochMs: number, timeZone: string): number {
  return wallClockMs(wallClockAt(epochMs, timeZone)) - epochMs;
}

/**
 * The local calendar date in `timeZone` at a UTC instant.
 *
 * @example
 * localDateAt(Date.parse('2026-10-11T23:30:00Z'), 'Europe/Berlin'); // { year: 2026, month: 10, day: 12 }
 */
export function localDateAt(epochMs: number, timeZone: string): CivilDate {
  const { year, month, day } = wallClockAt(epochMs, timeZone);
  return { year, month, day };
}

function localDayNumberAt(epochMs: number, timeZone: string): number {
  return civilToDayNumber(localDateAt(epochMs, timeZone));
}

/**
 * The UTC instant (epoch ms) where the local day `date` begins in `timeZone`: the first
 * instant whose local date is `date` or later. That is local midnight when midnight exists;
 * where a DST jump skips midnight (e.g. America/Santiago) it is the instant of the jump,
 * and where midnight happens twice it is the first one. A day skipped entirely (Pacific/Apia,
 * 30 Dec 2011) begins where the next day begins, so it is empty.
 *
 * @example
 * new Date(startOfLocalDay({ year: 2026, month: 3, day: 29 }, 'Europe/Berlin')).toISOString();
 * // "2026-03-28T23:00:00.000Z"
 */
export function startOfLocalDay(date: CivilDate, timeZone: string): number {
  const dayNumber = civilToDayNumber(date);
  const wallMidnight = dayNumber * MS_PER_DAY;
  // Offsets a day either side bracket any single transition near this midnight.
  const offsetBefore = offsetAt(wallMidnight - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(wallMidnight + MS_PER_DAY, timeZone);
  const candidates = [wallMidnight - offsetBefore, wallMidnight - offsetAfter].filter(
    (instant) => wallClockMs(wallClockAt(instant, timeZone)) === wallMidnight,
  );
  if (candidates.length > 0) return Math.min(...candidates);

  // Midnight does not exist: find the jump by bisection, keeping
  // localDay(low) < dayNumber <= localDay(high).
  let low = Math.min(wallMidnight - offsetBefore, wallMidnight - offsetAfter);
  let high = Math.max(wallMidnight - offsetBefore, wallMidnight - offsetAfter);
  while (localDayNumberAt(low, timeZone) >= dayNumber) low -= MS_PER_DAY;
  while (localDayNumberAt(high, timeZone) < dayNumber) high += MS_PER_DAY;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localDayNumberAt(middle, timeZone) >= dayNumber) high = middle;
    else low = middle;
  }
  return high;
}
