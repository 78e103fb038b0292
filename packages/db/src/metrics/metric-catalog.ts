/**
 * The metric definitions a workspace evaluates against: the built-in catalog, overlaid by
 * the workspace's own metrics (its edited built-ins and custom metrics).
 */
import { BUILT_IN_METRICS, type MetricDefinition } from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';

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

/**
 * The built-in catalog overlaid by the workspace's stored metrics (one query).
 *
 * @example const catalog = await loadMetricCatalog(db, workspace.id);
 */
export async function loadMetricCatalog(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<MetricCatalog> {
  const rows = await db
    .selectFrom('metrics')
    .select(['key', 'definition'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return metricCatalog(
    BUILT_IN_METRICS,
    rows.map((row) => ({ key: row.key, definition: row.definition as MetricDefinition })),
  );
}
