/**
 * Reads and writes the metrics table: the workspace's catalog as full specs (built-ins
 * overlaid by stored rows), and the rows of custom metrics.
 */
import { BUILT_IN_METRICS, type MetricDefinition, type MetricSpec } from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';

/** A metric of the workspace catalog: its spec, and whether it is built in (read-only). */
export interface CatalogMetricSpec extends MetricSpec {
  builtIn: boolean;
}

function specOfRow(row: {
  key: string;
  name: string;
  description: string;
  unit: MetricSpec['unit'];
  direction: MetricSpec['direction'];
  kind: MetricSpec['kind'];
  definition: unknown;
  built_in: boolean;
}): CatalogMetricSpec {
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    unit: row.unit,
    direction: row.direction,
    kind: row.kind,
    definition: row.definition as MetricDefinition,
    builtIn: row.built_in,
  };
}

/**
 * The workspace's metrics by key: every built-in (stored or not yet), overlaid by the
 * stored rows, then the custom metrics, each in catalog order.
 *
 * @example (await loadMetricSpecs(db, ws.id)).get('activity_per_contact')?.unit // 'ratio'
 */
export async function loadMetricSpecs(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<Map<string, CatalogMetricSpec>> {
  const rows = await db
    .selectFrom('metrics')
    .select(['key', 'name', 'description', 'unit', 'direction', 'kind', 'definition', 'built_in'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('key')
    .execute();
  const specs = new Map<string, CatalogMetricSpec>(
    BUILT_IN_METRICS.map((metric) => [metric.key, { ...metric, builtIn: true }]),
  );
  for (const row of rows) {
    const builtIn = specs.get(row.key)?.builtIn === true || row.built_in;
    specs.set(row.key, { ...specOfRow(row), builtIn });
  }
  return specs;
}

/** One stored metric (built-in rows included), or undefined. */
export async function findStoredMetric(
  db: Kysely<Database>,
  workspaceId: string,
  key: string,
): Promise<CatalogMetricSpec | undefined> {
  const row = await db
    .selectFrom('metrics')
    .select(['key', 'name', 'description', 'unit', 'direction', 'kind', 'definition', 'built_in'])
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && specOfRow(row);
}

/** Inserts a custom metric. */
export async function insertCustomMetric(
  db: Kysely<Database>,
  workspaceId: string,
  spec: MetricSpec,
): Promise<CatalogMetricSpec> {
  const row = await db
    .insertInto('metrics')
    .values({
      workspace_id: workspaceId,
      key: spec.key,
      name: spec.name,
      description: spec.description,
      unit: spec.unit,
      direction: spec.direction,
      kind: spec.kind,
      definition: JSON.stringify(spec.definition),
      built_in: false,
    })
    .returning([
      'key',
      'name',
      'description',
      'unit',
      'direction',
      'kind',
      'definition',
      'built_in',
    ])
    .executeTakeFirstOrThrow();
  return specOfRow(row);
}

/** Replaces the fields of a custom metric (never its key); undefined when there is none. */
export async function updateCustomMetric(
  db: Kysely<Database>,
  workspaceId: string,
  spec: MetricSpec,
): Promise<CatalogMetricSpec | undefined> {
  const row = await db
    .updateTable('metrics')
    .set({
      name: spec.name,
      description: spec.description,
      unit: spec.unit,
      direction: spec.direction,
      kind: spec.kind,
      definition: JSON.stringify(spec.definition),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', spec.key)
    .where('built_in', '=', false)
    .returning([
      'key',
      'name',
      'description',
      'unit',
      'direction',
      'kind',
      'definition',
      'built_in',
    ])
    .executeTakeFirst();
  return row && specOfRow(row);
}

/** Deletes a custom metric; false when there is none. */
export async function deleteCustomMetric(
  db: Kysely<Database>,
  workspaceId: string,
  key: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('metrics')
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .where('built_in', '=', false)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The trees (id and name) with a node on any of the metrics `keys`, by name. */
export async function treesUsingMetrics(
  db: Kysely<Database>,
  workspaceId: string,
  keys: readonly string[],
): Promise<Array<{ id: string; name: string }>> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('tree_nodes')
    .innerJoin('metrics', (join) =>
      join
        .onRef('metrics.workspace_id', '=', 'tree_nodes.workspace_id')
        .onRef('metrics.id', '=', 'tree_nodes.metric_id'),
    )
    .innerJoin('trees', (join) =>
      join
        .onRef('trees.workspace_id', '=', 'tree_nodes.workspace_id')
        .onRef('trees.id', '=', 'tree_nodes.tree_id'),
    )
    .select(['trees.id', 'trees.name'])
    .distinct()
    .where('tree_nodes.workspace_id', '=', workspaceId)
    .where('metrics.key', 'in', keys)
    .orderBy('trees.name')
    .execute();
}
