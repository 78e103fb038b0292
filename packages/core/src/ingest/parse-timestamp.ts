// Reads date and date-time cells in the formats CRM exports use, by hand (no regex, no Date parsing) so millions of cells parse fast.

import { daysInMonth } from '../periods/civil-date';

/** The date formats a mapping can name. Every slash/dot format takes an optional time. */
export const DATE_FORMATS = [
  'iso',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'epoch_ms',
  'epoch_s',
] as const;

/** A date format a mapping can name. */
export type DateFormat = (typeof DATE_FORMATS)[number];

/** How each format is shown in messages and in the mapping editor. */
export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: 'ISO 8601: YYYY-MM-DD, YYYY-MM-DD HH:mm[:ss[.SSS]] or YYYY-MM-DDTHH:mm[:ss[.SSS]], optionally ending in Z or an offset like +01:00',
  'MM/DD/YYYY': 'MM/DD/YYYY[ HH:mm[:ss][ AM/PM]]',
  'DD/MM/YYYY': 'DD/MM/YYYY[ HH:mm[:ss][ AM/PM]]',
  'DD.MM.YYYY': 'DD.MM.YYYY[ HH:mm[:ss][ AM/PM]]',
  epoch_ms: 'Unix time in milliseconds (e.g. 1772460300000)',
  epoch_s: 'Unix time in seconds (e.g. 1772460300)',
};

/** What a cell says, filled in place by scanTimestamp (one object reused per field, no garbage per row). */
export interface TimestampParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  hasTime: boolean;
  /** Offset written in the cell (local − UTC, ms), NaN when the cell is naive. */
  offsetMs: number;
  /** The instant of an epoch cell, NaN for calendar formats. */
  epochMs: number;
}

/**
 * A fresh parts object to pass to scanTimestamp.
 *
 * @example
 * const parts = emptyTimestampParts();
 */
export function emptyTimestampParts(): TimestampParts {
  return {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    hasTime: false,
    offsetMs: Number.NaN,
    epochMs: Number.NaN,
  };
}

const C0 = 48;
const C9 = 57;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function isDigit(code: number): boolean {
  return code >= C0 && code <= C9;
}

/** Cursor state of one scan; module-level because scans never nest. */
let pos = 0;

/** Reads min..max digits at pos; -1 when fewer than min. */
function digits(text: string, min: number, max: number): number {
  let value = 0;
  let count = 0;
  while (count < max && pos < text.length) {
    const code = text.charCodeAt(pos);
    if (!isDigit(code)) break;
    value = value * 10 + code - C0;
    pos++;
    count++;
  }
  return count >= min ? value : -1;
}

function skipSpaces(text: string): void {
  while (pos < text.length && text.charCodeAt(pos) === 32) pos++;
}

/** Reads HH:mm[:ss[.fff]] at pos into parts; false when malformed. */
function scanTime(text: string, parts: TimestampParts): boolean {
  const hour = digits(text, 1, 2);
  if (hour < 0 || text.charCodeAt(pos) !== 58 /* : */) return false;
  pos++;
  const minute = digits(text, 2, 2);
  if (minute < 0) return false;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(pos) === 58) {
    pos++;
    second = digits(text, 2, 2);
    if (second < 0) return false;
    const mark = text.charCodeAt(pos);
    if (mark === 46 /* . */ || mark === 44 /* , */) {
      pos++;
      const start = pos;
      let scale = 100;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        millisecond += (text.charCodeAt(pos) - C0) * scale;
        scale /= 10;
        pos++;
      }
      if (pos === start) return false;
      millisecond = Math.floor(millisecond);
    }
  }
  parts.hasTime = true;
  parts.hour = hour;
  parts.minute = minute;
  parts.second = second;
  parts.millisecond = millisecond;
  return true;
}

/** Reads an optional Z / UTC / ±HH[:MM] / ±HHMM at pos; false when malformed. */
function scanOffset(text: string, parts: TimestampParts): boolean {
  if (pos >= text.length) return true;
  const code = text.charCodeAt(pos);
  if (code === 90 || code === 122 /* Z z */) {
    parts.offsetMs = 0;
    pos++;
    return true;
  }
  if (text.startsWith('UTC', pos) || text.startsWith('GMT', pos)) {
    parts.offsetMs = 0;
    pos += 3;
    if (pos >= text.length) return true;
  }
  const sign = text.charCodeAt(pos);
  if (sign !== 43 && sign !== 45 /* + - */) return false;
  pos++;
  const hours = digits(text, 2, 2);
  if (hours < 0) return false;
  if (text.charCodeAt(pos) === 58) pos++;
  let minutes = 0;
  if (pos < text.length) {
    minutes = digits(text, 2, 2);
    if (minutes < 0) return false;
  }
  if (hours > 18 || minutes > 59) return false;
  parts.offsetMs = (sign === 45 ? -1 : 1) * (hours * 3_600_000 + minutes * 60_000);
  return true;
}

function scanIso(text: string, parts: TimestampParts): boolean {
  parts.year = digits(text, 4, 4);
  if (parts.year < 0 || text.charCodeAt(pos) !== 45) return false;
  pos++;
  parts.month = digits(text, 1, 2);
  if (parts.month < 0 || text.charCodeAt(pos) !== 45) return false;
  pos++;
  parts.day = digits(text, 1, 2);
  if (parts.day < 0) return false;
  if (pos >= text.length) return true;
  const separator = text.charCodeAt(pos);
  if (separator !== 84 && separator !== 116 && separator !== 32 /* T t space */) return false;
  pos++;
  skipSpaces(text);
  if (!scanTime(text, parts)) return false;
  skipSpaces(text);
  return scanOffset(text, parts);
}

