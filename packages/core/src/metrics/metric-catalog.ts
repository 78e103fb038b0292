/**
 * The metric definitions a request is planned against, by key: the built-in catalog
 * overlaid by a workspace's own metrics (its edited built-ins and custom metrics).
 */
import type { MetricDefinition } from './metric-definition';

export interface CatalogMetric {
  key: string;
  definition: MetricDefinition;
}

/** Metric definitions by key. */
export type MetricCatalog = ReadonlyMap<string, CatalogMetric>;

/**
 * A catalog from lists of metrics; a later list wins over an earlier one for the same key.
 *
 * @example
 * const catalog = metricCatalog(BUILT_IN_METRICS, [{ key: 'calls_per_rep', definition: { type: 'formula', expression: 'calls / reps_active' } }]);
 */
export function metricCatalog(...lists: Iterable<CatalogMetric>[]): MetricCatalog {
  const catalog = new Map<string, CatalogMetric>();
  for (const list of lists) {
    for (const metric of list)
      catalog.set(metric.key, { key: metric.key, definition: metric.definition });
  }
  return catalog;
}
