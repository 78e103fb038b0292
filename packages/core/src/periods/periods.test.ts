// Tests for periods: worked DST examples plus fast-check properties across zones, transitions and year ends.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { civilToDayNumber, isoWeekday } from './civil-date';
import type { Grain } from './periods';
import {
  GRAINS,
  isToDate,
  nextPeriod,
  type Period,
  type PeriodOptions,
  periodContaining,
  periodLocalDays,
  periodStartDate,
  periodsBetween,
  previousPeriod,
  toEpochMs,
} from './periods';
import { localDateAt, wallClockAt } from './zoned-time';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function hours(period: Period): number {
  return (Date.parse(period.end) - Date.parse(period.start)) / HOUR;
}

describe('periodContaining: worked examples', () => {
  it('cuts the 23-hour spring-forward day in Europe/Berlin on 2026-03-29', () => {
    const day = periodContaining('2026-03-29T12:00:00Z', 'day', { timeZone: 'Europe/Berlin' });
    expect(day).toEqual({
      grain: 'day',
      start: '2026-03-28T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
    });
    expect(hours(day)).toBe(23);
  });

  it('cuts the 25-hour fall-back day in Europe/Berlin on 2026-10-25', () => {
    const day = periodContaining('2026-10-25T01:30:00Z', 'day', { timeZone: 'Europe/Berlin' });
    expect(day.start).toBe('2026-10-24T22:00:00.000Z');
    expect(day.end).toBe('2026-10-25T23:00:00.000Z');
    expect(hours(day)).toBe(25);
  });

  it('cuts 23- and 25-hour days in America/New_York', () => {
    const options = { timeZone: 'America/New_York' };
    expect(hours(periodContaining('2026-03-08T15:00:00Z', 'day', options))).toBe(23);
    expect(hours(periodContaining('2026-11-01T15:00:00Z', 'day', options))).toBe(25);
  });

  it('handles the 30-minute DST shift of Australia/Lord_Howe', () => {
    const options = { timeZone: 'Australia/Lord_Howe' };
    const spring = periodContaining('2026-10-04T06:00:00Z', 'day', options);
    expect(spring).toMatchObject({
      start: '2026-10-03T13:30:00.000Z',
      end: '2026-10-04T13:00:00.000Z',
    });
    expect(hours(spring)).toBe(23.5);
    expect(hours(periodContaining('2026-04-05T06:00:00Z', 'day', options))).toBe(24.5);
  });

  it('starts the day at the jump where DST skips midnight (America/Santiago)', () => {
    const options = { timeZone: 'America/Santiago' };
    const day = periodContaining('2026-09-06T12:00:00Z', 'day', options);
    expect(day.start).toBe('2026-09-06T04:00:00.000Z');
    expect(wallClockAt(Date.parse(day.start), options.timeZone)).toMatchObject({
      day: 6,
      hour: 1,
      minute: 0,
    });
    expect(hours(day)).toBe(23);
    expect(previousPeriod(day, options).end).toBe(day.start);
  });

  it('starts the day at the first midnight where midnight repeats (America/Havana)', () => {
    const options = { timeZone: 'America/Havana' };
    const day = periodContaining('2026-11-01T12:00:00Z', 'day', options);
    expect(day.start).toBe('2026-11-01T04:00:00.000Z');
    expect(hours(day)).toBe(25);
  });

  it('never returns the calendar day Pacific/Apia skipped (30 Dec 2011)', () => {
    const options = { timeZone: 'Pacific/Apia' };
    const day = periodContaining('2011-12-30T10:00:00Z', 'day', options);
    expect(periodStartDate(day, options)).toEqual({ year: 2011, month: 12, day: 31 });
    const before = previousPeriod(day, options);
    expect(periodStartDate(before, options)).toEqual({ year: 2011, month: 12, day: 29 });
    expect(before.end).toBe(day.start);
    expect(hours(before)).toBe(24);
  });

  it('keeps a DST week to 7 local days (167 hours)', () => {
    const options = { timeZone: 'Europe/Berlin' };
    const week = periodContaining('2026-03-29T12:00:00Z', 'week', options);
    expect(week).toEqual({
      grain: 'week',
      start: '2026-03-22T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
    });
    expect(hours(week)).toBe(167);
    expect(periodLocalDays(week, options)).toBe(7);
  });

  it('honours a Sunday week start', () => {
    const options = { timeZone: 'UTC', weekStart: 7 };
    const week = periodContaining('2026-10-14T12:00:00Z', 'week', options);
    expect(week.start).toBe('2026-10-11T00:00:00.000Z');
    expect(week.end).toBe('2026-10-18T00:00:00.000Z');
  });

  it('cuts months, quarters and years at local midnight', () => {
    const options = { timeZone: 'Europe/Berlin' };
    expect(periodContaining('2026-10-31T23:30:00Z', 'month', options)).toEqual({
      grain: 'month',
      start: '2026-10-31T23:00:00.000Z',
      end: '2026-11-30T23:00:00.000Z',
    });
    expect(periodContaining('2026-08-15T00:00:00Z', 'quarter', options)).toMatchObject({
      start: '2026-06-30T22:00:00.000Z',
      end: '2026-09-30T22:00:00.000Z',
    });
    expect(periodContaining('2026-12-31T23:30:00Z', 'year', options)).toMatchObject({
      start: '2026-12-31T23:00:00.000Z',
      end: '2027-12-31T23:00:00.000Z',
    });
  });

  it('cuts fiscal quarters and years from fiscalYearStartMonth', () => {
    const options = { timeZone: 'UTC', fiscalYearStartMonth: 10 };
    expect(periodContaining('2026-11-15T00:00:00Z', 'quarter', options)).toMatchObject({
      start: '2026-10-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    });
    expect(periodContaining('2026-09-30T23:59:59Z', 'year', options)).toMatchObject({
      start: '2025-10-01T00:00:00.000Z',
      end: '2026-10-01T00:00:00.000Z',
    });
    expect(
      periodContaining('2026-01-15T00:00:00Z', 'quarter', {
        timeZone: 'UTC',
        fiscalYearStartMonth: 2,
      }),
    ).toMatchObject({ start: '2025-11-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' });
  });

  it('accepts Date instances and offset strings alike', () => {
    const options = { timeZone: 'Europe/Berlin' };
    expect(periodContaining(new Date('2026-03-29T12:00:00Z'), 'day', options)).toEqual(
      periodContaining('2026-03-29T14:00:00+02:00', 'day', options),
    );
  });
});

describe('validation', () => {
  const catchError = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected a throw');
  };

  it('rejects an unknown time zone with a clear message', () => {
    const error = catchError(() =>
      periodContaining('2026-01-01T00:00:00Z', 'day', { timeZone: 'Mars/Base' }),
    );
    expect(isDomainError(error, 'invalid_period_options')).toBe(true);
    expect((error as Error).message).toBe("unknown time zone 'Mars/Base'");
  });

  it('rejects out-of-range weekStart and fiscalYearStartMonth', () => {
    expect(() =>
      periodContaining('2026-01-01T00:00:00Z', 'week', { timeZone: 'UTC', weekStart: 0 }),
    ).toThrow(/weekStart must be an ISO weekday/);
    expect(() =>
      periodContaining('2026-01-01T00:00:00Z', 'year', {
        timeZone: 'UTC',
        fiscalYearStartMonth: 13,
      }),
    ).toThrow(/fiscalYearStartMonth must be a month from 1 to 12/);
  });

  it('rejects instants without an offset and unparseable ones', () => {
    expect(() => toEpochMs('2026-03-29T00:00')).toThrow(/has no UTC offset/);
    expect(() => toEpochMs('2026-99-99T00:00:00Z')).toThrow(/not a valid instant/);
    expect(() => toEpochMs(new Date(Number.NaN))).toThrow(/not a valid instant/);
  });

  it('rejects an unknown grain', () => {
    expect(() =>
      periodContaining('2026-01-01T00:00:00Z', 'fortnight' as Grain, { timeZone: 'UTC' }),
    ).toThrow(/unknown grain 'fortnight'/);
  });
});

describe('periodsBetween', () => {
  it('lists the periods overlapping [from, to)', () => {
    const months = periodsBetween('2026-01-15T00:00:00Z', '2026-04-01T00:00:00Z', 'month', {
      timeZone: 'UTC',
    });
    expect(months.map((p) => p.start)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ]);
  });

  it('returns nothing for an empty range and throws for an inverted one', () => {
    expect(
      periodsBetween('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'day', { timeZone: 'UTC' }),
    ).toEqual([]);
    expect(() =>
      periodsBetween('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z', 'day', { timeZone: 'UTC' }),
    ).toThrow(/ends .* before it starts/);
  });

  it('refuses ten years of days by default, with a domain error', () => {
    let error: unknown;
    try {
      periodsBetween('2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z', 'day', { timeZone: 'UTC' });
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'too_many_periods')).toBe(true);
    expect((error as Error).message).toMatch(/more than 1000 day periods; choose a coarser grain/);
  });

  it('rejects a maxPeriods that is not a positive whole number', () => {
    expect(() =>
      periodsBetween('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 'day', {
        timeZone: 'UTC',
        maxPeriods: 0,
      }),
    ).toThrow(/maxPeriods must be a positive whole number/);
  });

  it('allows a larger range when maxPeriods is raised', () => {
    const days = periodsBetween('2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z', 'day', {
      timeZone: 'Europe/Berlin',
      maxPeriods: 4000,
    });
    // 3653 days, plus 1 Jan 2030 in Berlin, which begins at 23:00 UTC the evening before `to`.
    expect(days).toHaveLength(3654);
  });
});

