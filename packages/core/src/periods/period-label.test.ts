// Tests for period labels: each grain, ISO week-year edges, fiscal naming, and the PeriodView bridge.

import { describe, expect, it } from 'vitest';
import { periodLabel, weekNumber } from './period-label';
import { toPeriodView } from './period-view';
import type { Grain } from './periods';
import { type PeriodOptions, periodContaining, periodsBetween } from './periods';

const label = (instant: string, grain: Grain, options: PeriodOptions = { timeZone: 'UTC' }) =>
  periodLabel(periodContaining(instant, grain, options), options);

describe('periodLabel', () => {
  it('labels each grain', () => {
    expect(label('2026-10-12T09:00:00Z', 'day')).toBe('12 Oct 2026');
    expect(label('2026-10-07T09:00:00Z', 'week')).toBe('W41 2026');
    expect(label('2026-10-12T09:00:00Z', 'month')).toBe('Oct 2026');
    expect(label('2026-08-12T09:00:00Z', 'quarter')).toBe('Q3 2026');
    expect(label('2026-08-12T09:00:00Z', 'year')).toBe('2026');
  });

  it('labels in local time, not UTC', () => {
    const berlin = { timeZone: 'Europe/Berlin' };
    expect(label('2026-12-31T23:30:00Z', 'day', berlin)).toBe('1 Jan 2027');
    expect(label('2026-12-31T23:30:00Z', 'year', berlin)).toBe('2027');
  });

  it('numbers ISO weeks by their Thursday, across year ends', () => {
    expect(label('2026-12-31T12:00:00Z', 'week')).toBe('W53 2026');
    expect(label('2027-01-01T12:00:00Z', 'week')).toBe('W53 2026');
    expect(label('2027-01-04T12:00:00Z', 'week')).toBe('W01 2027');
    expect(label('2024-12-30T12:00:00Z', 'week')).toBe('W01 2025');
    expect(label('2021-01-03T12:00:00Z', 'week')).toBe('W53 2020');
  });

  it('applies the same fourth-day rule to Sunday weeks', () => {
    expect(weekNumber({ year: 2026, month: 1, day: 4 })).toEqual({ week: 1, year: 2026 });
    expect(weekNumber({ year: 2025, month: 12, day: 28 })).toEqual({ week: 53, year: 2025 });
    expect(label('2026-01-01T12:00:00Z', 'week', { timeZone: 'UTC', weekStart: 7 })).toBe(
      'W53 2025',
    );
  });

  it('names fiscal years by their end year unless told otherwise', () => {
    const fiscal = { timeZone: 'UTC', fiscalYearStartMonth: 10 };
    expect(label('2026-11-15T00:00:00Z', 'quarter', fiscal)).toBe('Q1 FY2027');
    expect(label('2027-09-15T00:00:00Z', 'quarter', fiscal)).toBe('Q4 FY2027');
    expect(label('2026-11-15T00:00:00Z', 'year', fiscal)).toBe('FY2027');
    expect(label('2026-11-15T00:00:00Z', 'year', { ...fiscal, fiscalYearNamedBy: 'start' })).toBe(
      'FY2026',
    );
  });

  it('gives distinct labels to consecutive periods', () => {
    const options = { timeZone: 'Australia/Lord_Howe', weekStart: 3, fiscalYearStartMonth: 4 };
    for (const grain of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const span = grain === 'day' ? '2026-12-01T00:00:00Z' : '2030-01-01T00:00:00Z';
      const labels = periodsBetween('2026-01-01T00:00:00Z', span, grain, options).map((period) =>
        periodLabel(period, options),
      );
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});

describe('toPeriodView', () => {
  it('fills the tree-view contract', () => {
    const options = { timeZone: 'Europe/Berlin' };
    const month = periodContaining('2026-10-12T09:00:00Z', 'month', options);
    expect(toPeriodView(month, options, '2026-10-20T00:00:00Z')).toEqual({
      grain: 'month',
      start: '2026-09-30T22:00:00.000Z',
      end: '2026-10-31T23:00:00.000Z',
      label: 'Oct 2026',
      toDate: true,
    });
    expect(toPeriodView(month, options, '2026-11-20T00:00:00Z').toDate).toBe(false);
  });
});
