/**
 * The computed aggregates of a value plan, filed by aggregate, split value and bucket (the
 * db package files its grouped scans' rows here), and read back as one value per period:
 * flows read their period's bucket, stocks add up every bucket before the period's end
 * (or start).
 */
import type { AggregateSpec } from './aggregate-spec';
import type { PeriodBuckets } from './period-buckets';
import type { SeriesMode } from './plan-metric-request';

/** A bucket's value: a number (or null: no rows for avg / percentile) or a set of values. */
export type BucketValue = number | null | string[];

/** Which rows to read: the total, or one value of a split dimension. */
export type SplitSelector = { dimension: string; value: string | null } | null;

const TOTAL = '';

export class AggregateResults {
  /** aggregate key → split dimension ('' for the total) → split value → bucket → value. */
  private readonly data = new Map<
    string,
    Map<string, Map<string | null, Map<number, BucketValue>>>
  >();

  /**
   * @example
   * const results = new AggregateResults(periodBuckets(periods), plan.aggregates);
   * results.set(key, null, 1, 12); // the total of the first period's bucket
   */
  constructor(
    private readonly buckets: PeriodBuckets,
    private readonly specs: ReadonlyMap<string, AggregateSpec>,
  ) {}

  /** How many periods every series has. */
  get periodCount(): number {
    return this.buckets.bucketOfPeriod.length;
  }

  /** Files one bucket's value of an aggregate: its total (split null) or one split value's. */
  set(key: string, split: SplitSelector, bucket: number, value: BucketValue): void {
    this.slot(key, split ? split.dimension : TOTAL, split ? split.value : null).set(bucket, value);
  }

  private slot(key: string, set: string, value: string | null): Map<number, BucketValue> {
    const sets = getOrCreate(this.data, key, () => new Map());
    const values = getOrCreate(sets, set, () => new Map());
    return getOrCreate(values, value, () => new Map());
  }

  private bucketsOf(key: string, split: SplitSelector): Map<number, BucketValue> | undefined {
    return this.data
      .get(key)
      ?.get(split ? split.dimension : TOTAL)
      ?.get(split ? split.value : null);
  }

  /** The values a split dimension took in an aggregate's rows. */
  splitValues(key: string, dimension: string): Array<string | null> {
    return [...(this.data.get(key)?.get(dimension)?.keys() ?? [])];
  }

  /**
   * One value per period. Counts and sums with no rows are 0; averages and percentiles
   * with no rows are null ("no data").
   */
  series(key: string, mode: SeriesMode, split: SplitSelector): Array<number | null> {
    const spec = this.specs.get(key);
    const empty = spec && (spec.measure === 'avg' || spec.measure === 'percentile') ? null : 0;
    const buckets = this.bucketsOf(key, split);
    const at = (bucket: number): number | null => {
      const value = buckets?.get(bucket);
      return value === undefined || Array.isArray(value) ? empty : value;
    };
    if (mode === 'flow') return this.buckets.bucketOfPeriod.map(at);
    // Stocks: running sum over every bucket up to the period's end (or start).
    let running = 0;
    let next = 0;
    return this.buckets.bucketOfPeriod.map((bucket) => {
      const upTo = mode === 'stock_end' ? bucket : bucket - 1;
      for (; next <= upTo; next++) running += at(next) ?? 0;
      return running;
    });
  }

  /** Per period, the distinct values of a distinct_values aggregate. */
  sets(key: string, split: SplitSelector): Array<ReadonlySet<string>> {
    const buckets = this.bucketsOf(key, split);
    return this.buckets.bucketOfPeriod.map((bucket) => {
      const value = buckets?.get(bucket);
      return new Set(Array.isArray(value) ? value : []);
    });
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
