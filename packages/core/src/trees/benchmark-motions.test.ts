// Tests for the benchmark bands of touches per contact by motion.

import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_MOTIONS,
  bandStatus,
  benchmarkBand,
  benchmarkMotionByKey,
} from './benchmark-motions';

describe('benchmark motions', () => {
  it('holds the published ranges of docs/product.md', () => {
    expect(BENCHMARK_MOTIONS.map(({ name, min, max }) => [name, min, max])).toEqual([
      ['High-volume SMB outbound', 6, 10],
      ['Mid-market outbound', 8, 14],
      ['Enterprise pursuit', 12, 20],
      ['Inbound follow-up', 3, 6],
    ]);
  });

  it('places a value in a band, ends included, "or more" open above', () => {
    const midMarket = benchmarkBand(benchmarkMotionByKey('mid_market_outbound')!);
    expect([7.9, 8, 14, 14.1].map((v) => bandStatus(midMarket, v))).toEqual([
      'below',
      'within',
      'within',
      'above',
    ]);
    expect(bandStatus(benchmarkBand(benchmarkMotionByKey('enterprise_pursuit')!), 31)).toBe(
      'within',
    );
    expect(bandStatus(midMarket, null)).toBeNull();
    expect(bandStatus({ min: null, max: 2 }, Number.NaN)).toBeNull();
  });
});
