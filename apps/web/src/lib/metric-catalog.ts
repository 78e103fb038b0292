/**
 * How the metric catalog reads: labels for units, directions, kinds, definition types and
 * sources, suggestions for columns and dimensions, and the search over names and keys.
 */
import {
  DIMENSION_KEYS,
  type MetricDirection,
  type MetricKind,
  type MetricSource,
  type MetricUnit,
} from '@treeline/core';
import type { CatalogMetric } from './api';
import type { DefinitionType } from './metric-form';

export const UNIT_LABELS: Record<MetricUnit, string> = {
  count: 'Count',
  ratio: 'Ratio',
  percent: 'Percent',
  hours: 'Hours',
  duration: 'Duration',
};

export const DIRECTION_LABELS: Record<MetricDirection, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  within_band: 'Within a band',
};

export const KIND_LABELS: Record<MetricKind, string> = { input: 'Input', output: 'Output' };

export const DEFINITION_TYPE_LABELS: Record<DefinitionType, string> = {
  count: 'Count of rows',
  count_distinct: 'Count of distinct values',
  sum: 'Sum of a column',
  avg: 'Average of a column',
  percentile: 'Percentile of a column',
  ratio: 'Ratio of two metrics',
  formula: 'Formula over metrics',
};

export const SOURCE_LABELS: Record<MetricSource, string> = {
  activities: 'Activities',
  contacts: 'Contacts',
  deals: 'Deals',
  engagement_events: 'Engagement events',
  capacity: 'Capacity (selling hours)',
};

/** Columns a source offers, as suggestions (the server names the valid ones if wrong). */
export const SOURCE_COLUMNS: Record<MetricSource, string[]> = {
  activities: ['contact_id', 'rep_id'],
  contacts: ['id', 'owner_rep_id', 'account'],
  deals: ['id', 'contact_id', 'owner_rep_id', 'account', 'amount'],
  engagement_events: ['contact_id'],
  capacity: ['rep_id', 'selling_hours', 'admin_hours'],
};

/** Dimensions to filter on, as suggestions (every one of core's catalog). */
export const DIMENSION_SUGGESTIONS: readonly string[] = DIMENSION_KEYS;

/**
 * The metrics whose name or key contains every word of the query (case-insensitive).
 *
 * @example
 * searchMetrics(metrics, 'per contact'); // activity_per_contact, active_contacts_per_rep…
 */
export function searchMetrics(metrics: CatalogMetric[], query: string): CatalogMetric[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return metrics;
  return metrics.filter((metric) => {
    const haystack =
      `${metric.name} ${metric.key} ${metric.key.replaceAll('_', ' ')}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
