// Tests for assembling a tree view from hand-made series: values, changes, series labels,
// owners, contributions, residuals and errors, with no database.

import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import type { MetricSeriesOutcome } from '../metrics/metric-series';
import type { PeriodOptions } from '../periods/periods';
import { assembleTreeView } from './assemble-tree-view';
import { loadedEdge, loadedNode, loadedTree, seriesOf } from './loaded-tree.test-helpers';
import { nodeSeriesFromOutcomes, treeNodeRequest } from './node-series';
import { treeViewPeriods } from './tree-view-periods';

const berlin: PeriodOptions = { timeZone: 'Europe/Berlin' };
const now = new Date('2026-04-15T12:00:00Z');
const workspace = { id: 'ws', name: 'Acme', timeZone: 'Europe/Berlin' };

const tree = loadedTree(
  [
    loadedNode('total', 'activities_total', { label: 'Activities' }),
    loadedNode('calls', 'activities_total', { label: 'Calls', filter: { channel: 'call' } }),
    loadedNode('emails', 'activities_total', { label: 'Emails', filter: { channel: 'email' } }),
  ],
  [loadedEdge('total', 'calls', 'sum'), loadedEdge('total', 'emails', 'sum')],
  {
    assignments: [
      { nodeId: 'total', personId: 'p1', personName: 'Maya van Chen', role: 'accountable' },
      { nodeId: 'total', personId: 'p2', personName: 'Ben', role: 'responsible' },
      { nodeId: 'total', personId: 'p3', personName: 'Ana', role: 'responsible' },
    ],
  },
);

describe('assembleTreeView', () => {
  it('gives each node its focus value, change, series and owners', () => {
    const periods = treeViewPeriods({ grain: 'month', periods: 3 }, now, berlin);
    const view = assembleTreeView({
      tree,
      workspace,
      periodOptions: berlin,
      periods,
      seriesByNode: seriesOf({ total: [9, 8, 12], calls: [5, 5, 6], emails: [4, 3, 4] }),
      benchmarkValues: new Map(),
      filter: {},
      now,
    });
    expect(view.period.label).toBe('Mar 2026');
    expect(view.previousPeriod.label).toBe('Feb 2026');
    expect(view.latestPeriod.label).toBe('Mar 2026');
    expect(view).not.toHaveProperty('filter');
    const total = view.nodes.find((node) => node.id === 'total')!;
    expect(total).toMatchObject({
      value: 12,
      previousValue: 8,
      change: { absolute: 4, percent: 50 },
      accountable: { id: 'p1', name: 'Maya van Chen', initials: 'MC' },
      responsibleCount: 2,
      band: null,
      error: null,
    });
    expect(total.series.map((point) => [point.label, point.value])).toEqual([
      ['Jan 2026', 9],
      ['Feb 2026', 8],
      ['Mar 2026', 12],
    ]);
    // Calls +1, emails +1 give back 2 of the parent's +4; the rest is the residual "other".
    expect(view.edges.map((edge) => [edge.target, edge.contribution])).toEqual([
      ['calls', 1],
      ['emails', 1],
    ]);
    expect(view.residuals).toEqual([{ nodeId: 'total', value: 2, relation: 'sum' }]);
  });

  it('gives a node that could not be evaluated its error, "no data" and no change', () => {
    const periods = treeViewPeriods({ grain: 'month', periods: 2 }, now, berlin);
    const filter = { team: 'A' };
    const requests = tree.nodes.map((node) => treeNodeRequest(node, filter));
    expect(requests[1]).toEqual({
      metricKey: 'activities_total',
      filter: { team: 'A', channel: 'call' },
    });
    const outcomes: MetricSeriesOutcome[] = requests.map((request, index) =>
      index === 2
        ? {
            ok: false,
            request,
            error: new DomainError('invalid_filter', 'filter channel=email: nope'),
          }
        : {
            ok: true,
            series: {
              ...request,
              filter: request.filter ?? {},
              splitBy: null,
              splits: null,
              values: [3, 4],
              numerators: null,
              denominators: null,
            },
          },
    );
    const seriesByNode = nodeSeriesFromOutcomes(tree.nodes, outcomes, periods.periods.length);
    const view = assembleTreeView({
      tree,
      workspace,
      periodOptions: berlin,
      periods,
      seriesByNode,
      benchmarkValues: new Map(),
      filter,
      now,
    });
    expect(view.filter).toEqual({ team: 'A' });
    const emails = view.nodes.find((node) => node.id === 'emails')!;
    expect(emails).toMatchObject({
      value: null,
      previousValue: null,
      change: null,
      error: { code: 'invalid_filter', message: 'filter channel=email: nope' },
    });
    expect(emails.series.map((point) => point.value)).toEqual([null, null]);
    expect(view.edges.find((edge) => edge.target === 'emails')?.contribution).toBeNull();
    expect(view.residuals).toEqual([]);
  });

  it('compares with the same period a year earlier when asked', () => {
    const periods = treeViewPeriods({ grain: 'quarter', periods: 2, compare: 'year' }, now, berlin);
    const values = periods.periods.map((_, index) => index + 1);
    const view = assembleTreeView({
      tree,
      workspace,
      periodOptions: berlin,
      periods,
      seriesByNode: seriesOf({ total: values, calls: values, emails: values }),
      benchmarkValues: new Map(),
      filter: {},
      now,
    });
    expect(view.compare).toBe('year');
    expect([view.previousPeriod.label, view.period.label]).toEqual(['Q1 2025', 'Q1 2026']);
    expect(view.nodes[0]).toMatchObject({
      value: 5,
      previousValue: 1,
      change: { absolute: 4, percent: 400 },
    });
    expect(view.nodes[0]?.series.map((point) => point.value)).toEqual([4, 5]);
  });
});
