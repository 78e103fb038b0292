import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonPeriod, samePeriodLastYear } from './comparison-period';
import { periodLabel } from './period-label';
import type { Grain } from './periods';
import { type PeriodOptions, periodContaining, periodLocalDays, previousPeriod } from './periods';

const berlin: PeriodOptions = { timeZone: 'Europe/Berlin' };
const label = (instant: string, grain: Grain, options = berlin) =>
  periodLabel(samePeriodLastYear(periodContaining(instant, grain, options), options), options);

describe('samePeriodLastYear', () => {
  it('goes 12 months back for a month, 4 quarters for a quarter, a year for a year', () => {
    expect(label('2026-03-15T12:00:00Z', 'month')).toBe('Mar 2025');
    expect(label('2026-01-15T12:00:00Z', 'month')).toBe('Jan 2025');
    expect(label('2026-11-15T12:00:00Z', 'quarter')).toBe('Q4 2025');
    expect(label('2026-11-15T12:00:00Z', 'year')).toBe('2025');
  });

  it('goes 52 weeks back for a week, so the weekdays line up', () => {
    const week = periodContaining('2026-10-14T12:00:00Z', 'week', berlin);
    const lastYear = samePeriodLastYear(week, berlin);
    expect(periodLabel(week, berlin)).toBe('W42 2026');
    expect(periodLabel(lastYear, berlin)).toBe('W42 2025');
    expect(periodLocalDays(lastYear, berlin)).toBe(7);
    // Across the spring DST change of 2025 the window is still a whole local week.
    const spring = samePeriodLastYear(
      periodContaining('2026-03-25T12:00:00Z', 'week', berlin),
      berlin,
    );
    expect(periodLabel(spring, berlin)).toBe('W13 2025');
    expect(periodLocalDays(spring, berlin)).toBe(7);
  });

  it('goes 364 days back for a day (the same weekday)', () => {
    expect(label('2026-10-14T12:00:00Z', 'day')).toBe('15 Oct 2025');
  });

  it('follows a fiscal year that starts in another month', () => {
    const fiscal: PeriodOptions = { timeZone: 'UTC', fiscalYearStartMonth: 10 };
    expect(label('2026-11-15T12:00:00Z', 'quarter', fiscal)).toBe('Q1 FY2026');
  });

  it('always lands a whole number of periods back (property)', () => {
    const steps: Record<Grain, number> = { day: 364, week: 52, month: 12, quarter: 4, year: 1 };
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2040-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom<Grain>('week', 'month', 'quarter', 'year'),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney'),
        (date, grain, timeZone) => {
          const options = { timeZone };
          const period = periodContaining(date, grain, options);
          let back = period;
          for (let i = 0; i < steps[grain]; i++) back = previousPeriod(back, options);
          expect(samePeriodLastYear(period, options)).toEqual(back);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('comparisonPeriod', () => {
  it('is the period before for "previous" and the same period last year for "year"', () => {
    const march = periodContaining('2026-03-15T12:00:00Z', 'month', berlin);
    expect(periodLabel(comparisonPeriod(march, 'previous', berlin), berlin)).toBe('Feb 2026');
    expect(periodLabel(comparisonPeriod(march, 'year', berlin), berlin)).toBe('Mar 2025');
  });
});
