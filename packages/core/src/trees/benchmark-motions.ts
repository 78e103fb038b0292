// The published touches-per-contact ranges by outbound motion (docs/product.md §2), as data, and how a value sits in a band.

/**
 * Typical touches per contact over a whole outbound window (not a week), by sales motion.
 * `openAbove`: the range is "or more", so a value above `max` is still in the band.
 */
export interface BenchmarkMotion {
  key: string;
  name: string;
  min: number;
  max: number;
  openAbove: boolean;
}

export const BENCHMARK_MOTIONS = [
  {
    key: 'high_volume_smb_outbound',
    name: 'High-volume SMB outbound',
    min: 6,
    max: 10,
    openAbove: false,
  },
  { key: 'mid_market_outbound', name: 'Mid-market outbound', min: 8, max: 14, openAbove: false },
  { key: 'enterprise_pursuit', name: 'Enterprise pursuit', min: 12, max: 20, openAbove: true },
  { key: 'inbound_follow_up', name: 'Inbound follow-up', min: 3, max: 6, openAbove: false },
] as const satisfies readonly BenchmarkMotion[];

export type BenchmarkMotionKey = (typeof BENCHMARK_MOTIONS)[number]['key'];

/** A band a value is judged against; a null end is open. */
export interface ValueBand {
  min: number | null;
  max: number | null;
}

/** Where a value sits against its band. */
export const BAND_STATUSES = ['below', 'within', 'above'] as const;
export type BandStatus = (typeof BAND_STATUSES)[number];

/**
 * @example benchmarkMotionByKey('mid_market_outbound')?.min // 8
 */
export function benchmarkMotionByKey(key: string): BenchmarkMotion | undefined {
  return BENCHMARK_MOTIONS.find((motion) => motion.key === key);
}

/**
 * The band a motion's value must fall in ("12 – 20 or more" has no upper end).
 *
 * @example benchmarkBand(benchmarkMotionByKey('enterprise_pursuit')!) // { min: 12, max: null }
 */
export function benchmarkBand(motion: BenchmarkMotion): ValueBand {
  return { min: motion.min, max: motion.openAbove ? null : motion.max };
}

/**
 * Where a value sits against a band (ends inclusive); null for "no data".
 *
 * @example
 * bandStatus({ min: 8, max: 14 }, 15.2); // 'above'
 * bandStatus({ min: 12, max: null }, 31); // 'within'
 */
export function bandStatus(band: ValueBand, value: number | null): BandStatus | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (band.min !== null && value < band.min) return 'below';
  if (band.max !== null && value > band.max) return 'above';
  return 'within';
}
