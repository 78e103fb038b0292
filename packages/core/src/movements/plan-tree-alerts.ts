/**
 * Which alerts a tree raises for one period at one grain (docs/product.md §5, decision
 * 0038): every node is checked by its own rule; of the nodes that moved, only the highest
 * alerts, and the nodes below it whose change its own explains (explainedDescendants) are
 * suppressed, so one movement is one alert, routed to the branch that caused it. A node
 * that could not be evaluated says why and never alerts.
 */
import { type AlertRule, type AlertRuleGrain, resolveAlertRule } from '../contract/alert-rule';
import { edgeContributions } from '../trees/edge-contributions';
import type { LoadedNode, LoadedTree } from '../trees/loaded-tree';
import type { NodeSeries } from '../trees/node-series';
import { detectMovements, type MovementDetection } from './detect-movement';
import { explainedDescendants, type MovementRoute, routeMovement } from './route-movement';

export interface PlannedAlert {
  nodeId: string;
  direction: 'up' | 'down';
  /** Good or bad news, by the metric's direction. */
  tone: 'good' | 'bad';
  detection: MovementDetection;
  route: MovementRoute;
  /** The routed branch's owners (its Accountable: null when it has none). */
  accountableId: string | null;
  responsibleIds: string[];
  informedIds: string[];
  /** Nodes whose own movement this alert explains (their alerts were suppressed). */
  suppressed: string[];
}

export interface TreeAlertPlan {
  /** The period index planned for. */
  at: number;
  alerts: PlannedAlert[];
  /** Each checked node's detection at `at`. */
  detections: Map<string, MovementDetection>;
  /** Nodes whose metric could not be evaluated, with why (never alerted). */
  unevaluated: Array<{ nodeId: string; reason: string }>;
}

export interface PlanTreeAlertsInput {
  tree: Pick<LoadedTree, 'nodes' | 'edges' | 'assignments'>;
  seriesByNode: ReadonlyMap<string, NodeSeries>;
  grain: AlertRuleGrain;
  /** The index of the period to plan for; the series before it are its history. */
  at: number;
}

/**
 * @example
 * const plan = planTreeAlerts({ tree, seriesByNode, grain: 'week', at: periods.length - 1 });
 * plan.alerts[0]?.route.routedNodeId; // the emails branch
 */
export function planTreeAlerts(input: PlanTreeAlertsInput): TreeAlertPlan {
  const { tree, seriesByNode, at } = input;
  const before = at - 1;
  const detections = new Map<string, MovementDetection>();
  const unevaluated: TreeAlertPlan['unevaluated'] = [];
  for (const node of tree.nodes) {
    const rule = resolveAlertRule(node.alertRule);
    if (!rule.enabled || !rule.grains.includes(input.grain)) continue;
    const series = seriesByNode.get(node.id);
    if (!series || series.error) {
      unevaluated.push({
        nodeId: node.id,
        reason: series?.error
          ? `its metric cannot be evaluated: ${series.error.message}`
          : 'its metric was not evaluated',
      });
      continue;
    }
    detections.set(node.id, detectAt(node, series, rule, at));
  }

  const contributions =
    before >= 0 ? edgeContributions(tree, seriesByNode, before, at) : new Map<string, null>();
  const suppressedBy = new Map<string, string>();
  const alerts: PlannedAlert[] = [];
  for (const nodeId of topDown(tree)) {
    const detection = detections.get(nodeId);
    if (!detection?.alert || suppressedBy.has(nodeId)) continue;
    const node = tree.nodes.find((n) => n.id === nodeId)!;
    const route = routeMovement(tree, seriesByNode, nodeId, { before, after: at, contributions });
    const explained = explainedDescendants(tree, seriesByNode, nodeId, contributions, before, at);
    for (const step of route.path.slice(1)) explained.add(step.nodeId);
    for (const twin of twinsOf(tree, node, detections, detection.direction)) explained.add(twin);
    const suppressed: string[] = [];
    for (const id of explained) {
      if (suppressedBy.has(id)) continue;
      suppressedBy.set(id, nodeId);
      if (detections.get(id)?.alert) suppressed.push(id);
    }
    const owners = (role: string) =>
      tree.assignments
        .filter((a) => a.nodeId === route.routedNodeId && a.role === role)
        .map((a) => a.personId);
    const direction = detection.direction!;
    alerts.push({
      nodeId,
      direction,
      tone: toneOf(node, direction),
      detection,
      route,
      accountableId: owners('accountable')[0] ?? null,
      responsibleIds: owners('responsible'),
      informedIds: owners('informed'),
      suppressed,
    });
  }
  return { at, alerts, detections, unevaluated };
}

