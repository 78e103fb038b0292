// Warnings against the common tracking mistakes (docs/product.md §3): they never block a save.

import type { CountingPolicy } from '../counting/counting-rules';
import type { MetricDefinition } from '../metrics/metric-definition';
import { metricFactors } from '../metrics/metric-factors';
import type { TreeDraft, TreeDraftEdge, TreeDraftNode } from './tree-draft';
import type { TreeIssue } from './tree-issue';
import type { TreeMetricCatalog } from './validate-tree';

export interface TreeHygieneOptions {
  /** Default 'all_touches', the workspace default. */
  countingPolicy?: CountingPolicy;
  /** People who were deactivated: a node they are Accountable for has nobody to alert. */
  inactivePeople?: ReadonlyMap<string, string>;
}

/**
 * Hygiene warnings on a (valid or not) draft:
 * - `input_without_output`: a group of linked nodes with input metrics and no output
 *   metric, so activity is never judged by what it produces (one warning per group, on its
 *   top input node);
 * - `blended_activity`: an activity-volume node over all channels with no channel split at
 *   it, below it, or at an arithmetic ancestor it is part of;
 * - `automated_mixed`: automated and manual touches mixed without a policy. The workspace
 *   counting policy is the policy: under "count both" every activity node counts both, under
 *   "manual only" none counts automated touches. A tree mixes them when it overrides that
 *   policy unevenly: within one arithmetic relation some activity nodes narrow `automated`
 *   and others do not (a sum over automated = true / false is a split, not a mix); under
 *   "manual only", a node filtered to automated = true counts nothing;
 * - `untouched_denominator`: activity divided by a count of contacts that includes contacts
 *   nobody touched (Contacts (total) rather than Active contacts);
 * - `inactive_accountable`: the node's Accountable owner was deactivated, so its movements
 *   would alert nobody (`inactivePeople`: their ids and names).
 *
 * @example
 * treeHygieneWarnings(draft, catalog, { countingPolicy: 'all_touches' });
 * // [{ code: 'blended_activity', nodeId: 'n1', message: "'Activities' blends every channel…" }]
 */
