/**
 * Local calendar days in an IANA time zone for the demo generator: where a local day
 * starts, and the UTC instant of a wall-clock time on it, on top of core's zoned time.
 * Offsets are looked up once per day and cached, never once per generated row.
 */

import { assertTimeZone, dayNumberToCivil, offsetAt, startOfLocalDay } from '@treeline/core';

const MS_PER_DAY = 86_400_000;

export interface LocalDay {
  /** Days since 1970-01-01 on the local calendar. */
  dayNumber: number;
  /** "YYYY-MM-DD". */
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** The instant the local day starts (DST-aware). */
  startMs: number;
  /** UTC offset (local − UTC, in ms) at local noon. */
  noonOffsetMs: number;
}

/** The day number of a "YYYY-MM-DD" date. */
export function dayNumberOfDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** The "YYYY-MM-DD" date of a day number. */
export function dateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Days and wall-clock instants in one time zone.
 *
 * @example
 * const calendar = new ZonedCalendar('America/New_York');
 * const day = calendar.day(dayNumberOfDate('2026-03-08')); // a 23-hour DST day
 * new Date(day.startMs).toISOString(); // '2026-03-08T05:00:00.000Z'
 * new Date(calendar.instantAt(day.dayNumber, 9 * 3600)).toISOString(); // '2026-03-08T13:00:00.000Z'
 */
export class ZonedCalendar {
  private readonly days = new Map<number, LocalDay>();

  constructor(readonly timeZone: string) {
    try {
      assertTimeZone(timeZone);
    } catch {
      throw new RangeError(`unknown time zone '${timeZone}'`);
    }
  }

  /** Local time minus UTC, in ms, at an instant (core's zoned time, whole seconds). */
  offsetAt(instantMs: number): number {
    return offsetAt(instantMs - (((instantMs % 1000) + 1000) % 1000), this.timeZone);
  }

  /** The local day number an instant falls on. */
  dayNumberAt(instantMs: number): number {
    return Math.floor((instantMs + this.offsetAt(instantMs)) / MS_PER_DAY);
  }

  /** A local day (cached). */
  day(dayNumber: number): LocalDay {
    const cached = this.days.get(dayNumber);
    if (cached) return cached;
    const midnightAsUtc = dayNumber * MS_PER_DAY;
    const startMs = startOfLocalDay(dayNumberToCivil(dayNumber), this.timeZone);
    const noonAsUtc = midnightAsUtc + MS_PER_DAY / 2;
    const noonOffsetMs = this.offsetAt(noonAsUtc - this.offsetAt(noonAsUtc));
    const day: LocalDay = {
      dayNumber,
      date: dateOfDayNumber(dayNumber),
      weekday: ((new Date(midnightAsUtc).getUTCDay() + 6) % 7) + 1,
      startMs,
      noonOffsetMs,
    };
    this.days.set(dayNumber, day);
    return day;
  }

  /**
   * The instant of a wall-clock time (seconds since local midnight) on a local day. Uses
   * the day's noon offset, which is exact for every time after the DST switch (02:00–03:00
   * in most zones); the generator only places business activity after 05:00.
   */
  instantAt(dayNumber: number, secondOfDay: number): number {
    return dayNumber * MS_PER_DAY + secondOfDay * 1000 - this.day(dayNumber).noonOffsetMs;
  }

  /**
   * Seconds of the local day (in `instantAt`'s reckoning) before the instant `endMs`:
   * `instantAt(d, s) < endMs` exactly when `s < secondsBefore(d, endMs)`.
   */
  secondsBefore(dayNumber: number, endMs: number): number {
    return (endMs + this.day(dayNumber).noonOffsetMs) / 1000 - dayNumber * 86_400;
  }
}
