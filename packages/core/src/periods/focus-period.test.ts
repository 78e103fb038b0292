import { describe, expect, it } from 'vitest';
import {
  focusPeriod,
  lastCompletePeriod,
  parseLocalDate,
  periodAt,
  periodsEndingWith,
} from './focus-period';
import { periodLabel } from './period-label';
import { type PeriodOptions, periodContaining } from './periods';

const berlin: PeriodOptions = { timeZone: 'Europe/Berlin' };
const now = '2026-04-15T12:00:00Z';

describe('parseLocalDate', () => {
  it('reads YYYY-MM-DD and refuses what is not a calendar date', () => {
    expect(parseLocalDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    for (const text of [
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '26-02-01',
      '2026-2-1',
      'x',
      '',
    ]) {
      expect(parseLocalDate(text), text).toBeNull();
    }
  });
});

describe('focusPeriod', () => {
  it('is the last complete period without a date', () => {
    expect(periodLabel(focusPeriod(null, 'month', now, berlin), berlin)).toBe('Mar 2026');
    expect(focusPeriod(undefined, 'week', now, berlin)).toEqual(
      lastCompletePeriod(now, 'week', berlin),
    );
  });

  it('is the period holding the date, cut in the workspace zone', () => {
    const at = { year: 2026, month: 1, day: 1 };
    expect(periodLabel(focusPeriod(at, 'month', now, berlin), berlin)).toBe('Jan 2026');
    expect(periodLabel(focusPeriod(at, 'quarter', now, berlin), berlin)).toBe('Q1 2026');
    // 1 Jan 2026 is a Thursday: its Monday week starts 29 Dec 2025 (W01 2026).
    expect(periodLabel(focusPeriod(at, 'week', now, berlin), berlin)).toBe('W01 2026');
  });

  it('never passes the last complete period: the current period and the future clamp to it', () => {
    for (const at of [
      { year: 2026, month: 4, day: 2 },
      { year: 2026, month: 4, day: 30 },
      { year: 2031, month: 1, day: 1 },
    ]) {
      expect(periodLabel(focusPeriod(at, 'month', now, berlin), berlin)).toBe('Mar 2026');
    }
  });
});

describe('periodsEndingWith and periodAt', () => {
  it('lists the periods up to and including the last, oldest first', () => {
    const last = periodContaining('2026-03-15T12:00:00Z', 'month', berlin);
    const periods = periodsEndingWith(last, 3, berlin);
    expect(periods.map((p) => periodLabel(p, berlin))).toEqual([
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
    ]);
    expect(periods.map((p) => periodAt(p, berlin))).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(() => periodsEndingWith(last, 0, berlin)).toThrow(/at least 1/);
  });

  it('names a period by a date that gives it back', () => {
    const week = periodContaining('2026-03-25T12:00:00Z', 'week', berlin);
    expect(periodAt(week, berlin)).toBe('2026-03-23');
    expect(focusPeriod(parseLocalDate(periodAt(week, berlin)), 'week', now, berlin)).toEqual(week);
  });
});
