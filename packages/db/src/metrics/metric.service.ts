/**
 * The workspace's metric catalog: built-in metrics (read-only) and custom ones, created,
 * changed and deleted only when every definition still compiles — unknown references,
 * cycles, bad formulas, dimensions a source lacks are refused naming the culprit. Each
 * metric comes with the dimensions it can be filtered and split by.
 */
import {
  DomainError,
  isDomainError,
  type MetricCatalog,
  type MetricEntry,
  type MetricSpec,
  metricCatalog,
  metricDependencies,
  metricDimensions,
  planMetricRequest,
  type TreeIssue,
  treeDraftIssues,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';
import { readTreeDraft } from '../trees/tree.repository';
import {
  type CatalogMetricSpec,
  deleteCustomMetric,
  insertCustomMetric,
  loadMetricSpecs,
  treesUsingMetrics,
  updateCustomMetric,
} from './metric.repository';
import { lockMetricCatalog } from './metric-catalog-lock';

function withDimensions(catalog: MetricCatalog, spec: CatalogMetricSpec): MetricEntry {
  return { ...spec, dimensions: metricDimensions(catalog, spec.key) };
}

/** A custom metric key: lower-case snake_case, usable in formulas. */
export const METRIC_KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Every metric of the workspace, built-ins first.
 *
 * @example (await listMetrics(db, ws.id)).filter((m) => !m.builtIn)
 */
export async function listMetrics(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<MetricEntry[]> {
  const specs = await loadMetricSpecs(db, workspaceId);
  const catalog = metricCatalog(specs.values());
  return [...specs.values()].map((spec) => withDimensions(catalog, spec));
}

/**
 * Throws the DomainError of the first metric in `keys` that does not compile against the
 * catalog (unknown_metric, metric_cycle, formula_syntax, invalid_metric, unknown_dimension,
 * invalid_filter), each message naming the metric.
 */
function checkCompiles(
  specs: ReadonlyMap<string, MetricSpec>,
  keys: readonly string[],
): MetricCatalog {
  const catalog = metricCatalog(specs.values());
  for (const key of keys) planMetricRequest(catalog, { metricKey: key });
  return catalog;
}

/** Custom metrics that refer to `key`, directly or through others. */
function dependentsOf(specs: ReadonlyMap<string, CatalogMetricSpec>, key: string): string[] {
  const dependents: string[] = [];
  const reaches = (from: string, seen: Set<string>): boolean => {
    if (seen.has(from)) return false;
    seen.add(from);
    let references: string[];
    try {
      references = metricDependencies(specs.get(from)!.definition);
    } catch (error) {
      if (isDomainError(error)) return false;
      throw error;
    }
    return references.some((ref) => ref === key || (specs.has(ref) && reaches(ref, seen)));
  };
  for (const [other, spec] of specs) {
    if (other !== key && !spec.builtIn && reaches(other, new Set())) dependents.push(other);
  }
  return dependents;
}

/**
 * Adds a custom metric. Throws DomainError: invalid_metric_key (422), metric_key_taken
 * (409, a built-in or existing key), or the compile error of its definition (422).
 *
 * @example await createMetric(db, ws.id, { key: 'calls_per_rep', …, definition: { type: 'formula', expression: 'activities_total / reps_active' } });
 */
export async function createMetric(
  db: Kysely<Database>,
  workspaceId: string,
  spec: MetricSpec,
): Promise<MetricEntry> {
  if (!METRIC_KEY_PATTERN.test(spec.key)) {
    throw new DomainError(
      'invalid_metric_key',
      `'${spec.key}' is not a metric key: use lower-case letters, digits and _ (starting with a letter, at most 63)`,
      { metricKey: spec.key },
    );
  }
  const specs = await loadMetricSpecs(db, workspaceId);
  const existing = specs.get(spec.key);
  if (existing) {
    throw new DomainError(
      'metric_key_taken',
      existing.builtIn
        ? `'${spec.key}' is a built-in metric; choose another key`
        : `a metric '${spec.key}' already exists; change it or choose another key`,
      { metricKey: spec.key },
    );
  }
  const next = new Map<string, MetricSpec>(specs);
  next.set(spec.key, spec);
  const catalog = checkCompiles(next, [spec.key]);
  return withDimensions(catalog, await insertCustomMetric(db, workspaceId, spec));
}

/**
 * Changes a custom metric (its key stays). null when there is none; DomainError
 * metric_read_only (409) for a built-in, the compile error (422) of it or of a metric
 * that refers to it, or metric_breaks_trees (409) when a tree using it would no longer
 * validate (named).
 *
 * @example await updateMetric(db, ws.id, 'calls_per_rep', { name: 'Calls per rep' });
 */
export async function updateMetric(
  db: Kysely<Database>,
  workspaceId: string,
  key: string,
  patch: Partial<Omit<MetricSpec, 'key'>>,
): Promise<MetricEntry | null> {
  return changeCustomMetric(db, workspaceId, key, async (trx, specs, current) => {
    const { builtIn: _, ...spec } = current;
    const changed: MetricSpec = { ...spec, ...patch, key };
    const next = new Map<string, MetricSpec>(specs);
    next.set(key, changed);
    const dependents = dependentsOf(specs, key);
    const catalog = checkCompiles(next, [key, ...dependents]);
    await refuseBreakingTrees(trx, workspaceId, key, [key, ...dependents], specs, next);
    const updated = await updateCustomMetric(trx, workspaceId, changed);
    return updated ? withDimensions(catalog, updated) : null;
  });
}

/**
 * Runs `change` on the custom metric `key` in a transaction holding the catalog's lock
 * (metric-catalog-lock: no tree write checks against the catalog meanwhile), with the
 * catalog as it is then. null when there is no such metric; metric_read_only for a
 * built-in.
 */
async function changeCustomMetric<T>(
  db: Kysely<Database>,
  workspaceId: string,
  key: string,
  change: (
    trx: Kysely<Database>,
    specs: ReadonlyMap<string, CatalogMetricSpec>,
    current: CatalogMetricSpec,
  ) => Promise<T>,
): Promise<T | null> {
  return db.transaction().execute(async (trx) => {
    await lockMetricCatalog(trx, workspaceId, 'change');
    const specs = await loadMetricSpecs(trx, workspaceId);
    const current = specs.get(key);
    if (!current) return null;
    if (current.builtIn) throw readOnly(key);
    return change(trx, specs, current);
  });
}

/**
 * Throws metric_breaks_trees (409) when changing `key` would keep a tree that uses it (or a
 * metric in `affected`, which refer to it) from being saved as it is: a node filtered by a
 * dimension the metric loses, children that no longer add or divide up to their parent.
 * Only problems the change brings count; a tree that already had some (a node with no
 * owner yet) does not block it. The first few are named, all are in the details.
 */
async function refuseBreakingTrees(
  db: Kysely<Database>,
  workspaceId: string,
  key: string,
  affected: readonly string[],
  before: ReadonlyMap<string, MetricSpec>,
  after: ReadonlyMap<string, MetricSpec>,
): Promise<void> {
  const trees = await treesUsingMetrics(db, workspaceId, affected);
  const broken: Array<{ treeId: string; treeName: string; issue: TreeIssue }> = [];
  const issueKey = (issue: TreeIssue) =>
    `${issue.code}\u0000${issue.nodeId ?? ''}\u0000${issue.edgeId ?? ''}`;
  for (const { id: treeId, name: treeName } of trees) {
    const stored = await readTreeDraft(db, workspaceId, treeId);
    if (!stored) continue;
    const options = { requireAccountable: false };
    const existing = new Set(treeDraftIssues(stored.draft, before, options).map(issueKey));
    for (const issue of treeDraftIssues(stored.draft, after, options)) {
      if (!existing.has(issueKey(issue))) broken.push({ treeId, treeName, issue });
    }
  }
  if (broken.length === 0) return;
  const named = broken
    .slice(0, 3)
    .map(({ treeName, issue }) => `in tree '${treeName}', ${issue.message}`)
    .join('; ');
  const more = broken.length > 3 ? ` (and ${broken.length - 3} more)` : '';
  throw new DomainError(
    'metric_breaks_trees',
    `changing '${key}' would break trees that use it: ${named}${more}. Change those nodes first, or keep the metric as it is`,
    {
      metricKey: key,
      errors: broken.map(({ treeId, treeName, issue }) => ({ ...issue, treeId, treeName })),
    },
  );
}

/**
 * Deletes a custom metric. false when there is none; DomainError metric_read_only (409) for
 * a built-in, metric_in_use (409) while a tree node or another metric uses it (named).
 *
 * @example await deleteMetric(db, ws.id, 'calls_per_rep');
 */
export async function deleteMetric(
  db: Kysely<Database>,
  workspaceId: string,
  key: string,
): Promise<boolean> {
  const deleted = await changeCustomMetric(db, workspaceId, key, async (trx, specs) => {
    const trees = await treesUsingMetrics(trx, workspaceId, [key]);
    const metrics = dependentsOf(specs, key);
    if (trees.length > 0 || metrics.length > 0) {
      const users = [
        ...trees.map((tree) => `tree '${tree.name}'`),
        ...metrics.map((metric) => `metric '${metric}'`),
      ];
      throw new DomainError(
        'metric_in_use',
        `'${key}' is used by ${users.join(', ')}; remove it from ${users.length === 1 ? 'it' : 'them'} first`,
        { metricKey: key, trees, metrics },
      );
    }
    return deleteCustomMetric(trx, workspaceId, key);
  });
  return deleted ?? false;
}

function readOnly(key: string): DomainError {
  return new DomainError(
    'metric_read_only',
    `'${key}' is a built-in metric and cannot be changed or deleted; create a custom metric instead`,
    { metricKey: key },
  );
}
