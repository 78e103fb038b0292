import { describe, expect, it } from 'vitest';
import { growthPercent, growthRows, hasNoData, pointRows } from './growth-rows';
import { seriesOf } from './test-series';

describe('growthPercent', () => {
  it('is the change in percent of the previous value, as the API reports a change', () => {
    expect(growthPercent(110, 100)).toBeCloseTo(10);
    expect(growthPercent(75, 100)).toBeCloseTo(-25);
  });

  it('measures against the size of a negative previous value', () => {
    expect(growthPercent(-50, -100)).toBeCloseTo(50);
  });

  it('is null (no data) without both values or from 0, never 0 or Infinity', () => {
    expect(growthPercent(null, 100)).toBeNull();
    expect(growthPercent(100, null)).toBeNull();
    expect(growthPercent(5, 0)).toBeNull();
    expect(growthPercent(Number.NaN, 1)).toBeNull();
  });
});

describe('growthRows', () => {
  it('gives one row per period with the previous value and the growth', () => {
    const rows = growthRows(seriesOf([100, 110, null, 121]));
    expect(rows.map((row) => [row.label, row.value, row.previous, row.growth])).toEqual([
      ['Jan 2026', 100, null, null],
      ['Feb 2026', 110, 100, expect.closeTo(10)],
      ['Mar 2026', null, 110, null],
      ['Apr 2026', 121, null, null],
    ]);
    expect(rows.at(-1)?.toDate).toBe(true);
  });

  it('keeps the last rows, the earlier period still giving the first kept one its growth', () => {
    const rows = growthRows(seriesOf([100, 120, 90]), 2);
    expect(rows.map((row) => row.label)).toEqual(['Feb 2026', 'Mar 2026']);
    expect(rows[0]?.growth).toBeCloseTo(20);
    expect(rows[1]?.growth).toBeCloseTo(-25);
  });
});

describe('pointRows', () => {
  it('turns a tree node series into growth rows, the last one to date when the view is', () => {
    const rows = pointRows(
      [
        { periodStart: 'a', label: 'Oct 2026', value: 4 },
        { periodStart: 'b', label: 'Nov 2026', value: 5 },
      ],
      true,
    );
    expect(rows[1]).toMatchObject({ previous: 4, toDate: true });
    expect(rows[1]?.growth).toBeCloseTo(25);
    expect(rows[0]?.toDate).toBe(false);
  });
});

describe('hasNoData', () => {
  it('is true only when every period is missing', () => {
    expect(hasNoData([null, null])).toBe(true);
    expect(hasNoData([])).toBe(true);
    expect(hasNoData([null, 0])).toBe(false);
  });
});
