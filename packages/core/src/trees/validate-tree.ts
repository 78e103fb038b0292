// Checks a tree draft before it is saved: structure, arithmetic that holds, and ownership.

import { AlertRuleOverridesSchema, resolveAlertRule } from '../contract/alert-rule';
import { formulaReferences } from '../formula/formula-references';
import { parseFormula } from '../formula/parse-formula';
import { detectMetricCycles } from '../metrics/detect-metric-cycles';
import type { DimensionFilter, MetricSpec } from '../metrics/metric-definition';
import {
  combineFactors,
  type MetricFactors,
  metricFactors,
  sameFactors,
  splitFactors,
  UNIT_FACTORS,
} from '../metrics/metric-factors';
import { MAX_OUTBOUND_WINDOW_DAYS } from '../periods/outbound-window';
import { benchmarkMotionByKey } from './benchmark-motions';
import type { TreeDraft, TreeDraftEdge, TreeDraftNode } from './tree-draft';
import type { TreeIssue } from './tree-issue';

/** The metrics a tree may use, by key: the built-in catalog overlaid by the workspace's own. */
export type TreeMetricCatalog = ReadonlyMap<string, MetricSpec>;

export interface TreeValidationOptions {
  /** The workspace's person ids; RACI ids outside it are errors. Not checked when absent. */
  people?: ReadonlySet<string>;
  /**
   * Every node needs exactly one Accountable (default true). Off only while a tree is
   * created from a template with no owners yet; two Accountable people are always an error.
   */
  requireAccountable?: boolean;
}

/**
 * Everything that keeps a draft from being saved, each naming its node or edge: duplicate
 * ids, unknown metrics, edges to missing nodes, duplicate edges, cycles (with their path),
 * children that do not fit their relation (a ratio needs one numerator and one denominator
 * whose quotient is the parent's metric; sum children share the parent's unit and divisor;
 * product children multiply to the parent; segments split a ratio parent by one dimension;
 * formula children are the formula's inputs), bad bands, and a missing or second Accountable.
 * A node may have several decompositions (a channel split and a numerator/denominator): the
 * edges of each relation under a parent are checked as one group. Empty when the draft is valid.
 *
 * @example
 * validateTree(draft, catalog);
 * // [{ code: 'cycle', message: "edges form a cycle: 'A' → 'B' → 'A'; remove one of them", nodeId: 'a', edgeId: 'e2' }]
 */
