/**
 * Quiet hours: a span of the local day (in the workspace time zone) in which a person gets
 * no email. A message that falls due inside them waits until they end. A span may wrap past
 * midnight (22:00–07:00). Times are minutes after local midnight.
 */
import { addDays } from '../periods/civil-date';
import { localDateAt, startOfLocalDay, wallClockAt } from '../periods/zoned-time';

export interface QuietHours {
  /** Minutes after local midnight the quiet starts (0–1439). */
  startMinute: number;
  /** Minutes after local midnight the quiet ends (0–1439); before start: it wraps midnight. */
  endMinute: number;
}

/**
 * Whether `at` falls inside the quiet hours, and when they end (null: not quiet now). Equal
 * start and end mean no quiet hours.
 *
 * @example quietHoursEnd(new Date('2026-12-07T23:30:00Z'), { startMinute: 22 * 60, endMinute: 7 * 60 }, 'UTC');
 * // 2026-12-08T07:00:00.000Z
 */
export function quietHoursEnd(at: Date, quiet: QuietHours, timeZone: string): Date | null {
  const { startMinute: start, endMinute: end } = quiet;
  if (start === end) return null;
  const clock = wallClockAt(at.getTime(), timeZone);
  const minute = clock.hour * 60 + clock.minute;
  const wraps = start > end;
  const inside = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return null;
  const today = localDateAt(at.getTime(), timeZone);
  // Past the start of a span that wraps: it ends tomorrow morning.
  const endDay = wraps && minute >= start ? addDays(today, 1) : today;
  return new Date(startOfLocalDay(endDay, timeZone) + end * 60_000);
}

/**
 * "HH:MM" to minutes after midnight, or null when malformed.
 *
 * @example clockToMinutes('07:30'); // 450
 */
export function clockToMinutes(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** @example minutesToClock(450); // '07:30' */
export function minutesToClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
