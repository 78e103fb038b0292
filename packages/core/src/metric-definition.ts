// What a metric is: its unit, direction, kind and a definition the evaluator compiles to SQL.

import type { MetricDirection, MetricKind, MetricUnit } from './tree-view';

/** Where rows come from. */
export type MetricSource = 'activities' | 'contacts' | 'deals' | 'engagement_events' | 'capacity';

/** Equality filters on dimensions, e.g. { channel: 'call' }; all must hold. */
export type DimensionFilter = Record<string, string>;

export type MetricDefinition =
  | { type: 'count'; source: MetricSource; filter?: DimensionFilter }
  | { type: 'count_distinct'; source: MetricSource; column: string; filter?: DimensionFilter }
  | { type: 'sum' | 'avg'; source: MetricSource; column: string; filter?: DimensionFilter }
  | {
      type: 'percentile';
      source: MetricSource;
      column: string;
      percentile: number;
      filter?: DimensionFilter;
    }
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
  | { type: 'formula'; expression: string };

export interface MetricSpec {
  key: string;
  name: string;
  description: string;
  unit: MetricUnit;
  direction: MetricDirection;
  kind: MetricKind;
  definition: MetricDefinition;
}
