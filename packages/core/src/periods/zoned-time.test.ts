// Tests for Intl-based wall clocks, offsets and the start of a local day.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilToDayNumber, dayNumberToCivil } from './civil-date';
import { localDateAt, offsetAt, startOfLocalDay, wallClockAt } from './zoned-time';

describe('zoned time', () => {
  it('reads wall clocks and offsets, including half-hour zones', () => {
    expect(wallClockAt(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 3,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
    expect(offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'Australia/Lord_Howe')).toBe(37_800_000);
    expect(offsetAt(Date.parse('2026-01-01T00:00:00Z'), 'Australia/Lord_Howe')).toBe(39_600_000);
    expect(offsetAt(Date.parse('2026-01-01T00:00:00.123Z'), 'Asia/Kolkata')).toBe(19_800_000);
    expect(localDateAt(Date.parse('2026-10-11T23:30:00Z'), 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 10,
      day: 12,
    });
  });

  it('finds the start of a local day whose local date is that day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: civilToDayNumber({ year: 1990, month: 1, day: 1 }), max: 25_000 }),
        fc.constantFrom('Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Beirut'),
        (dayNumber, timeZone) => {
          const date = dayNumberToCivil(dayNumber);
          const start = startOfLocalDay(date, timeZone);
          expect(localDateAt(start, timeZone)).toEqual(date);
          expect(civilToDayNumber(localDateAt(start - 1, timeZone))).toBeLessThan(dayNumber);
        },
      ),
    );
  });
});
