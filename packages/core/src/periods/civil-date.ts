// Wall-calendar dates with no time zone (year, month, day), with exact day arithmetic for cutting periods.

/** A calendar day as people read it on a wall calendar; month is 1..12, day 1..31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month of the proleptic Gregorian calendar.
 *
 * @example
 * daysInMonth(2028, 2); // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_LENGTHS[month - 1] ?? Number.NaN;
}

/**
 * Days since 1970-01-01 (negative before), by Howard Hinnant's days_from_civil, so no
 * Date quirks (two-digit years, local time) leak in.
 *
 * @example
 * civilToDayNumber({ year: 1970, month: 1, day: 2 }); // 1
 */
export function civilToDayNumber(date: CivilDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (date.month + 9) % 12; // March = 0
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + date.day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The calendar date of a day number (days since 1970-01-01).
 *
 * @example
 * dayNumberToCivil(0); // { year: 1970, month: 1, day: 1 }
 */
export function dayNumberToCivil(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * The date `days` calendar days later (earlier when negative).
 *
 * @example
 * addDays({ year: 2026, month: 12, day: 31 }, 1); // { year: 2027, month: 1, day: 1 }
 */
export function addDays(date: CivilDate, days: number): CivilDate {
  return dayNumberToCivil(civilToDayNumber(date) + days);
}

/**
 * The first day of the month `months` after the month of `date`.
 *
 * @example
 * addMonthsToFirst({ year: 2026, month: 11, day: 15 }, 3); // { year: 2027, month: 2, day: 1 }
 */
export function addMonthsToFirst(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1, day: 1 };
}

/**
 * ISO day of the week: 1 = Monday … 7 = Sunday.
 *
 * @example
 * isoWeekday({ year: 2026, month: 3, day: 29 }); // 7 (a Sunday)
 */
export function isoWeekday(date: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((civilToDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Compares two dates: negative, zero or positive like a sort comparator.
 *
 * @example
 * compareCivilDates({ year: 2026, month: 1, day: 2 }, { year: 2026, month: 1, day: 1 }); // 1
 */
export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return civilToDayNumber(a) - civilToDayNumber(b);
}

/**
 * ISO 8601 calendar date text, e.g. "2026-03-29".
 *
 * @example
 * formatCivilDate({ year: 2026, month: 3, day: 9 }); // "2026-03-09"
 */
export function formatCivilDate(date: CivilDate): string {
  const year =
    date.year >= 0 && date.year <= 9999
      ? String(date.year).padStart(4, '0')
      : `${date.year < 0 ? '-' : '+'}${String(Math.abs(date.year)).padStart(6, '0')}`;
  return `${year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
