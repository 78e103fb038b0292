import { lastCompletePeriod, type PeriodOptions, periodContaining } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import { periodChoices, RECENT_PERIODS, refocusAtGrain, stepFocus } from './period-choices';

const options: PeriodOptions = { timeZone: 'Europe/Berlin', weekStart: 1, fiscalYearStartMonth: 1 };
const now = new Date('2026-11-15T12:00:00Z');
const latestMonth = lastCompletePeriod(now, 'month', options);

describe('periodChoices', () => {
  it('lists the recent periods newest first, labelled like the app', () => {
    const choices = periodChoices(latestMonth, null, options);
    expect(choices).toHaveLength(RECENT_PERIODS.month);
    expect(choices.slice(0, 3).map((c) => [c.label, c.at])).toEqual([
      ['Oct 2026', '2026-10-01'],
      ['Sep 2026', '2026-09-01'],
      ['Aug 2026', '2026-08-01'],
    ]);
    expect(choices.at(-1)?.label).toBe('Nov 2024');
  });

  it('labels weeks and quarters the same way the top bar does', () => {
    const weeks = periodChoices(lastCompletePeriod(now, 'week', options), null, options, 2);
    expect(weeks.map((c) => [c.label, c.at])).toEqual([
      ['W45 2026', '2026-11-02'],
      ['W44 2026', '2026-10-26'],
    ]);
    const quarters = periodChoices(lastCompletePeriod(now, 'quarter', options), null, options, 2);
    expect(quarters.map((c) => c.label)).toEqual(['Q3 2026', 'Q2 2026']);
  });

  it('reaches back to an older focus', () => {
    const focus = periodContaining('2024-03-10T12:00:00Z', 'month', options);
    const choices = periodChoices(latestMonth, focus, options, 3);
    expect(choices[0]?.label).toBe('Oct 2026');
    expect(choices.at(-1)?.label).toBe('Mar 2024');
    expect(choices).toHaveLength(32);
  });
});

describe('stepFocus', () => {
  const august = periodContaining('2026-08-10T12:00:00Z', 'month', options);
  const september = periodContaining('2026-09-10T12:00:00Z', 'month', options);

  it('steps one period earlier or later', () => {
    expect(stepFocus(september, 'earlier', latestMonth, options)).toBe('2026-08-01');
    expect(stepFocus(august, 'later', latestMonth, options)).toBe('2026-09-01');
  });

  it('gives null (follow the latest) on reaching the latest complete period', () => {
    expect(stepFocus(september, 'later', latestMonth, options)).toBeNull();
    expect(stepFocus(latestMonth, 'later', latestMonth, options)).toBeNull();
  });
});

describe('refocusAtGrain', () => {
  it('keeps following the latest period', () => {
    expect(refocusAtGrain(null, 'month', 'week', now, options)).toBeNull();
  });

  it("lands on the new grain's period holding the old focus's last instant", () => {
    // Mar 2026 ends on Tuesday 31 March: the week of 30 March (W14).
    expect(refocusAtGrain('2026-03-01', 'month', 'week', now, options)).toBe('2026-03-30');
    // W10 2026 (2–8 March) → March 2026 → Q1 2026.
    expect(refocusAtGrain('2026-03-02', 'week', 'month', now, options)).toBe('2026-03-01');
    expect(refocusAtGrain('2026-03-01', 'month', 'quarter', now, options)).toBe('2026-01-01');
  });

  it('caps at the last complete period of the new grain', () => {
    // Aug 2026 → Q3 2026, the last complete quarter: follow the latest.
    expect(refocusAtGrain('2026-08-01', 'month', 'quarter', now, options)).toBeNull();
    // Oct 2026 → Q4 2026 is not complete yet: the latest complete quarter, again null.
    expect(refocusAtGrain('2026-10-01', 'month', 'quarter', now, options)).toBeNull();
  });
});