export function treeHygieneWarnings(
  draft: TreeDraft,
  catalog: TreeMetricCatalog,
  options: TreeHygieneOptions = {},
): TreeIssue[] {
  const policy = options.countingPolicy ?? 'all_touches';
  const nodes = new Map<string, TreeDraftNode>();
  for (const node of draft.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const edges = draft.edges.filter(
    (edge) => nodes.has(edge.parent) && nodes.has(edge.child) && edge.parent !== edge.child,
  );
  const childrenOf = new Map<string, TreeDraftEdge[]>();
  for (const edge of edges)
    childrenOf.set(edge.parent, [...(childrenOf.get(edge.parent) ?? []), edge]);
  const name = (node: TreeDraftNode) => `'${node.label}'`;
  const kindOf = (node: TreeDraftNode) => catalog.get(node.metricKey)?.kind;
  const isActivity = (node: TreeDraftNode) => isActivityVolume(node, catalog);
  const warnings: TreeIssue[] = [];

  // Inputs with no linked output, per weakly connected group.
  for (const group of connectedGroups([...nodes.keys()], edges)) {
    const members = group.map((id) => nodes.get(id)!);
    if (members.some((node) => kindOf(node) === 'output')) continue;
    const inputs = members.filter((node) => kindOf(node) === 'input');
    if (inputs.length === 0) continue;
    const targets = new Set(edges.map((edge) => edge.child));
    const top = inputs.find((node) => !targets.has(node.id)) ?? inputs[0]!;
    warnings.push({
      code: 'input_without_output',
      message: `${name(top)}${members.length > 1 ? ` and the ${members.length - 1} node${members.length === 2 ? '' : 's'} linked to it` : ''} ${members.length > 1 ? 'are' : 'is'} input metrics with no linked output metric; link an outcome (e.g. meeting rate or conversion) with a driver edge, so activity is judged by what it produces`,
      nodeId: top.id,
    });
  }

  // Blended activity with no channel split at or below the node.
  const splitByChannel = new Map<string, boolean>();
  const hasChannelSplit = (id: string, seen: Set<string>): boolean => {
    const known = splitByChannel.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return false;
    seen.add(id);
    const below = childrenOf.get(id) ?? [];
    const result =
      below.some(
        (edge) =>
          (edge.relation === 'sum' || edge.relation === 'segments') &&
          nodes.get(edge.child)!.filter.channel !== undefined,
      ) || below.some((edge) => hasChannelSplit(edge.child, seen));
    splitByChannel.set(id, result);
    return result;
  };
  const parentsOf = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.relation !== 'driver') {
      parentsOf.set(edge.child, [...(parentsOf.get(edge.child) ?? []), edge.parent]);
    }
  }
  const ancestorSplit = (id: string, seen: Set<string>): boolean =>
    (parentsOf.get(id) ?? []).some((parent) => {
      if (seen.has(parent)) return false;
      seen.add(parent);
      const split = (childrenOf.get(parent) ?? []).some(
        (edge) =>
          (edge.relation === 'sum' || edge.relation === 'segments') &&
          nodes.get(edge.child)!.filter.channel !== undefined,
      );
      return split || ancestorSplit(parent, seen);
    });
  for (const node of nodes.values()) {
    if (!isActivity(node) || node.filter.channel !== undefined) continue;
    if (hasChannelSplit(node.id, new Set()) || ancestorSplit(node.id, new Set())) continue;
    warnings.push({
      code: 'blended_activity',
      message: `${name(node)} blends every channel into one number with no channel split; add children per channel (calls, emails, meetings, social) so a shift between channels is visible`,
      nodeId: node.id,
    });
  }

  // Automated and manual touches mixed without a policy.
  for (const node of nodes.values()) {
    if (policy === 'manual_only' && isActivity(node) && node.filter.automated === 'true') {
      warnings.push({
        code: 'automated_mixed',
        message: `${name(node)} counts automated touches only, but this workspace counts manual touches only, so it is always 0; remove the automated filter or change the counting policy`,
        nodeId: node.id,
      });
    }
  }
  if (policy === 'all_touches') {
    for (const [parentId, below] of childrenOf) {
      const parent = nodes.get(parentId)!;
      const byRelation = new Map<string, TreeDraftEdge[]>();
      for (const edge of below) {
        if (edge.relation === 'driver') continue;
        byRelation.set(edge.relation, [...(byRelation.get(edge.relation) ?? []), edge]);
      }
      for (const [relation, group] of byRelation) {
        const members = [parent, ...group.map((edge) => nodes.get(edge.child)!)].filter(isActivity);
        const treatments = new Set(members.map((node) => node.filter.automated ?? 'both'));
        if (treatments.size < 2) continue;
        const children = group.map((edge) => nodes.get(edge.child)!);
        const isSplit =
          (relation === 'sum' || relation === 'segments') &&
          parent.filter.automated === undefined &&
          children.every((node) => node.filter.automated !== undefined);
        if (isSplit) continue;
        const describe = (node: TreeDraftNode) =>
          `${name(node)} counts ${
            node.filter.automated === 'false'
              ? 'manual touches only'
              : node.filter.automated === 'true'
                ? 'automated touches only'
                : 'both'
          }`;
        warnings.push({
          code: 'automated_mixed',
          message: `${name(parent)} mixes automated and manual touches without one policy: ${members.map(describe).join(', ')}. The workspace counts both; filter these nodes alike, or split by automated`,
          nodeId: parent.id,
        });
      }
    }
  }

  // A denominator that includes untouched contacts.
  for (const node of nodes.values()) {
    const metric = catalog.get(node.metricKey);
    if (!metric || !isActivity(node)) continue;
    const factors = metricFactors(catalog, node.metricKey, node.filter);
    if (!factors) continue;
    const untouched = [...factors.powers]
      .filter(([, power]) => power < 0)
      .map(([atom]) => JSON.parse(atom) as MetricDefinition)
      .some(countsAllContacts);
    if (untouched) {
      warnings.push({
        code: 'untouched_denominator',
        message: `${name(node)} divides activity by a count of contacts that includes contacts nobody touched; divide by Active contacts (contacts with at least one counted activity) instead`,
        nodeId: node.id,
      });
    }
  }
  for (const node of nodes.values()) {
    const accountable = node.raci.accountable[0];
    const gone = accountable === undefined ? undefined : options.inactivePeople?.get(accountable);
    if (gone === undefined) continue;
    warnings.push({
      code: 'inactive_accountable',
      message: `${name(node)}: its Accountable owner ${gone} is inactive, so nobody would hear when it moves; hand the branch to an active person`,
      nodeId: node.id,
    });
  }

  return warnings;
}

/**
 * An activity-volume node: an input metric whose factorisation counts activity rows (touches),
 * e.g. total activities, activity per contact, touches per selling hour. Outcome rates
 * (reply rate) are outputs; distinct counts (active contacts) are not volume.
 */
function isActivityVolume(node: TreeDraftNode, catalog: TreeMetricCatalog): boolean {
  const metric = catalog.get(node.metricKey);
  if (metric?.kind !== 'input') return false;
  const factors = metricFactors(catalog, node.metricKey, node.filter);
  if (!factors) return false;
  return [...factors.powers].some(([atom, power]) => {
    if (power <= 0) return false;
    const definition = JSON.parse(atom) as MetricDefinition;
    return definition.type === 'count' && definition.source === 'activities';
  });
}

/** A count of contacts as rows (a stock or a flow of records), not contacts that were touched. */
function countsAllContacts(definition: MetricDefinition): boolean {
  return (
    (definition.type === 'count' && definition.source === 'contacts') ||
    (definition.type === 'count_distinct' &&
      definition.source === 'contacts' &&
      definition.column === 'id')
  );
}

function connectedGroups(ids: readonly string[], edges: readonly TreeDraftEdge[]): string[][] {
  const root = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let current = id;
    while (root.get(current) !== current) current = root.get(current)!;
    root.set(id, current);
    return current;
  };
  for (const edge of edges) root.set(find(edge.parent), find(edge.child));
  const groups = new Map<string, string[]>();
  for (const id of ids) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()];
}