function scanDayMonthYear(
  text: string,
  parts: TimestampParts,
  separator: number,
  monthFirst: boolean,
): boolean {
  const first = digits(text, 1, 2);
  if (first < 0 || text.charCodeAt(pos) !== separator) return false;
  pos++;
  const second = digits(text, 1, 2);
  if (second < 0 || text.charCodeAt(pos) !== separator) return false;
  pos++;
  parts.year = digits(text, 4, 4);
  if (parts.year < 0 || (pos < text.length && isDigit(text.charCodeAt(pos)))) return false;
  parts.month = monthFirst ? first : second;
  parts.day = monthFirst ? second : first;
  if (pos >= text.length) return true;
  if (text.charCodeAt(pos) === 44 /* , */) pos++;
  const spacesFrom = pos;
  skipSpaces(text);
  if (pos === spacesFrom && text.charCodeAt(pos) !== 84) return false;
  if (text.charCodeAt(pos) === 84) pos++;
  if (!scanTime(text, parts)) return false;
  skipSpaces(text);
  const marker = text.charCodeAt(pos) | 32; // lower-case a/p
  if ((marker === 97 || marker === 112) && (text.charCodeAt(pos + 1) | 32) === 109) {
    if (parts.hour < 1 || parts.hour > 12) return false;
    parts.hour = (parts.hour % 12) + (marker === 112 ? 12 : 0);
    pos += 2;
    skipSpaces(text);
  }
  return scanOffset(text, parts);
}

function scanEpoch(text: string, parts: TimestampParts, scale: number): boolean {
  let index = text.charCodeAt(0) === 45 ? 1 : 0;
  let seenDigit = false;
  let seenDot = false;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isDigit(code)) seenDigit = true;
    else if (code === 46 && !seenDot) seenDot = true;
    else return false;
  }
  if (!seenDigit) return false;
  const value = Math.round(Number(text) * scale);
  if (!Number.isFinite(value) || Math.abs(value) > 8.64e15) return false;
  parts.epochMs = value;
  pos = text.length;
  return true;
}

/**
 * Parses a trimmed, non-empty cell in `format` into `parts`; returns null when it is a valid
 * date or date-time, else a sentence saying why not.
 *
 * @example
 * const parts = emptyTimestampParts();
 * scanTimestamp('3/2/2026 2:05 PM', 'MM/DD/YYYY', parts); // null; parts.hour === 14
 * scanTimestamp('2026-02-30', 'iso', parts); // "'2026-02-30' is not a real date: February 2026 has 28 days"
 */
export function scanTimestamp(
  text: string,
  format: DateFormat,
  parts: TimestampParts,
): string | null {
  pos = 0;
  parts.hasTime = false;
  parts.hour = 0;
  parts.minute = 0;
  parts.second = 0;
  parts.millisecond = 0;
  parts.offsetMs = Number.NaN;
  parts.epochMs = Number.NaN;
  let ok: boolean;
  switch (format) {
    case 'iso':
      ok = scanIso(text, parts);
      break;
    case 'MM/DD/YYYY':
      ok = scanDayMonthYear(text, parts, 47, true);
      break;
    case 'DD/MM/YYYY':
      ok = scanDayMonthYear(text, parts, 47, false);
      break;
    case 'DD.MM.YYYY':
      ok = scanDayMonthYear(text, parts, 46, false);
      break;
    case 'epoch_ms':
      ok = scanEpoch(text, parts, 1);
      break;
    case 'epoch_s':
      ok = scanEpoch(text, parts, 1000);
      if (ok && Math.abs(parts.epochMs) > 1e14) {
        return `'${text}' is too large for Unix seconds (it looks like milliseconds); choose the format epoch_ms`;
      }
      break;
  }
  if (!ok || pos !== text.length) {
    return `'${text}' is not a date in the expected format ${DATE_FORMAT_LABELS[format]}`;
  }
  if (format === 'epoch_ms' || format === 'epoch_s') return null;
  if (parts.month < 1 || parts.month > 12) {
    return `'${text}' has month ${parts.month}; months run from 1 to 12 (expected ${DATE_FORMAT_LABELS[format]})`;
  }
  const monthLength = daysInMonth(parts.year, parts.month);
  if (parts.day < 1 || parts.day > monthLength) {
    return `'${text}' is not a real date: ${MONTH_NAMES[parts.month - 1]} ${parts.year} has ${monthLength} days`;
  }
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) {
    return `'${text}' has a time of day out of range; hours run 0-23, minutes and seconds 0-59`;
  }
  return null;
}

/**
 * Days since 1970-01-01 of a calendar date (Hinnant's days_from_civil), taking numbers rather than
 * a CivilDate so the per-cell path allocates nothing.
 *
 * @example
 * dayNumberOf(1970, 1, 2); // 1
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The wall-clock reading of parts as epoch ms (the local time written as if it were UTC).
 *
 * @example
 * const parts = emptyTimestampParts();
 * scanTimestamp('2026-03-02 09:05', 'iso', parts);
 * wallMsOf(parts) === Date.UTC(2026, 2, 2, 9, 5); // true
 */
export function wallMsOf(parts: TimestampParts): number {
  return (
    dayNumberOf(parts.year, parts.month, parts.day) * 86_400_000 +
    parts.hour * 3_600_000 +
    parts.minute * 60_000 +
    parts.second * 1000 +
    parts.millisecond
  );
}
