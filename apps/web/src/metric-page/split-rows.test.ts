import { describe, expect, it } from 'vitest';
import { latestWithData, splitTable } from './split-rows';
import { seriesOf } from './test-series';

describe('splitTable', () => {
  it('lists each value of the last period, largest first, with its growth and share', () => {
    const table = splitTable(
      seriesOf([8, 10], {
        splitBy: 'channel',
        splits: [
          { value: 'call', values: [4, 4], numerators: null, denominators: null },
          { value: 'email', values: [4, 6], numerators: null, denominators: null },
        ],
      }),
    );
    expect(table.dimension).toBe('channel');
    expect(table.total).toBe(10);
    expect(table.rows.map((row) => [row.label, row.amount, row.previous])).toEqual([
      ['Email', 6, 4],
      ['Call', 4, 4],
    ]);
    expect(table.rows[0]?.growth).toBeCloseTo(50);
    expect(table.pieBasis).toBe('value');
    expect(table.slices.map((slice) => [slice.label, slice.share, slice.rowIndex])).toEqual([
      ['Email', 60, 0],
      ['Call', 40, 1],
    ]);
  });

  it('reads another period when asked, and puts rows without a value ("Not set") last', () => {
    const table = splitTable(
      seriesOf([10, 12], {
        splitBy: 'source',
        splits: [
          { value: null, values: [7, 1], numerators: null, denominators: null },
          { value: 'referral', values: [3, 11], numerators: null, denominators: null },
        ],
      }),
      0,
    );
    expect(table.rows.map((row) => [row.label, row.amount, row.previous])).toEqual([
      ['Referral', 3, null],
      ['Not set', 7, null],
    ]);
  });

  it("pies a ratio's numerator when the rates do not add up to the whole", () => {
    // Meeting rate by source: each source's rate, but their meetings add up.
    const table = splitTable(
      seriesOf([0.015], {
        splitBy: 'source',
        numerators: [30],
        denominators: [2000],
        splits: [
          { value: 'referral', values: [0.02], numerators: [20], denominators: [1000] },
          { value: 'events', values: [0.01], numerators: [10], denominators: [1000] },
        ],
      }),
    );
    expect(table.pieBasis).toBe('numerator');
    expect(table.slices.map((slice) => [slice.value, slice.part])).toEqual([
      ['referral', 20],
      ['events', 10],
    ]);
    expect(table.slices[0]?.share).toBeCloseTo(66.667, 2);
  });

  it('has no pie when neither the values nor the numerators add up', () => {
    const table = splitTable(
      seriesOf([5], {
        splitBy: 'segment',
        splits: [
          { value: 'smb', values: [4], numerators: null, denominators: null },
          { value: 'enterprise', values: [9], numerators: null, denominators: null },
        ],
      }),
    );
    expect(table.pieBasis).toBeNull();
    expect(table.slices).toEqual([]);
  });

  it('leaves missing values as no data, out of the pie', () => {
    const table = splitTable(
      seriesOf([4], {
        splitBy: 'channel',
        splits: [
          { value: 'call', values: [4], numerators: null, denominators: null },
          { value: 'email', values: [null], numerators: null, denominators: null },
        ],
      }),
    );
    expect(table.rows[1]).toMatchObject({ label: 'Email', amount: null, growth: null });
    expect(table.pieBasis).toBe('value');
    expect(table.slices.map((slice) => slice.value)).toEqual(['call']);
  });
});

describe('latestWithData', () => {
  const series = seriesOf([5, 7, null], {
    splitBy: 'segment',
    splits: [
      { value: 'smb', values: [5, 7, null], numerators: null, denominators: null },
      { value: null, values: [null, null, null], numerators: null, denominators: null },
    ],
  });

  it('opens on the latest period with a value (a week just begun has none)', () => {
    expect(latestWithData(series)).toBe(1);
  });

  it('never goes before the first period shown, and falls back to the latest', () => {
    expect(latestWithData(series, 2)).toBe(2);
    expect(latestWithData(seriesOf([null], { splits: [] }))).toBe(0);
  });
});