export function validateTree(
  draft: TreeDraft,
  catalog: TreeMetricCatalog,
  options: TreeValidationOptions = {},
): TreeIssue[] {
  const issues: TreeIssue[] = [];
  checkTreeFields(draft, issues);

  const nodes = new Map<string, TreeDraftNode>();
  for (const node of draft.nodes) {
    if (nodes.has(node.id)) {
      issues.push({
        code: 'duplicate_node_id',
        message: `two nodes have the id '${node.id}'; give every node its own id`,
        nodeId: node.id,
      });
      continue;
    }
    nodes.set(node.id, node);
    checkNode(node, draft, catalog, options, issues);
  }
  const name = (id: string) => `'${nodes.get(id)?.label ?? id}'`;

  const edges = checkEdges(draft.edges, nodes, name, issues);
  const cyclic = checkCycles(edges, name, issues);

  const groups = new Map<string, TreeDraftEdge[]>();
  for (const edge of edges) {
    if (cyclic.has(edge.id)) continue;
    const key = `${edge.parent}\u0000${edge.relation}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  for (const group of groups.values()) {
    const parent = nodes.get(group[0]!.parent)!;
    const children = group.map((edge) => nodes.get(edge.child)!);
    if (![parent, ...children].every((node) => catalog.has(node.metricKey))) continue;
    checkRelation(parent, group, nodes, catalog, name, issues);
  }
  return issues;
}

function checkTreeFields(draft: TreeDraft, issues: TreeIssue[]): void {
  if (draft.name.trim() === '') {
    issues.push({ code: 'invalid_name', message: 'the tree needs a name' });
  }
  const days = draft.outboundWindowDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_OUTBOUND_WINDOW_DAYS) {
    issues.push({
      code: 'invalid_outbound_window',
      message: `the outbound window must be a whole number of days from 1 to ${MAX_OUTBOUND_WINDOW_DAYS}, not ${days}`,
    });
  }
  if (draft.motion !== null && !benchmarkMotionByKey(draft.motion)) {
    issues.push({
      code: 'unknown_motion',
      message: `unknown motion '${draft.motion}'; choose one of the benchmark motions or none`,
    });
  }
}

/** A node's alert rule: every field in its range, each error naming the field and the node. */
function checkAlertRule(
  node: TreeDraftNode,
  label: string,
  at: (code: string, message: string, field?: string) => void,
): void {
  if (node.alertRule === null || node.alertRule === undefined) return;
  const parsed = AlertRuleOverridesSchema.safeParse(node.alertRule);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'alertRule';
      at(
        'invalid_alert_rule',
        `the alert rule of ${label}: ${field}: ${issue.message}`,
        issue.path.length > 0 ? `alertRule.${field}` : 'alertRule',
      );
    }
    return;
  }
  const rule = resolveAlertRule(parsed.data);
  if (rule.window < rule.minHistory) {
    at(
      'invalid_alert_rule',
      `the alert rule of ${label}: window (${rule.window}) must be at least minHistory (${rule.minHistory}), or the baseline is shorter than the history it needs`,
      'alertRule.window',
    );
  }
}

function checkNode(
  node: TreeDraftNode,
  draft: TreeDraft,
  catalog: TreeMetricCatalog,
  options: TreeValidationOptions,
  issues: TreeIssue[],
): void {
  const at = (code: string, message: string, field?: string) =>
    issues.push({ code, message, nodeId: node.id, ...(field ? { field } : {}) });
  const label = `'${node.label || node.id}'`;
  if (node.label.trim() === '') at('invalid_label', `node '${node.id}' needs a label`);
  if (!Number.isFinite(node.position.x) || !Number.isFinite(node.position.y)) {
    at('invalid_position', `node ${label} has no valid canvas position`);
  }
  const metric = catalog.get(node.metricKey);
  if (!metric) {
    at(
      'unknown_metric',
      `node ${label} uses the metric '${node.metricKey}', which is neither built in nor defined in this workspace`,
    );
  }

  checkAlertRule(node, label, at);

  const band = node.band;
  if (band?.kind === 'target') {
    const ends = [band.min, band.max];
    if (ends.every((end) => end === null)) {
      at('invalid_band', `the target band of ${label} needs a minimum, a maximum or both`);
    } else if (ends.some((end) => end !== null && !Number.isFinite(end))) {
      at('invalid_band', `the target band of ${label} must have finite ends`);
    } else if (band.min !== null && band.max !== null && band.min > band.max) {
      at(
        'invalid_band',
        `the target band of ${label} runs from ${band.min} to ${band.max}; its minimum must not exceed its maximum`,
      );
    }
  } else if (band?.kind === 'benchmark') {
    if (draft.motion === null) {
      at(
        'invalid_band',
        `${label} is judged against the benchmark band, but the tree has no motion; choose the tree's motion`,
      );
    }
    if (metric && !measuresTouchesPerContact(node, catalog)) {
      at(
        'invalid_band',
        `benchmark bands describe touches per contact over the outbound window; ${label} measures ${metric.name}${node.filter.channel ? ` for one channel` : ''}`,
      );
    }
  }

  const { accountable } = node.raci;
  const distinctAccountable = [...new Set(accountable)];
  if (distinctAccountable.length === 0 && options.requireAccountable !== false) {
    at('missing_accountable', `${label} has no Accountable owner; assign exactly one person`);
  } else if (distinctAccountable.length > 1) {
    at(
      'multiple_accountable',
      `${label} has ${distinctAccountable.length} Accountable owners; exactly one person is Accountable (make the others Responsible)`,
    );
  }
  if (options.people) {
    const roles = ['accountable', 'responsible', 'consulted', 'informed'] as const;
    const unknown = [
      ...new Set(roles.flatMap((role) => node.raci[role]).filter((id) => !options.people!.has(id))),
    ];
    if (unknown.length > 0) {
      at(
        'unknown_person',
        `${label} is assigned to ${unknown.map((id) => `'${id}'`).join(', ')}, who ${unknown.length === 1 ? 'is' : 'are'} not in this workspace`,
      );
    }
  }
}

