// Tests for period buckets: one boundary per edge, gaps as buckets of their own.

import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { periodBuckets } from './period-buckets';

const month = (start: string, end: string) => ({ grain: 'month' as const, start, end });
const jan = month('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
const feb = month('2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z');
const mar = month('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z');

describe('periodBuckets', () => {
  it('shares the boundary between adjacent periods', () => {
    expect(periodBuckets([jan, feb])).toEqual({
      boundaries: [
        '2026-01-01T00:00:00.000Z',
        '2026-02-01T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
      ],
      bucketOfPeriod: [1, 2],
    });
  });

  it('leaves a gap its own bucket, read by stocks only', () => {
    expect(periodBuckets([jan, mar])).toEqual({
      boundaries: [
        '2026-01-01T00:00:00.000Z',
        '2026-02-01T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
        '2026-04-01T00:00:00.000Z',
      ],
      bucketOfPeriod: [1, 3],
    });
    expect(periodBuckets([])).toEqual({ boundaries: [], bucketOfPeriod: [] });
  });

  it('refuses periods out of order or overlapping, naming the first bad one', () => {
    try {
      periodBuckets([jan, mar, feb]);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'invalid_periods')).toBe(true);
      expect((error as Error).message).toMatch(
        /^period 3 .* overlaps or precedes the one before it/,
      );
    }
  });
});
