import { describe, expect, it } from 'vitest';
import type { DataHealth } from './data-api';
import { healthChartData, isHealthEmpty } from './health-chart-data';

const period = (label: string, toDate = false) => ({
  grain: 'week' as const,
  start: '2026-03-02T00:00:00.000Z',
  end: '2026-03-09T00:00:00.000Z',
  label,
  toDate,
});

const periods: DataHealth['periods'] = [
  { period: period('W10'), counted: 40, excluded: { duplicate: 2, deleted: 0, no_contact: 0 } },
  {
    period: period('W11', true),
    counted: 12,
    excluded: { duplicate: 0, deleted: 1, no_contact: 0, brand_new: 4 },
  },
];

describe('healthChartData', () => {
  it('gives one row per period with counted and each reason that occurs, in stacking order', () => {
    const { rows, reasons } = healthChartData(periods);
    expect(reasons).toEqual(['duplicate', 'deleted', 'brand_new']);
    expect(rows).toEqual([
      { label: 'W10', toDate: false, counted: 40, duplicate: 2, deleted: 0, brand_new: 0 },
      { label: 'W11', toDate: true, counted: 12, duplicate: 0, deleted: 1, brand_new: 4 },
    ]);
  });
});

describe('isHealthEmpty', () => {
  it('is true only when no period holds any activity', () => {
    expect(isHealthEmpty(periods)).toBe(false);
    expect(isHealthEmpty([{ period: period('W1'), counted: 0, excluded: { duplicate: 0 } }])).toBe(
      true,
    );
  });
});