/** Activity volume per contact over all channels (any team, segment… filter is fine). */
function measuresTouchesPerContact(node: TreeDraftNode, catalog: TreeMetricCatalog): boolean {
  if (node.filter.channel !== undefined) return false;
  if (node.metricKey === 'activity_per_contact') return true;
  const reference = metricFactors(catalog, 'activity_per_contact', {});
  const own = metricFactors(catalog, node.metricKey, {});
  return reference !== null && own !== null && sameFactors(reference, own);
}

function checkEdges(
  edges: readonly TreeDraftEdge[],
  nodes: ReadonlyMap<string, TreeDraftNode>,
  name: (id: string) => string,
  issues: TreeIssue[],
): TreeDraftEdge[] {
  const valid: TreeDraftEdge[] = [];
  const ids = new Set<string>();
  const pairs = new Map<string, TreeDraftEdge>();
  for (const edge of edges) {
    const at = (code: string, message: string) =>
      issues.push({ code, message, edgeId: edge.id, nodeId: edge.parent });
    if (ids.has(edge.id)) {
      issues.push({
        code: 'duplicate_edge_id',
        message: `two edges have the id '${edge.id}'; give every edge its own id`,
        edgeId: edge.id,
      });
      continue;
    }
    ids.add(edge.id);
    const missing = [edge.parent, edge.child].filter((id) => !nodes.has(id));
    if (missing.length > 0) {
      issues.push({
        code: 'missing_node',
        message: `edge '${edge.id}' connects ${missing.map((id) => `'${id}'`).join(' and ')}, which ${missing.length === 1 ? 'is not a node' : 'are not nodes'} of this tree`,
        edgeId: edge.id,
      });
      continue;
    }
    if (edge.parent === edge.child) {
      at(
        'cycle',
        `edge '${edge.id}' links ${name(edge.parent)} to itself; a node cannot explain itself`,
      );
      continue;
    }
    const pair = `${edge.parent}\u0000${edge.child}`;
    const first = pairs.get(pair);
    if (first) {
      at(
        'duplicate_edge',
        `${name(edge.parent)} → ${name(edge.child)} is already linked by edge '${first.id}'; keep one edge per pair`,
      );
      continue;
    }
    pairs.set(pair, edge);
    if (edge.relation === 'ratio' && edge.role === null) {
      at(
        'invalid_edge',
        `the ratio edge ${name(edge.parent)} → ${name(edge.child)} needs a role: numerator or denominator`,
      );
      continue;
    }
    if (edge.relation !== 'ratio' && edge.role !== null) {
      at(
        'invalid_edge',
        `only ratio edges have a numerator or denominator; ${name(edge.parent)} → ${name(edge.child)} is a ${edge.relation} edge`,
      );
      continue;
    }
    if (edge.relation !== 'product' && edge.exponent !== 1) {
      at(
        'invalid_edge',
        `only product edges divide (exponent −1); ${name(edge.parent)} → ${name(edge.child)} is a ${edge.relation} edge`,
      );
      continue;
    }
    valid.push(edge);
  }
  return valid;
}