describe('isToDate', () => {
  it('flags the current, unfinished period only', () => {
    const week = periodContaining('2026-10-12T09:00:00Z', 'week', { timeZone: 'UTC' });
    expect(isToDate(week, '2026-10-14T09:00:00Z')).toBe(true);
    expect(isToDate(week, week.end)).toBe(false);
    expect(isToDate(week, week.start)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Zones where local midnight always exists (transitions happen at 01:00 or later). */
const MIDNIGHT_ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/St_Johns',
];
/** Zones whose DST jumps happen at midnight. */
const MIDNIGHT_JUMP_ZONES = ['America/Santiago', 'America/Havana', 'Asia/Beirut'];
const ZONES = [...MIDNIGHT_ZONES, ...MIDNIGHT_JUMP_ZONES];

/** Transition days (and year ends) in or near which instants are drawn. */
const HOT_DAYS = [
  '2026-03-29', // Berlin spring
  '2026-10-25', // Berlin fall
  '2026-03-08', // New York / Havana spring
  '2026-11-01', // New York / Havana fall
  '2026-04-05', // Lord Howe fall, Santiago fall
  '2026-10-04', // Lord Howe spring
  '2026-09-06', // Santiago spring
  '2026-12-31',
  '2027-01-01',
  '2028-02-29',
  '2020-12-31',
].map((day) => Date.parse(`${day}T00:00:00Z`));

const instantArb = fc.oneof(
  fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }),
  fc
    .tuple(fc.constantFrom(...HOT_DAYS), fc.integer({ min: -3 * DAY, max: 3 * DAY }))
    .map(([day, offset]) => day + offset),
);
const optionsArb: fc.Arbitrary<PeriodOptions> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weekStart: fc.integer({ min: 1, max: 7 }),
  fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
});
const grainArb = fc.constantFrom<Grain>(...GRAINS);
const RUNS = { numRuns: 300 };

