import {
  BUILT_IN_METRICS,
  emptyRaci,
  type MetricSpec,
  type NodeView,
  type TreeDraft,
  type TreeView,
} from '@treeline/core';
import { describe, expect, it } from 'vitest';
import type { CatalogMetric } from '../lib/api';
import { describeNode } from './describe-node';
import { detectFlowDirection, findRootNodeId } from './detect-flow-direction';
import { draftToFlow } from './draft-to-flow';

const catalog = new Map<string, CatalogMetric>(
  (BUILT_IN_METRICS as readonly MetricSpec[]).map((metric) => [
    metric.key,
    { ...metric, builtIn: true },
  ]),
);

function liveNode(id: string, extra: Partial<NodeView> = {}): NodeView {
  return {
    id,
    label: id,
    metricKey: 'activity_per_contact',
    metricName: 'Activity volume per contact',
    unit: 'ratio',
    direction: 'higher_is_better',
    kind: 'input',
    filter: {},
    position: { x: 0, y: 0 },
    value: 10,
    previousValue: 8,
    numerator: null,
    denominator: null,
    change: { absolute: 2, percent: 25 },
    series: [],
    accountable: { id: 'p1', name: 'Ana Ruiz', initials: 'AR' },
    responsibleCount: 2,
    error: null,
    ...extra,
  };
}

const period = {
  grain: 'month' as const,
  start: '2026-10-01T00:00:00Z',
  end: '2026-11-01T00:00:00Z',
  label: 'Oct 2026',
  toDate: false,
};

const draft: TreeDraft = {
  name: 'Tree',
  description: '',
  motion: null,
  outboundWindowDays: 30,
  nodes: [
    {
      id: 'root',
      metricKey: 'activity_per_contact',
      label: 'Activity per contact',
      filter: {},
      position: { x: 300, y: 0 },
      band: { kind: 'target', min: 8, max: 12 },
      raci: { ...emptyRaci(), accountable: ['p2'], responsible: ['p1'] },
    },
    {
      id: 'calls',
      metricKey: 'activity_per_contact',
      label: 'Calls',
      filter: { channel: 'call' },
      position: { x: 0, y: 200 },
      band: null,
      raci: emptyRaci(),
    },
    {
      id: 'new-node-1',
      metricKey: 'win_rate',
      label: 'Win rate',
      filter: {},
      position: { x: 600, y: 200 },
      band: null,
      raci: emptyRaci(),
    },
  ],
  edges: [
    { id: 'e1', parent: 'root', child: 'calls', relation: 'sum', role: null, exponent: 1 },
    {
      id: 'new-edge-1',
      parent: 'root',
      child: 'new-node-1',
      relation: 'driver',
      role: null,
      exponent: 1,
    },
  ],
};

const view: TreeView = {
  tree: { id: 't1', name: 'Tree', description: '', version: 1, templateKey: null },
  workspace: { id: 'w1', name: 'Acme', timeZone: 'Europe/Paris' },
  period,
  previousPeriod: { ...period, label: 'Sep 2026' },
  compare: 'previous',
  latestPeriod: period,
  nodes: [liveNode('root'), liveNode('calls', { filter: { channel: 'email' }, value: 3 })],
  edges: [
    {
      id: 'e1',
      source: 'root',
      target: 'calls',
      relation: 'sum',
      role: null,
      exponent: 1,
      contribution: 1.5,
    },
  ],
  residuals: [{ nodeId: 'root', value: 3 }],
};

const people = new Map([
  ['p1', { id: 'p1', name: 'Ana Ruiz', initials: 'AR' }],
  ['p2', { id: 'p2', name: 'Ben Okoro', initials: 'BO' }],
]);