/** Reports each cycle once, by its node path; returns the ids of the edges on cycles. */
function checkCycles(
  edges: readonly TreeDraftEdge[],
  name: (id: string) => string,
  issues: TreeIssue[],
): Set<string> {
  const graph: Record<string, string[]> = {};
  for (const edge of edges) {
    graph[edge.parent] ??= [];
    graph[edge.child] ??= [];
    graph[edge.parent]!.push(edge.child);
  }
  const onCycle = new Set<string>();
  for (const cycle of detectMetricCycles(graph).cycles) {
    const closing = edges.find(
      (edge) => edge.parent === cycle[cycle.length - 2] && edge.child === cycle[0],
    );
    for (let i = 0; i + 1 < cycle.length; i++) {
      const edge = edges.find((e) => e.parent === cycle[i] && e.child === cycle[i + 1]);
      if (edge) onCycle.add(edge.id);
    }
    issues.push({
      code: 'cycle',
      message: `edges form a cycle: ${cycle.map(name).join(' → ')}; a tree must not loop back, so remove one of these edges`,
      nodeId: cycle[0]!,
      ...(closing ? { edgeId: closing.id } : {}),
    });
  }
  return onCycle;
}

function checkRelation(
  parent: TreeDraftNode,
  group: readonly TreeDraftEdge[],
  nodes: ReadonlyMap<string, TreeDraftNode>,
  catalog: TreeMetricCatalog,
  name: (id: string) => string,
  issues: TreeIssue[],
): void {
  const parentMetric = catalog.get(parent.metricKey)!;
  const child = (edge: TreeDraftEdge) => nodes.get(edge.child)!;
  const metricOf = (node: TreeDraftNode) => catalog.get(node.metricKey)!;
  const factorsOf = (node: TreeDraftNode) => metricFactors(catalog, node.metricKey, node.filter);
  const mismatch = (message: string, edge?: TreeDraftEdge) =>
    issues.push({
      code: 'relation_mismatch',
      message,
      nodeId: parent.id,
      ...(edge ? { edgeId: edge.id } : {}),
    });
  const parentFactors = factorsOf(parent);

  switch (group[0]!.relation) {
    case 'sum': {
      for (const edge of group) {
        const node = child(edge);
        const unit = metricOf(node).unit;
        if (unit !== parentMetric.unit) {
          mismatch(
            `${name(node.id)} is in ${unit} but ${name(parent.id)} is in ${parentMetric.unit}; the children of a sum share their parent's unit`,
            edge,
          );
          continue;
        }
        const own = factorsOf(node);
        if (parentFactors && own) {
          const divisor = splitFactors(own).denominator.join('|');
          if (divisor !== splitFactors(parentFactors).denominator.join('|')) {
            mismatch(
              `${name(node.id)} divides by something other than ${name(parent.id)} does, so the children cannot add up to it; use a metric whose denominator ignores the child's filter (as activity volume per contact does for channel)`,
              edge,
            );
          }
        }
      }
      return;
    }
    case 'product': {
      const factors = group.map((edge) => factorsOf(child(edge)));
      if (!parentFactors || factors.some((f) => f === null)) return;
      const product = group.reduce<MetricFactors>(
        (acc, edge, i) => combineFactors(acc, factors[i]!, edge.exponent),
        UNIT_FACTORS,
      );
      if (!sameFactors(product, parentFactors)) {
        const terms = group.map(
          (edge) => `${name(edge.child)}${edge.exponent === -1 ? '^−1' : ''}`,
        );
        mismatch(
          `${terms.join(' × ')} is not ${name(parent.id)}: the product of the children must be exactly the parent's metric (check the children and their exponents)`,
          group[0],
        );
      }
      return;
    }
    case 'ratio': {
      const numerators = group.filter((edge) => edge.role === 'numerator');
      const denominators = group.filter((edge) => edge.role === 'denominator');
      if (numerators.length !== 1 || denominators.length !== 1) {
        mismatch(
          `a ratio needs exactly one numerator and one denominator child; ${name(parent.id)} has ${numerators.length} numerator${numerators.length === 1 ? '' : 's'} and ${denominators.length} denominator${denominators.length === 1 ? '' : 's'}`,
          group[0],
        );
        return;
      }
      const numerator = factorsOf(child(numerators[0]!));
      const denominator = factorsOf(child(denominators[0]!));
      if (!parentFactors || !numerator || !denominator) return;
      if (!sameFactors(combineFactors(numerator, denominator, -1), parentFactors)) {
        mismatch(
          `${name(numerators[0]!.child)} ÷ ${name(denominators[0]!.child)} is not ${name(parent.id)}: a ratio's children are the numerator and denominator of the parent's metric, with the same filter`,
          numerators[0],
        );
      }
      return;
    }
    case 'segments': {
      const definition = parentMetric.definition;
      if (definition.type !== 'ratio' && definition.type !== 'cohort') {
        mismatch(
          `segments split a rate into mix and rate effects, so ${name(parent.id)} must be a ratio metric; ${parentMetric.name} is a ${definition.type}`,
          group[0],
        );
        return;
      }
      const ignored = definition.type === 'ratio' ? (definition.denominatorIgnores ?? []) : [];
      const dimensions = new Set<string>();
      const values = new Map<string, TreeDraftEdge>();
      for (const edge of group) {
        const node = child(edge);
        const extra = extraDimensions(parent.filter, node.filter);
        if (node.metricKey !== parent.metricKey || extra === null || extra.length !== 1) {
          mismatch(
            `each segment of ${name(parent.id)} is the same metric (${parentMetric.name}) filtered by one more dimension, e.g. source = referral; ${name(node.id)} is not`,
            edge,
          );
          continue;
        }
        const dimension = extra[0]!;
        dimensions.add(dimension);
        if (ignored.includes(dimension)) {
          mismatch(
            `${parentMetric.name} does not narrow its denominator by ${dimension}, so its ${dimension} segments have no size of their own; split it with a sum instead`,
            edge,
          );
          continue;
        }
        const value = node.filter[dimension]!;
        const first = values.get(value);
        if (first) {
          mismatch(
            `${name(node.id)} repeats the segment ${dimension} = ${value} of ${name(first.child)}; each segment appears once`,
            edge,
          );
        }
        values.set(value, edge);
      }
      if (dimensions.size > 1) {
        mismatch(
          `the segments of ${name(parent.id)} split it by ${[...dimensions].sort().join(' and ')}; a split dimension is one dimension`,
          group[0],
        );
      }
      return;
    }
    case 'formula': {
      const definition = parentMetric.definition;
      if (definition.type !== 'formula') {
        mismatch(
          `formula edges need a parent whose metric is a formula; ${parentMetric.name} is a ${definition.type}`,
          group[0],
        );
        return;
      }
      let references: string[];
      try {
        references = formulaReferences(parseFormula(definition.expression));
      } catch {
        return;
      }
      const seen = new Set<string>();
      for (const edge of group) {
        const node = child(edge);
        if (!references.includes(node.metricKey)) {
          mismatch(
            `${name(node.id)} (${node.metricKey}) is not an input of the formula ${definition.expression}`,
            edge,
          );
        } else if (seen.has(node.metricKey)) {
          mismatch(`two children of ${name(parent.id)} provide ${node.metricKey}; keep one`, edge);
        } else if (!sameFilter(node.filter, parent.filter)) {
          mismatch(
            `the formula evaluates its inputs with ${name(parent.id)}'s filter, so ${name(node.id)} must have the same filter`,
            edge,
          );
        }
        seen.add(node.metricKey);
      }
      const missing = references.filter((key) => !seen.has(key));
      if (missing.length > 0) {
        mismatch(
          `the formula of ${name(parent.id)} uses ${missing.join(', ')}, which no child provides; add a child node for ${missing.length === 1 ? 'it' : 'each'}`,
          group[0],
        );
      }
      return;
    }
    case 'driver':
      return;
  }
}

/** The dimensions `child` adds to `parent`'s filter, or null when it drops or changes one. */
function extraDimensions(parent: DimensionFilter, child: DimensionFilter): string[] | null {
  for (const [dimension, value] of Object.entries(parent)) {
    if (child[dimension] !== value) return null;
  }
  return Object.keys(child).filter((dimension) => !Object.hasOwn(parent, dimension));
}

function sameFilter(a: DimensionFilter, b: DimensionFilter): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