function localDayNumber(ms: number, timeZone: string): number {
  return civilToDayNumber(localDateAt(ms, timeZone));
}

describe('period properties', () => {
  it('every instant lies in the period containing it, and in no neighbour', () => {
    fc.assert(
      fc.property(instantArb, grainArb, optionsArb, (ms, grain, options) => {
        const period = periodContaining(new Date(ms), grain, options);
        const start = Date.parse(period.start);
        const end = Date.parse(period.end);
        expect(start).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(end);
        // The whole window maps back to the same period; the instants outside do not.
        expect(periodContaining(new Date(start), grain, options)).toEqual(period);
        expect(periodContaining(new Date(end - 1), grain, options)).toEqual(period);
        expect(periodContaining(new Date(end), grain, options).start).toBe(period.end);
        expect(periodContaining(new Date(start - 1), grain, options).end).toBe(period.start);
      }),
      RUNS,
    );
  });

  it('consecutive periods tile time with no gaps or overlaps', () => {
    fc.assert(
      fc.property(instantArb, grainArb, optionsArb, (ms, grain, options) => {
        const period = periodContaining(new Date(ms), grain, options);
        const next = nextPeriod(period, options);
        const previous = previousPeriod(period, options);
        expect(next.start).toBe(period.end);
        expect(previous.end).toBe(period.start);
        expect(previousPeriod(next, options)).toEqual(period);
        expect(nextPeriod(previous, options)).toEqual(period);
      }),
      RUNS,
    );
  });

  it('a period starts at the first instant of a local day (local midnight where it exists)', () => {
    fc.assert(
      fc.property(instantArb, grainArb, optionsArb, (ms, grain, options) => {
        const start = Date.parse(periodContaining(new Date(ms), grain, options).start);
        expect(localDayNumber(start - 1, options.timeZone)).toBeLessThan(
          localDayNumber(start, options.timeZone),
        );
        if (MIDNIGHT_ZONES.includes(options.timeZone)) {
          expect(wallClockAt(start, options.timeZone)).toMatchObject({
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
          });
        }
      }),
      RUNS,
    );
  });

  it('each grain has its calendar shape', () => {
    fc.assert(
      fc.property(instantArb, grainArb, optionsArb, (ms, grain, options) => {
        const period = periodContaining(new Date(ms), grain, options);
        const first = periodStartDate(period, options);
        const days = periodLocalDays(period, options);
        const length = hours(period);
        switch (grain) {
          case 'day':
            expect(days).toBe(1);
            expect(length).toBeGreaterThanOrEqual(23);
            expect(length).toBeLessThanOrEqual(25);
            break;
          case 'week':
            expect(days).toBe(7);
            expect(isoWeekday(first)).toBe(options.weekStart);
            expect(Math.abs(length - 168)).toBeLessThanOrEqual(1);
            break;
          case 'month':
            expect(first.day).toBe(1);
            expect([28, 29, 30, 31]).toContain(days);
            break;
          case 'quarter':
            expect(first.day).toBe(1);
            expect((first.month - (options.fiscalYearStartMonth ?? 1) + 12) % 3).toBe(0);
            expect(days).toBeGreaterThanOrEqual(89);
            expect(days).toBeLessThanOrEqual(92);
            break;
          case 'year':
            expect(first).toMatchObject({ day: 1, month: options.fiscalYearStartMonth ?? 1 });
            expect([365, 366]).toContain(days);
            break;
        }
      }),
      RUNS,
    );
  });

  it('periodsBetween tiles [from, to) exactly', () => {
    fc.assert(
      fc.property(
        instantArb,
        fc.integer({ min: 0, max: 40 * DAY }),
        fc.constantFrom<Grain>('day', 'week', 'month'),
        optionsArb,
        (from, span, grain, options) => {
          const periods = periodsBetween(new Date(from), new Date(from + span), grain, options);
          if (span === 0) {
            expect(periods).toEqual([]);
            return;
          }
          const first = periods[0]!;
          const last = periods[periods.length - 1]!;
          expect(Date.parse(first.start)).toBeLessThanOrEqual(from);
          expect(Date.parse(last.end)).toBeGreaterThanOrEqual(from + span);
          expect(Date.parse(last.start)).toBeLessThan(from + span);
          periods.slice(1).forEach((period, index) => {
            expect(period.start).toBe(periods[index]!.end);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a week is the union of its 7 day periods', () => {
    fc.assert(
      fc.property(instantArb, optionsArb, (ms, options) => {
        const week = periodContaining(new Date(ms), 'week', options);
        const days = periodsBetween(week.start, week.end, 'day', options);
        expect(days).toHaveLength(7);
        expect(days[0]!.start).toBe(week.start);
        expect(days[6]!.end).toBe(week.end);
      }),
      { numRuns: 100 },
    );
  });
});