describe('draftToFlow', () => {
  const { nodes, edges } = draftToFlow(
    draft,
    { view, catalog, people, issues: [], direction: 'TB' },
    { nodes: [], edges: [], reuse: false },
  );

  it("shows the view's numbers where the node is unchanged, with the draft's owners and band", () => {
    const root = nodes[0]!;
    expect(root).toMatchObject({ id: 'root', type: 'metric', position: { x: 300, y: 0 } });
    expect(root.data.pending).toBe(false);
    expect(root.data.view.value).toBe(10);
    expect(root.data.residual).toBe(3);
    expect(root.data.view.accountable).toEqual({ id: 'p2', name: 'Ben Okoro', initials: 'BO' });
    expect(root.data.view.responsibleCount).toBe(1);
    expect(root.data.view.band).toMatchObject({
      kind: 'target',
      min: 8,
      max: 12,
      status: 'within',
    });
    expect(root.ariaLabel).toBe(
      'Activity per contact: 10.00, +25.0% vs Sep 2026, Accountable Ben Okoro',
    );
  });

  it('has no numbers yet for a new node or one whose filter changed since', () => {
    expect(nodes[1]!.data.pending).toBe(true);
    expect(nodes[1]!.data.view.value).toBeNull();
    expect(nodes[2]!.data.pending).toBe(true);
    expect(nodes[2]!.data.view).toMatchObject({
      metricName: 'Win rate',
      unit: 'percent',
      value: null,
    });
  });

  it('maps edges parent → child with their relation and live contribution', () => {
    expect(edges.map((edge) => [edge.source, edge.target, edge.type])).toEqual([
      ['root', 'calls', 'relation'],
      ['root', 'new-node-1', 'relation'],
    ]);
    expect(edges[0]!.data).toMatchObject({
      relation: 'sum',
      contribution: 1.5,
      parentUnit: 'ratio',
    });
    expect(edges[1]!.data).toMatchObject({ relation: 'driver', contribution: null });
  });

  it('reuses the cards of unchanged nodes, keeping their size and selection', () => {
    const measured = nodes.map((node) => ({ ...node, measured: { width: 220, height: 100 } }));
    const moved: TreeDraft = {
      ...draft,
      nodes: draft.nodes.map((node) =>
        node.id === 'calls' ? { ...node, position: { x: 10, y: 210 } } : node,
      ),
    };
    const again = draftToFlow(
      moved,
      { view, catalog, people, issues: [], direction: 'TB' },
      { nodes: measured, edges, reuse: true },
    );
    expect(again.nodes[0]).toBe(measured[0]);
    expect(again.nodes[1]).not.toBe(measured[1]);
    expect(again.nodes[1]!.measured).toEqual({ width: 220, height: 100 });
    expect(again.nodes[1]!.position).toEqual({ x: 10, y: 210 });
  });
});

describe("a benchmark band under the draft's motion", () => {
  const benchmarkDraft = (motion: TreeDraft['motion']): TreeDraft => ({
    ...draft,
    motion,
    nodes: [{ ...draft.nodes[0]!, band: { kind: 'benchmark' } }],
    edges: [],
  });
  const liveBand = {
    kind: 'benchmark' as const,
    min: 8,
    max: 14,
    motion: 'Mid-market outbound',
    value: 10,
    window: { start: period.start, end: period.end, days: 30 },
    status: 'within' as const,
  };
  const bandOf = (motion: TreeDraft['motion']) =>
    draftToFlow(
      benchmarkDraft(motion),
      {
        view: { ...view, nodes: [liveNode('root', { band: liveBand })] },
        catalog,
        people,
        issues: [],
        direction: 'TB',
      },
      { nodes: [], edges: [], reuse: false },
    ).nodes[0]!.data.view.band;

  it("is the view's band while the motion is the saved one", () => {
    expect(bandOf('mid_market_outbound')).toBe(liveBand);
  });

  it('judges the same value against an unsaved motion at once', () => {
    expect(bandOf('enterprise_pursuit')).toMatchObject({
      motion: 'Enterprise pursuit',
      min: 12,
      max: null,
      value: 10,
      status: 'below',
    });
  });

  it('redraws a reused card when only the motion changed', () => {
    const context = {
      view: { ...view, nodes: [liveNode('root', { band: liveBand })] },
      catalog,
      people,
      issues: [],
      direction: 'TB' as const,
    };
    const first = draftToFlow(benchmarkDraft('mid_market_outbound'), context, {
      nodes: [],
      edges: [],
      reuse: false,
    });
    // The same node object, another motion.
    const second = draftToFlow(
      { ...benchmarkDraft('enterprise_pursuit'), nodes: [first.nodes[0]!.data.draft!] },
      context,
      { ...first, reuse: true },
    );
    expect(second.nodes[0]!.data.view.band?.motion).toBe('Enterprise pursuit');
  });

  it('has no band to judge without a motion', () => {
    expect(bandOf(null)).toMatchObject({ motion: null, min: null, max: null, status: null });
  });
});

describe('the direction a tree grows in, and its root', () => {
  it('reads top-down and sideways trees', () => {
    expect(detectFlowDirection(draft)).toBe('TB');
    expect(findRootNodeId(draft)).toBe('root');
    const sideways = {
      nodes: [
        { id: 'r', position: { x: 0, y: 300 } },
        { id: 'a', position: { x: 320, y: 0 } },
        { id: 'b', position: { x: 320, y: 600 } },
      ],
      edges: [
        { parent: 'r', child: 'a' },
        { parent: 'r', child: 'b' },
      ],
    };
    expect(detectFlowDirection(sideways)).toBe('LR');
  });
});

describe('describeNode', () => {
  it('reads out value, change and owner', () => {
    expect(describeNode(liveNode('Calls'), 'Sep 2026')).toBe(
      'Calls: 10.00, +25.0% vs Sep 2026, Accountable Ana Ruiz',
    );
    expect(
      describeNode(
        liveNode('Calls', { value: null, change: null, previousValue: null, accountable: null }),
      ),
    ).toBe('Calls: no data, no Accountable owner');
    const broken = liveNode('Deals', {
      value: null,
      error: { code: 'unsupported_metric', message: 'deals cannot be evaluated yet' },
    });
    expect(describeNode(broken)).toBe(
      'Deals: no data, not evaluated: deals cannot be evaluated yet, Accountable Ana Ruiz',
    );
  });
});
