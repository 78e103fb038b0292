// What a metric is: its unit, direction, kind and a definition the evaluator compiles to SQL.

import { formulaReferences } from '../formula/formula-references';
import { parseFormula } from '../formula/parse-formula';

/** Where rows come from. */
export type MetricSource = 'activities' | 'contacts' | 'deals' | 'engagement_events' | 'capacity';

/** What a metric's value is measured in. */
export const METRIC_UNITS = ['count', 'ratio', 'percent', 'hours', 'duration'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** Which way a metric's value is good. */
export const METRIC_DIRECTIONS = ['higher_is_better', 'lower_is_better', 'within_band'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

/** Input metrics are moved by people's work; output metrics are its results. */
export const METRIC_KINDS = ['input', 'output'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Equality filters on dimensions, e.g. { channel: 'call' }; all must hold. */
export type DimensionFilter = Record<string, string>;

/**
 * Makes a `count` or `sum` a stock: every row placed before the period's start
 * (`period_start`, the opening stock) or end (`period_end`, the closing stock, i.e. at or
 * before the end of the half-open period), not only the rows inside it.
 */
export type StockAsOf = 'period_start' | 'period_end';

/**
 * Fields every row-based definition shares. `at` names the timestamp that places a row in
 * a period; each source has a default (activities: occurred_at, contacts: created_at,
 * deals: created_at, capacity: day, engagement_events: occurred_at).
 */
interface RowDefinition {
  source: MetricSource;
  filter?: DimensionFilter;
  at?: string;
}

/** One more source whose distinct values join a `count_distinct` (a union of sets). */
export interface DistinctUnionMember {
  source: MetricSource;
  column: string;
  filter?: DimensionFilter;
  at?: string;
}

export type MetricDefinition =
  | (RowDefinition & { type: 'count'; asOf?: StockAsOf })
  | (RowDefinition & {
      type: 'count_distinct';
      column: string;
      /**
       * Rows of other sources whose distinct `column` values count too: reps active are
       * the reps with a counted activity *or* selling hours in the period. A member is left
       * out where a node's filter or split names a dimension its source does not have.
       */
      union?: DistinctUnionMember[];
    })
  | (RowDefinition & { type: 'sum'; column: string; asOf?: StockAsOf })
  | (RowDefinition & { type: 'avg'; column: string })
  | (RowDefinition & {
      type: 'percentile';
      column: string;
      /** 0.5 is the median, 0.9 the 90th percentile (continuous). */
      percentile: number;
    })
  | {
      type: 'ratio';
      numerator: string;
      denominator: string;
      /**
       * Dimensions of a node filter that do not narrow the denominator. Activity volume
       * per contact by channel divides a channel's activities by *all* active contacts, so
       * the channels add up exactly to the total: its denominator ignores `channel`.
       */
      denominatorIgnores?: string[];
    }
  | { type: 'formula'; expression: string }
  | {
      /**
       * The share of a cohort that converted: rows placed in the period by `cohortAt` (the
       * denominator) of which the earliest non-null `convertedAt` timestamp is set, at most
       * `withinDays` × 24 hours after `cohortAt` when given, and the row meets
       * `convertedFilter` (the numerator). Evaluated as of the data now, so a recent
       * cohort can still grow.
       */
      type: 'cohort';
      source: MetricSource;
      cohortAt: string;
      convertedAt: string[];
      withinDays?: number;
      filter?: DimensionFilter;
      convertedFilter?: DimensionFilter;
    }
  | {
      /**
       * Time from a contact's creation to its first counted touch matching `touch` (default
       * outbound) at or after it, in seconds, as a percentile over the contacts created in
       * the period that have such a touch (contacts never touched have no value yet).
       * `filter` narrows the contacts; a node filter on a dimension contacts lack
       * (channel, automated…) narrows the touches instead.
       */
      type: 'first_touch_latency';
      percentile: number;
      touch?: DimensionFilter;
      filter?: DimensionFilter;
    };

export interface MetricSpec {
  key: string;
  name: string;
  description: string;
  unit: MetricUnit;
  direction: MetricDirection;
  kind: MetricKind;
  definition: MetricDefinition;
}

/**
 * The metric keys a definition refers to (a ratio's two sides, a formula's references): the
 * edges detectMetricCycles checks. Throws a FormulaSyntaxError on a malformed formula.
 *
 * @example
 * metricDependencies({ type: 'ratio', numerator: 'calls', denominator: 'contacts' }); // ['calls', 'contacts']
 * metricDependencies({ type: 'formula', expression: 'calls + emails' }); // ['calls', 'emails']
 */
export function metricDependencies(definition: MetricDefinition): string[] {
  switch (definition.type) {
    case 'ratio':
      return [definition.numerator, definition.denominator];
    case 'formula':
      return formulaReferences(parseFormula(definition.expression));
    default:
      return [];
  }
}
