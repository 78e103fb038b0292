/**
 * Options of the demo data generator: the seed, the instant the data end, how many months
 * they cover, the time zone business hours follow, and the scale.
 */

/** How many reps, contacts and activities to generate. */
export interface DemoScaleCounts {
  reps: number;
  contacts: number;
  activities: number;
}

/**
 * 'demo' (24 reps, 6,000 contacts, 80,000 activities: seeds an embedded database in
 * seconds), 'bench' (300 reps, 500,000 contacts, 5,000,000 activities: the benchmark
 * data set), or explicit counts.
 */
export type DemoScale = 'demo' | 'bench' | DemoScaleCounts;

export const DEMO_SCALES: Readonly<Record<'demo' | 'bench', DemoScaleCounts>> = {
  demo: { reps: 24, contacts: 6_000, activities: 80_000 },
  bench: { reps: 300, contacts: 500_000, activities: 5_000_000 },
};

export interface DemoDataOptions {
  /** Same seed and same options give identical rows. */
  seed: number;
  /** Exclusive end: every generated instant is before it. */
  end: Date;
  /** Calendar months of activity before `end` (default 7). */
  months?: number;
  /** IANA zone that business hours and calendar days follow (default 'America/New_York'). */
  timeZone?: string;
  /** Default 'demo'. */
  scale?: DemoScale;
  /** Rows per yielded batch (default 10,000). */
  batchSize?: number;
}

export interface ResolvedDemoOptions {
  seed: number;
  end: Date;
  months: number;
  timeZone: string;
  scale: DemoScaleCounts;
  batchSize: number;
}

/** Fills defaults and rejects options that cannot produce data, with one clear sentence. */
export function resolveDemoOptions(options: DemoDataOptions): ResolvedDemoOptions {
  const scale =
    typeof options.scale === 'object' ? options.scale : DEMO_SCALES[options.scale ?? 'demo'];
  if (!Number.isFinite(options.seed)) throw new RangeError('demo seed must be a finite number');
  if (!(options.end instanceof Date) || Number.isNaN(options.end.getTime())) {
    throw new RangeError('demo end must be a valid Date');
  }
  const months = options.months ?? 7;
  if (!Number.isInteger(months) || months < 1 || months > 36) {
    throw new RangeError(`demo months must be a whole number from 1 to 36 (got ${months})`);
  }
  for (const key of ['reps', 'contacts', 'activities'] as const) {
    const value = scale[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`demo scale ${key} must be a positive whole number (got ${value})`);
    }
  }
  const batchSize = options.batchSize ?? 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`demo batchSize must be a positive whole number (got ${batchSize})`);
  }
  return {
    seed: options.seed,
    end: new Date(options.end.getTime()),
    months,
    timeZone: options.timeZone ?? 'America/New_York',
    scale: { reps: scale.reps, contacts: scale.contacts, activities: scale.activities },
    batchSize,
  };
}
