// The built-in metric catalog every workspace starts with (DESIGN.md section 2), as data.

import type { MetricSpec } from './metric-definition';

/**
 * Built-in metrics, keyed for lookups by `metricByKey`. The rest of DESIGN.md's catalog
 * (contacts, conversion, capacity, response time, outcome rates) joins as the metric
 * engine learns its sources.
 */
export const BUILT_IN_METRICS: readonly MetricSpec[] = [
  {
    key: 'activities_total',
    name: 'Total logged activities',
    description: 'Counted activities in the period: real, logged touches to a contact.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'input',
    definition: { type: 'count', source: 'activities' },
  },
  {
    key: 'active_contacts',
    name: 'Active contacts',
    description: 'Distinct contacts with at least one counted activity in the period.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'input',
    definition: { type: 'count_distinct', source: 'activities', column: 'contact_id' },
  },
  {
    key: 'activity_per_contact',
    name: 'Activity volume per contact',
    description:
      'Total logged activities ÷ active contacts. Filtered by channel, a channel’s activities ÷ all active contacts, so the channels add up to the total.',
    unit: 'ratio',
    direction: 'higher_is_better',
    kind: 'input',
    definition: {
      type: 'ratio',
      numerator: 'activities_total',
      denominator: 'active_contacts',
      denominatorIgnores: ['channel'],
    },
  },
];

/**
 * @example metricByKey('active_contacts')?.unit // 'count'
 */
export function metricByKey(key: string): MetricSpec | undefined {
  return BUILT_IN_METRICS.find((metric) => metric.key === key);
}
