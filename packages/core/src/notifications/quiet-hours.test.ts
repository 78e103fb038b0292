import { describe, expect, it } from 'vitest';
import { clockToMinutes, minutesToClock, quietHoursEnd } from './quiet-hours';

const night = { startMinute: 22 * 60, endMinute: 7 * 60 };

describe('quietHoursEnd', () => {
  it('defers a message sent late in the evening to the next morning, in the zone', () => {
    // 23:30 in Berlin (winter, UTC+1) is 22:30 UTC; quiet ends 07:00 Berlin = 06:00 UTC.
    expect(
      quietHoursEnd(new Date('2026-12-07T22:30:00Z'), night, 'Europe/Berlin')?.toISOString(),
    ).toBe('2026-12-08T06:00:00.000Z');
  });
  it('after midnight, the same morning', () => {
    expect(
      quietHoursEnd(new Date('2026-12-08T04:00:00Z'), night, 'Europe/Berlin')?.toISOString(),
    ).toBe('2026-12-08T06:00:00.000Z');
  });
  it('outside the quiet hours, nothing to wait for', () => {
    expect(quietHoursEnd(new Date('2026-12-08T12:00:00Z'), night, 'Europe/Berlin')).toBeNull();
    expect(quietHoursEnd(new Date('2026-12-08T06:00:00Z'), night, 'Europe/Berlin')).toBeNull();
  });
  it('a span within one day (12:00–13:00 lunch)', () => {
    const lunch = { startMinute: 12 * 60, endMinute: 13 * 60 };
    expect(quietHoursEnd(new Date('2026-12-08T12:15:00Z'), lunch, 'UTC')?.toISOString()).toBe(
      '2026-12-08T13:00:00.000Z',
    );
    expect(quietHoursEnd(new Date('2026-12-08T13:00:00Z'), lunch, 'UTC')).toBeNull();
  });
  it('equal start and end are no quiet hours', () => {
    expect(quietHoursEnd(new Date(), { startMinute: 60, endMinute: 60 }, 'UTC')).toBeNull();
  });
});

describe('clock text', () => {
  it('reads and writes HH:MM', () => {
    expect(clockToMinutes('07:30')).toBe(450);
    expect(clockToMinutes('24:00')).toBeNull();
    expect(clockToMinutes('7:30')).toBeNull();
    expect(minutesToClock(450)).toBe('07:30');
    expect(minutesToClock(22 * 60)).toBe('22:00');
  });
});
