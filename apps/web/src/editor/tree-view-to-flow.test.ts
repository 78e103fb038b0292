import type { NodeView, TreeView } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import {
  describeNode,
  detectFlowDirection,
  findRootNodeId,
  treeViewToFlow,
} from './tree-view-to-flow';

function node(id: string, x: number, y: number, extra: Partial<NodeView> = {}): NodeView {
  return {
    id,
    label: id,
    metricKey: id,
    metricName: id,
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'output',
    filter: {},
    position: { x, y },
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

function view(nodes: NodeView[], edges: TreeView['edges']): TreeView {
  return {
    tree: { id: 't1', name: 'Tree', description: '', version: 1, templateKey: null },
    workspace: { id: 'w1', name: 'Acme', timeZone: 'Europe/Paris' },
    period,
    previousPeriod: { ...period, label: 'Sep 2026' },
    nodes,
    edges,
    residuals: [{ nodeId: 'root', value: 3 }],
  };
}

const topDown = view(
  [node('root', 300, 0), node('a', 0, 200), node('b', 300, 200), node('c', 600, 200)],
  [
    {
      id: 'e1',
      source: 'root',
      target: 'a',
      relation: 'sum',
      role: null,
      exponent: 1,
      contribution: 1,
    },
    {
      id: 'e2',
      source: 'root',
      target: 'b',
      relation: 'sum',
      role: null,
      exponent: 1,
      contribution: 0.5,
    },
    {
      id: 'e3',
      source: 'root',
      target: 'c',
      relation: 'driver',
      role: null,
      exponent: 1,
      contribution: null,
    },
  ],
);

describe('treeViewToFlow', () => {
  it('keeps server positions and maps nodes and edges to their custom types', () => {
    const { nodes, edges } = treeViewToFlow(topDown, 'root');
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ['root', 'metric', { x: 300, y: 0 }],
      ['a', 'metric', { x: 0, y: 200 }],
      ['b', 'metric', { x: 300, y: 200 }],
      ['c', 'metric', { x: 600, y: 200 }],
    ]);
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['root']);
    expect(nodes[0]?.data.residual).toBe(3);
    expect(edges[0]).toMatchObject({
      source: 'root',
      target: 'a',
      type: 'relation',
      data: { relation: 'sum', contribution: 1, parentUnit: 'count', direction: 'TB' },
    });
  });

  it('finds the root and the direction the tree grows in', () => {
    expect(findRootNodeId(topDown)).toBe('root');
    expect(detectFlowDirection(topDown)).toBe('TB');
    const sideways = view(
      [node('root', 0, 300), node('a', 320, 0), node('b', 320, 600)],
      [
        {
          id: 'e1',
          source: 'root',
          target: 'a',
          relation: 'product',
          role: null,
          exponent: 1,
          contribution: null,
        },
        {
          id: 'e2',
          source: 'root',
          target: 'b',
          relation: 'product',
          role: null,
          exponent: 1,
          contribution: null,
        },
      ],
    );
    expect(detectFlowDirection(sideways)).toBe('LR');
  });
});

describe('describeNode', () => {
  it('reads out value, change and owner', () => {
    expect(describeNode(node('Calls', 0, 0), 'Sep 2026')).toBe(
      'Calls: 10, +25.0% vs Sep 2026, Accountable Ana Ruiz',
    );
    expect(
      describeNode(
        node('Calls', 0, 0, { value: null, change: null, previousValue: null, accountable: null }),
      ),
    ).toBe('Calls: no data, no Accountable owner');
    const broken = node('Deals', 0, 0, {
      value: null,
      error: { code: 'unsupported_metric', message: 'deals cannot be evaluated yet' },
    });
    expect(describeNode(broken)).toBe(
      'Deals: no data, not evaluated: deals cannot be evaluated yet, Accountable Ana Ruiz',
    );
  });
});
