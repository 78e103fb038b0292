// Tests for the periods a tree view evaluates: one contiguous run holding the series and
// the comparison period, the focus period last.

import { describe, expect, it } from 'vitest';
import { thrownDomainError } from '../domain-error.test-helpers';
import { periodLabel } from '../periods/period-label';
import type { PeriodOptions } from '../periods/periods';
import { treeViewPeriods } from './tree-view-periods';

const berlin: PeriodOptions = { timeZone: 'Europe/Berlin' };
const now = new Date('2026-04-15T12:00:00Z');
const labels = (periods: Parameters<typeof periodLabel>[0][]) =>
  periods.map((period) => periodLabel(period, berlin));

describe('treeViewPeriods', () => {
  it('ends with the last complete period, compared with the one before', () => {
    const planned = treeViewPeriods({ grain: 'month', periods: 3 }, now, berlin);
    expect(labels(planned.periods)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(planned).toMatchObject({
      grain: 'month',
      seriesFrom: 0,
      comparisonIndex: 1,
      compare: 'previous',
    });
  });

  it('reaches back a year for the comparison, the series still its asked length', () => {
    const planned = treeViewPeriods({ grain: 'month', periods: 3, compare: 'year' }, now, berlin);
    expect(planned.periods).toHaveLength(13);
    expect(labels([planned.periods[planned.comparisonIndex]!])).toEqual(['Mar 2025']);
    expect(labels(planned.periods.slice(planned.seriesFrom))).toEqual([
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
    ]);
  });

  it('focuses the period holding `at`, and at least two periods', () => {
    const planned = treeViewPeriods({ grain: 'month', periods: 1, at: '2026-02-10' }, now, berlin);
    expect(labels(planned.periods)).toEqual(['Jan 2026', 'Feb 2026']);
  });

  it('evaluates every period of a range, a one-period range with the period before', () => {
    const range = treeViewPeriods(
      {
        grain: 'month',
        range: { from: '2026-01-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00' },
        compare: 'year',
      },
      now,
      berlin,
    );
    expect(labels(range.periods)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(range).toMatchObject({ seriesFrom: 0, comparisonIndex: 1, compare: 'previous' });
    const one = treeViewPeriods(
      {
        grain: 'month',
        range: { from: '2026-03-05T00:00:00+01:00', to: '2026-03-06T00:00:00+01:00' },
      },
      now,
      berlin,
    );
    expect(labels(one.periods)).toEqual(['Feb 2026', 'Mar 2026']);
  });

  it('refuses a malformed date and an empty range, naming them', () => {
    const codeOf = (run: () => unknown) => {
      const error = thrownDomainError(run);
      return [error.code, error.message];
    };
    expect(
      codeOf(() => treeViewPeriods({ grain: 'month', at: '03/01/2026' }, now, berlin)),
    ).toEqual([
      'invalid_date',
      "at: '03/01/2026' is not a date; write it like 2026-03-01 (YYYY-MM-DD)",
    ]);
    expect(
      codeOf(() =>
        treeViewPeriods(
          { grain: 'month', range: { from: '2026-03-01', to: '2026-03-01' } },
          now,
          berlin,
        ),
      )[0],
    ).toBe('invalid_range');
  });
});
