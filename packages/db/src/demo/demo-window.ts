/**
 * The span of local days the demo data cover: from local midnight `months` calendar
 * months before the end's local date, through the local day holding the last instant
 * before `end`.
 */
import type { ResolvedDemoOptions } from './demo-options';
import { dateOfDayNumber, dayNumberOfDate, ZonedCalendar } from './zoned-calendar';

export interface DemoWindow {
  calendar: ZonedCalendar;
  /** Local day number of the first day. */
  firstDayNumber: number;
  /** Local day number of the last day (it may end early, at `endMs`). */
  lastDayNumber: number;
  /** The instant the first day starts. */
  startMs: number;
  /** Exclusive end. */
  endMs: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** @example demoWindow(resolveDemoOptions({ seed: 1, end: new Date('2026-11-23T05:00:00Z') })).firstDayNumber // 2026-04-23 */
export function demoWindow(options: ResolvedDemoOptions): DemoWindow {
  const calendar = new ZonedCalendar(options.timeZone);
  const endMs = options.end.getTime();
  const endDate = dateOfDayNumber(calendar.dayNumberAt(endMs));
  const [year = 1970, month = 1, day = 1] = endDate.split('-').map(Number);
  const monthIndex = year * 12 + (month - 1) - options.months;
  const startYear = Math.floor(monthIndex / 12);
  const startMonth = (monthIndex % 12) + 1;
  const startDay = Math.min(day, daysInMonth(startYear, startMonth));
  const firstDayNumber = dayNumberOfDate(
    `${String(startYear).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-${String(startDay).padStart(2, '0')}`,
  );
  return {
    calendar,
    firstDayNumber,
    lastDayNumber: calendar.dayNumberAt(endMs - 1),
    startMs: calendar.day(firstDayNumber).startMs,
    endMs,
  };
}
