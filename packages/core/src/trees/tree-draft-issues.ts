/**
 * What keeps a tree draft from being saved against a metric catalog: core's validateTree
 * (structure, relation fit, bands, RACI) plus what only the metric planner knows (a node's
 * filter names a dimension its metric's rows do not have, a metric that does not compile).
 * Reads nothing, so a change to the catalog can be checked against the trees before it is
 * made.
 */
import { isDomainError } from '../domain-error';
import { metricCatalog } from '../metrics/metric-catalog';
import type { MetricSpec } from '../metrics/metric-definition';
import { planMetricRequest } from '../metrics/plan-metric-request';
import type { TreeDraft } from './tree-draft';
import type { TreeIssue } from './tree-issue';
import { type TreeValidationOptions, validateTree } from './validate-tree';

/**
 * Each issue names its node or edge.
 *
 * @example treeDraftIssues(stored.draft, catalogAfterTheEdit, { requireAccountable: false });
 */
export function treeDraftIssues(
  draft: TreeDraft,
  catalog: ReadonlyMap<string, MetricSpec>,
  options: TreeValidationOptions = {},
): TreeIssue[] {
  const issues = validateTree(draft, catalog, options);
  const engineCatalog = metricCatalog(catalog.values());
  for (const node of draft.nodes) {
    if (!catalog.has(node.metricKey)) continue;
    try {
      planMetricRequest(engineCatalog, { metricKey: node.metricKey, filter: node.filter });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      issues.push({
        code: error.code,
        message: `'${node.label}' cannot be evaluated: ${error.message}`,
        nodeId: node.id,
      });
    }
  }
  return issues;
}
