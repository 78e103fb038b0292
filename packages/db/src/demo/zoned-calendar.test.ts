import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumberOfDate, ZonedCalendar } from './zoned-calendar';

describe('ZonedCalendar', () => {
  const ny = new ZonedCalendar('America/New_York');

  it('starts local days at local midnight, 23 and 25 hours long on DST days', () => {
    const day = (date: string) => ny.day(dayNumberOfDate(date));
    expect(new Date(day('2026-03-08').startMs).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(day('2026-03-09').startMs - day('2026-03-08').startMs).toBe(23 * 3_600_000);
    expect(day('2026-11-02').startMs - day('2026-11-01').startMs).toBe(25 * 3_600_000);
    expect(day('2026-03-09')).toMatchObject({ date: '2026-03-09', weekday: 1 });
    expect(day('2026-03-08').weekday).toBe(7);
  });

  it('places wall-clock times on the right instant after the switch', () => {
    const n = dayNumberOfDate('2026-03-08');
    expect(new Date(ny.instantAt(n, 9 * 3600)).toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(new Date(ny.instantAt(n - 1, 9 * 3600)).toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(ny.dayNumberAt(Date.parse('2026-03-08T04:59:59Z'))).toBe(n - 1);
    expect(ny.dayNumberAt(Date.parse('2026-03-08T05:00:00Z'))).toBe(n);
  });

  it('measures the seconds of a day before an end instant consistently with instantAt', () => {
    const n = dayNumberOfDate('2026-11-20');
    const end = Date.parse('2026-11-20T19:30:00Z'); // 14:30 EST
    const limit = ny.secondsBefore(n, end);
    expect(limit).toBe(14.5 * 3600);
    expect(ny.instantAt(n, limit - 1)).toBeLessThan(end);
    expect(ny.instantAt(n, limit)).toBe(end);
  });

  it('converts dates and day numbers both ways and rejects unknown zones', () => {
    expect(dateOfDayNumber(dayNumberOfDate('2024-02-29'))).toBe('2024-02-29');
    expect(dayNumberOfDate('1970-01-02')).toBe(1);
    expect(() => new ZonedCalendar('Mars/Olympus')).toThrow(/unknown time zone 'Mars\/Olympus'/);
  });
});
