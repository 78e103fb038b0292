/**
 * Turns reporting periods into the ascending boundaries `width_bucket` sorts rows by, and
 * says which bucket holds each period. Periods may leave gaps (those buckets are read by
 * stocks only) but must be ascending and must not overlap.
 */
import { DomainError } from '../domain-error';
import { type Period, toEpochMs } from '../periods/periods';

export interface PeriodBuckets {
  /** Ascending ISO instants; bucket b (1-based) is [boundaries[b-1], boundaries[b]). */
  boundaries: string[];
  /** The bucket number of each period. Bucket 0 holds every row before the first boundary. */
  bucketOfPeriod: number[];
}

/**
 * @example
 * periodBuckets([{ grain: 'month', start: '2026-09-01T00:00:00.000Z', end: '2026-10-01T00:00:00.000Z' },
 *   { grain: 'month', start: '2026-10-01T00:00:00.000Z', end: '2026-11-01T00:00:00.000Z' }]);
 * // { boundaries: ['2026-09-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
 * //   bucketOfPeriod: [1, 2] }
 */
export function periodBuckets(periods: readonly Period[]): PeriodBuckets {
  const boundaries: string[] = [];
  const bucketOfPeriod: number[] = [];
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const [index, period] of periods.entries()) {
    const start = toEpochMs(period.start);
    const end = toEpochMs(period.end);
    if (!(start < end) || start < lastEnd) {
      throw new DomainError(
        'invalid_periods',
        `period ${index + 1} (${period.start} – ${period.end}) ${start < end ? 'overlaps or precedes the one before it' : 'ends before it starts'}; periods must be ascending and must not overlap`,
        { index },
      );
    }
    const startIso = new Date(start).toISOString();
    if (start !== lastEnd) boundaries.push(startIso);
    bucketOfPeriod.push(boundaries.length);
    boundaries.push(new Date(end).toISOString());
    lastEnd = end;
  }
  return { boundaries, bucketOfPeriod };
}
