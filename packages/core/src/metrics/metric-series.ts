/**
 * A metric request's series from its plan and computed aggregates: the total per period
 * and, for a split, one series per value the split dimension took (ascending, rows without
 * a value last). What the metric engine returns for each request.
 */
import type { DomainError } from '../domain-error';
import type { AggregateResults } from './aggregate-results';
import { evaluateValuePlan, type SeriesValues } from './evaluate-value-plan';
import type { DimensionFilter } from './metric-definition';
import type { MetricPlan, MetricRequest, ValuePlan } from './plan-metric-request';

/** A metric's series for one value of the split dimension (null: rows without a value). */
export interface SplitSeries extends SeriesValues {
  value: string | null;
}

export interface MetricSeries extends SeriesValues {
  metricKey: string;
  filter: DimensionFilter;
  splitBy: string | null;
  /** With splitBy: one series per dimension value (ascending, null last); else null. */
  splits: SplitSeries[] | null;
}

/** A request's series, or the DomainError that kept it from being evaluated. */
export type MetricSeriesOutcome =
  | { ok: true; series: MetricSeries }
  | { ok: false; request: MetricRequest; error: DomainError };

/**
 * Every aggregate a plan reads, with the split it reads it by (null: the total, read for
 * every split value).
 *
 * @example planAggregateReads(plan.root).map((read) => plan.aggregates.get(read.key)?.source)
 */
export function planAggregateReads(plan: ValuePlan): Array<{ key: string; split: string | null }> {
  switch (plan.kind) {
    case 'aggregate':
      return [{ key: plan.key, split: plan.split }];
    case 'distinct_union':
      return plan.members;
    case 'ratio':
      return [...planAggregateReads(plan.numerator), ...planAggregateReads(plan.denominator)];
    case 'formula':
      return Object.values(plan.inputs).flatMap(planAggregateReads);
  }
}

/**
 * The series of a planned request.
 *
 * @example
 * const series = metricSeriesOf(plan, results);
 * series.splits?.map((s) => s.value); // ['A', 'B', null]
 */
export function metricSeriesOf(plan: MetricPlan, results: AggregateResults): MetricSeries {
  const total = evaluateValuePlan(plan.root, results, null);
  let splits: SplitSeries[] | null = null;
  if (plan.splitBy !== null) {
    const dimension = plan.splitBy;
    const values = new Set<string | null>();
    for (const { key, split } of planAggregateReads(plan.root)) {
      if (split !== null) for (const value of results.splitValues(key, split)) values.add(value);
    }
    splits = [...values].sort(compareSplitValues).map((value) => ({
      value,
      ...evaluateValuePlan(plan.root, results, { dimension, value }),
    }));
  }
  return {
    metricKey: plan.metricKey,
    filter: plan.filter,
    splitBy: plan.splitBy,
    ...total,
    splits,
  };
}

function compareSplitValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
