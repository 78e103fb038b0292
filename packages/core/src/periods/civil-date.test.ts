// Tests for wall-calendar arithmetic: round trips against the Date reference and known dates.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsToFirst,
  civilToDayNumber,
  compareCivilDates,
  dayNumberToCivil,
  daysInMonth,
  formatCivilDate,
  isoWeekday,
} from './civil-date';

describe('civil dates', () => {
  it('round-trips day numbers and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 800_000 }), (dayNumber) => {
        const date = dayNumberToCivil(dayNumber);
        expect(civilToDayNumber(date)).toBe(dayNumber);
        const reference = new Date(dayNumber * 86_400_000);
        expect(date).toEqual({
          year: reference.getUTCFullYear(),
          month: reference.getUTCMonth() + 1,
          day: reference.getUTCDate(),
        });
        expect(isoWeekday(date)).toBe(((reference.getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('does calendar arithmetic', () => {
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(addDays({ year: 2027, month: 1, day: 1 }, -1)).toEqual({
      year: 2026,
      month: 12,
      day: 31,
    });
    expect(addMonthsToFirst({ year: 2026, month: 2, day: 17 }, -3)).toEqual({
      year: 2025,
      month: 11,
      day: 1,
    });
    expect(addMonthsToFirst({ year: 2026, month: 11, day: 1 }, 14)).toEqual({
      year: 2028,
      month: 1,
      day: 1,
    });
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(isoWeekday({ year: 2026, month: 3, day: 29 })).toBe(7);
    expect(
      compareCivilDates({ year: 2026, month: 1, day: 2 }, { year: 2026, month: 1, day: 1 }),
    ).toBe(1);
    expect(formatCivilDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
  });
});
