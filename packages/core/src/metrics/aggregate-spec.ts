/**
 * One SQL aggregate the metric engine computes per period: a measure over the rows of a
 * source that meet some dimension conditions, placed in periods by one timestamp. Metrics
 * that resolve to the same aggregate share its column in the grouped scan.
 */
import type { MetricSource } from './metric-definition';

/** `dimension = value`, e.g. ['channel', 'call']. */
export type Condition = readonly [dimension: string, value: string];

/**
 * count, count_distinct, sum, avg and percentile are SQL aggregates; distinct_values
 * returns the distinct values themselves, so a union of sets over several sources (reps
 * with activities or with capacity) can be counted.
 */
export type AggregateMeasure =
  | 'count'
  | 'count_distinct'
  | 'sum'
  | 'avg'
  | 'percentile'
  | 'distinct_values';

export interface AggregateSpec {
  source: MetricSource;
  measure: AggregateMeasure;
  /** The measured column (see metric-source-catalog); null for count and first-touch latency. */
  column: string | null;
  /** For percentile: 0..1. */
  percentile: number | null;
  /** The timestamp that places a row in a period. */
  at: string;
  /** Every condition must hold; sorted and de-duplicated (see normalizeConditions). */
  where: Condition[];
  /** Cohort numerators: only rows that converted count. */
  converted: {
    /** The earliest non-null of these timestamps is the conversion. */
    columns: string[];
    withinDays: number | null;
    where: Condition[];
  } | null;
  /**
   * Contacts only: the measured value is the seconds from the contact's creation to its first
   * counted touch meeting these conditions (rows without such a touch have no value).
   */
  firstTouch: { where: Condition[] } | null;
}

/**
 * Conditions sorted and without repeats, so equal filters give equal aggregates.
 *
 * @example
 * normalizeConditions([['team', 'A'], ['channel', 'call'], ['team', 'A']]);
 * // [['channel', 'call'], ['team', 'A']]
 */
export function normalizeConditions(conditions: Iterable<Condition>): Condition[] {
  const unique = new Map<string, Condition>();
  for (const [dimension, value] of conditions) {
    unique.set(JSON.stringify([dimension, value]), [dimension, value]);
  }
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}

/** A stable identity: aggregates with equal keys are computed once. */
export function aggregateKey(aggregate: AggregateSpec): string {
  return JSON.stringify([
    aggregate.source,
    aggregate.measure,
    aggregate.column,
    aggregate.percentile,
    aggregate.at,
    aggregate.where,
    aggregate.converted,
    aggregate.firstTouch,
  ]);
}