/**
 * The same slice seen through another decomposition: nodes below the same top node whose
 * own filter is the node's (e.g. channel = email, once per contact and once per selling
 * hour) and that moved the same way. One movement of a slice is one alert, on its highest
 * node; the tree's lower views of that slice are suppressed.
 */
function twinsOf(
  tree: Pick<LoadedTree, 'nodes' | 'edges'>,
  node: LoadedNode,
  detections: ReadonlyMap<string, MovementDetection>,
  way: 'up' | 'down' | null,
): string[] {
  const key = filterKey(node.filter);
  if (key === '') return [];
  const tops = topsOf(tree, node.id);
  return tree.nodes
    .filter(
      (other) =>
        other.id !== node.id &&
        filterKey(other.filter) === key &&
        detections.get(other.id)?.alert === true &&
        detections.get(other.id)?.direction === way &&
        [...topsOf(tree, other.id)].some((t) => tops.has(t)),
    )
    .map((other) => other.id);
}

const filterKey = (filter: Record<string, string>) =>
  Object.entries(filter)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');

/** The nodes at the top of every arithmetic path up from `nodeId`. */
function topsOf(tree: Pick<LoadedTree, 'edges'>, nodeId: string): Set<string> {
  const tops = new Set<string>();
  const seen = new Set<string>();
  const stack = [nodeId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const parents = tree.edges
      .filter((e) => e.childNodeId === id && e.relation !== 'driver')
      .map((e) => e.parentNodeId);
    if (parents.length === 0) tops.add(id);
    stack.push(...parents);
  }
  return tops;
}

function detectAt(
  node: LoadedNode,
  series: NodeSeries,
  rule: AlertRule,
  at: number,
): MovementDetection {
  const end = at + 1;
  // A node's history starts with its first value that is not 0: the periods before its data
  // began are not a baseline of zeros.
  const first = series.values.findIndex((v) => v !== null && v !== 0);
  const values = series.values.slice(0, end).map((v, i) => (first === -1 || i < first ? null : v));
  const all = detectMovements(
    {
      values,
      numerators: series.numerators?.slice(0, end) ?? null,
      denominators: series.denominators?.slice(0, end) ?? null,
      proportion: node.metric.unit === 'percent' && node.metric.definition.type === 'ratio',
    },
    rule,
  );
  return all[at]!;
}

/**
 * Good or bad news: up is good when higher is better, bad when lower is; a metric kept
 * within a band is bad news whichever way it leaves its noise.
 *
 * @example toneOf(node, 'down') // 'bad' for a higher-is-better metric
 */
export function toneOf(node: Pick<LoadedNode, 'metric'>, direction: 'up' | 'down'): 'good' | 'bad' {
  switch (node.metric.direction) {
    case 'higher_is_better':
      return direction === 'up' ? 'good' : 'bad';
    case 'lower_is_better':
      return direction === 'down' ? 'good' : 'bad';
    case 'within_band':
      return 'bad';
  }
}

/** The tree's nodes from the top down: by their depth along arithmetic edges, then as listed. */
export function topDown(tree: Pick<LoadedTree, 'nodes' | 'edges'>): string[] {
  const arithmetic = tree.edges.filter((e) => e.relation !== 'driver');
  const depth = new Map<string, number>();
  const roots = tree.nodes.filter((n) => !arithmetic.some((e) => e.childNodeId === n.id));
  const queue = roots.map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const edge of arithmetic) {
      if (edge.parentNodeId !== id) continue;
      const d = depth.get(id)! + 1;
      if ((depth.get(edge.childNodeId) ?? -1) < d && d <= tree.nodes.length) {
        depth.set(edge.childNodeId, d);
        queue.push(edge.childNodeId);
      }
    }
  }
  return tree.nodes
    .map((n, i) => ({ id: n.id, d: depth.get(n.id) ?? 0, i }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((n) => n.id);
}
