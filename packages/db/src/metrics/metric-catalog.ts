/**
 * Loads the metric catalog a workspace evaluates against: core's built-in catalog overlaid
 * by the workspace's stored metrics.
 */
import {
  BUILT_IN_METRICS,
  type MetricCatalog,
  type MetricDefinition,
  metricCatalog,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';

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
