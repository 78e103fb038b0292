/**
 * Turns the draft being edited into React Flow nodes and edges, with the live values of the
 * last tree view where they still apply: a node the view knows, with the same metric and
 * filter, shows its numbers; a node added (or changed) since shows "save to see values".
 * Owners come from the draft's RACI, so a new Accountable shows at once.
 */
import {
  bandStatus,
  benchmarkBand,
  benchmarkMotionByKey,
  type NodeBandView,
  type NodeView,
  type PersonRef,
  type TreeDraft,
  type TreeDraftNode,
  type TreeIssue,
  type TreeView,
} from '@treeline/core';
import type { CatalogMetric } from '../lib/api';
import { describeNode } from './describe-node';
import type { RelationFlowEdge } from './edges/RelationEdge';
import type { FlowDirection, MetricFlowNode } from './nodes/MetricNode';

export interface FlowContext {
  view: TreeView | null;
  catalog: ReadonlyMap<string, CatalogMetric>;
  people: ReadonlyMap<string, PersonRef>;
  /** What the last refused save said, per node and edge. */
  issues: readonly TreeIssue[];
  direction: FlowDirection;
}

const NO_ISSUES: readonly string[] = [];

function sameFilter(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function bandView(
  node: TreeDraftNode,
  draft: TreeDraft,
  live: NodeView | null,
): NodeBandView | null {
  const band = node.band;
  if (!band) return null;
  if (band.kind === 'target') {
    const value = live?.value ?? null;
    return {
      kind: 'target',
      min: band.min,
      max: band.max,
      motion: null,
      value,
      window: null,
      status: bandStatus(band, value),
    };
  }
  const motion = draft.motion ? benchmarkMotionByKey(draft.motion) : undefined;
  const range = motion ? benchmarkBand(motion) : { min: null, max: null };
  if (live?.band?.kind === 'benchmark') {
    if (live.band.motion === (motion?.name ?? null)) return live.band;
    // The draft's motion is not saved yet: the same touches per contact (they do not depend
    // on the motion) judged against the draft motion's band, so a change shows at once.
    if (motion && live.band.value !== null) {
      return {
        ...live.band,
        ...range,
        motion: motion.name,
        status: bandStatus(range, live.band.value),
      };
    }
  }
  return {
    kind: 'benchmark',
    ...range,
    motion: motion?.name ?? null,
    value: null,
    window: null,
    status: null,
  };
}

/**
 * The node as the card and the detail panel show it: the draft's label, filter, band and
 * owners over the view's numbers, or no numbers yet (`pending`).
 *
 * @example const { view, pending } = displayNodeView(node, draft, context);
 */
export function displayNodeView(
  node: TreeDraftNode,
  draft: TreeDraft,
  context: Pick<FlowContext, 'view' | 'catalog' | 'people'>,
  liveNodes: ReadonlyMap<string, NodeView> = new Map(context.view?.nodes.map((n) => [n.id, n])),
): { view: NodeView; pending: boolean } {
  const candidate = liveNodes.get(node.id) ?? null;
  const live =
    candidate && candidate.metricKey === node.metricKey && sameFilter(candidate.filter, node.filter)
      ? candidate
      : null;
  const metric = context.catalog.get(node.metricKey);
  const accountableId = node.raci.accountable[0];
  const accountable = accountableId
    ? (context.people.get(accountableId) ??
      (live?.accountable?.id === accountableId ? live.accountable : null) ?? {
        id: accountableId,
        name: 'Unknown person',
        initials: '?',
      })
    : null;
  const base: NodeView = live ?? {
    id: node.id,
    label: node.label,
    metricKey: node.metricKey,
    metricName: metric?.name ?? node.metricKey,
    unit: metric?.unit ?? 'count',
    direction: metric?.direction ?? 'higher_is_better',
    kind: metric?.kind ?? 'output',
    filter: node.filter,
    position: node.position,
    value: null,
    previousValue: null,
    numerator: null,
    denominator: null,
    change: null,
    series: [],
    accountable: null,
    responsibleCount: 0,
    error: null,
  };
  return {
    view: {
      ...base,
      label: node.label,
      position: node.position,
      accountable,
      responsibleCount: new Set(node.raci.responsible).size,
      band: bandView(node, draft, live),
    },
    pending: live === null,
  };
}

/**
 * @example const { nodes, edges } = draftToFlow(draft, context, previousNodes, previousEdges);
 */
export function draftToFlow(
  draft: TreeDraft,
  context: FlowContext,
  previous: {
    nodes: readonly MetricFlowNode[];
    edges: readonly RelationFlowEdge[];
    reuse: boolean;
  },
): { nodes: MetricFlowNode[]; edges: RelationFlowEdge[] } {
  const before = new Map(previous.nodes.map((node) => [node.id, node]));
  const issuesByNode = new Map<string, string[]>();
  for (const issue of context.issues) {
    if (!issue.nodeId) continue;
    issuesByNode.set(issue.nodeId, [...(issuesByNode.get(issue.nodeId) ?? []), issue.message]);
  }
  const residuals = new Map(context.view?.residuals.map((r) => [r.nodeId, r.value]) ?? []);
  const previousLabel = context.view?.previousPeriod.label;
  const liveNodes = new Map(context.view?.nodes.map((n) => [n.id, n]));

  const motionName = (draft.motion && benchmarkMotionByKey(draft.motion)?.name) || null;
  const nodes = draft.nodes.map((node): MetricFlowNode => {
    const old = before.get(node.id);
    const issues = issuesByNode.get(node.id) ?? NO_ISSUES;
    if (
      previous.reuse &&
      old &&
      old.data.draft === node &&
      old.data.issues === issues &&
      old.data.direction === context.direction &&
      // A benchmark band follows the tree's motion, which lives outside the node.
      (node.band?.kind !== 'benchmark' || old.data.view.band?.motion === motionName)
    ) {
      return old;
    }
    const { view, pending } = displayNodeView(node, draft, context, liveNodes);
    return {
      id: node.id,
      type: 'metric',
      position: { x: node.position.x, y: node.position.y },
      data: {
        view,
        draft: node,
        direction: context.direction,
        residual: pending ? null : (residuals.get(node.id) ?? null),
        pending,
        issues,
      },
      selected: old?.selected ?? false,
      ...(old?.measured ? { measured: old.measured } : {}),
      ariaLabel: describeNode(view, previousLabel),
    };
  });

  const labels = new Map(draft.nodes.map((node) => [node.id, node]));
  const liveEdges = new Map(context.view?.edges.map((edge) => [edge.id, edge]) ?? []);
  const selectedEdges = new Set(previous.edges.filter((e) => e.selected).map((e) => e.id));
  const edgeIssues = new Set(context.issues.map((issue) => issue.edgeId).filter(Boolean));
  const edges = draft.edges.map((edge): RelationFlowEdge => {
    const parent = labels.get(edge.parent);
    const child = labels.get(edge.child);
    const live = liveEdges.get(edge.id);
    const unit = parent ? context.catalog.get(parent.metricKey)?.unit : undefined;
    return {
      id: edge.id,
      source: edge.parent,
      target: edge.child,
      type: 'relation',
      selected: selectedEdges.has(edge.id),
      data: {
        relation: edge.relation,
        role: edge.role,
        exponent: edge.exponent,
        contribution:
          live &&
          live.source === edge.parent &&
          live.target === edge.child &&
          live.relation === edge.relation
            ? live.contribution
            : null,
        parentUnit: unit ?? 'count',
        parentLabel: parent?.label ?? edge.parent,
        childLabel: child?.label ?? edge.child,
        direction: context.direction,
        invalid: edgeIssues.has(edge.id),
      },
    };
  });
  return { nodes, edges };
}
