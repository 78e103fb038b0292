import { describe, expect, it } from 'vitest';
import { loadedEdge, loadedNode, loadedTree, seriesOf } from '../trees/loaded-tree.test-helpers';
import { describeAlert } from './describe-alert';
import { escalationTarget, workingDaysDeadline } from './escalation';
import { planTreeAlerts, topDown } from './plan-tree-alerts';
import { routeMovement } from './route-movement';

// total = calls + emails (a sum) and, as an identity, total = reps × perRep (a product);
// an outcome above it by a driver edge. Twelve noisy weeks, then emails drop by a third.
const noise = [0, 3, -2, 1, -1, 2, -3, 1, 0, -2, 2, -1];
const calls = [...noise.map((n) => 100 + n), 101];
const emails = [...noise.map((n) => 200 - n), 134];
const total = calls.map((c, i) => c + emails[i]!);
const reps = calls.map(() => 10);
const perRep = total.map((t) => t / 10);
const outcome = [...noise.map((n) => 50 + n), 50];

const tree = loadedTree(
  [
    loadedNode('outcome', 'meetings'),
    loadedNode('total', 'activities'),
    loadedNode('calls', 'activities', { filter: { channel: 'call' }, label: 'Calls' }),
    loadedNode('emails', 'activities', { filter: { channel: 'email' }, label: 'Emails' }),
    loadedNode('reps', 'reps'),
    loadedNode('perRep', 'per_rep', { label: 'Activities per rep' }),
  ],
  [
    loadedEdge('outcome', 'total', 'driver'),
    loadedEdge('total', 'calls', 'sum'),
    loadedEdge('total', 'emails', 'sum'),
    loadedEdge('total', 'reps', 'product'),
    loadedEdge('total', 'perRep', 'product'),
  ],
  {
    assignments: [
      { nodeId: 'total', personId: 'maya', personName: 'Maya Chen', role: 'accountable' },
      { nodeId: 'emails', personId: 'priya', personName: 'Priya Nair', role: 'accountable' },
      { nodeId: 'emails', personId: 'jordan', personName: 'Jordan Reyes', role: 'responsible' },
      { nodeId: 'emails', personId: 'tom', personName: 'Tom Alvarez', role: 'informed' },
      { nodeId: 'outcome', personId: 'sam', personName: 'Sam Okafor', role: 'accountable' },
    ],
  },
);
tree.nodes[1]!.label = 'Activities';
const series = seriesOf({ outcome, total, calls, emails, reps, perRep });
const at = total.length - 1;

describe('routeMovement', () => {
  it('walks from the moved node to the branch that explains most of it, a split before an identity', () => {
    const route = routeMovement(tree, series, 'total', { before: at - 1, after: at });
    expect(route.routedNodeId).toBe('emails');
    expect(route.path.map((s) => s.nodeId)).toEqual(['total', 'emails']);
    expect(route.path[1]!.relation).toBe('sum');
    expect(route.path[1]!.share).toBeGreaterThan(0.9);
    expect(route.path[1]!.siblings.map((s) => s.nodeId).sort()).toEqual(['calls', 'emails']);
  });

  it('never routes through a driver edge', () => {
    const route = routeMovement(tree, series, 'outcome', { before: at - 1, after: at });
    expect(route.routedNodeId).toBe('outcome');
  });
});

describe('planTreeAlerts', () => {
  it('alerts the highest node that moved once, routed to its cause, and suppresses what it explains', () => {
    const plan = planTreeAlerts({ tree, seriesByNode: series, grain: 'week', at });
    expect(plan.alerts).toHaveLength(1);
    const [alert] = plan.alerts;
    expect(alert).toMatchObject({
      nodeId: 'total',
      direction: 'down',
      tone: 'bad',
      accountableId: 'priya',
      responsibleIds: ['jordan'],
      informedIds: ['tom'],
    });
    expect(plan.detections.get('emails')?.alert).toBe(true);
    expect(alert!.suppressed.sort()).toEqual(['emails', 'perRep']);
  });

  it('checks no node at a grain its rule does not name, and says why a node was not evaluated', () => {
    const monthly = planTreeAlerts({ tree, seriesByNode: series, grain: 'month', at });
    expect(monthly.alerts).toEqual([]);
    const broken = new Map(series);
    broken.set('total', {
      values: total.map(() => null),
      numerators: null,
      denominators: null,
      error: { code: 'unknown_metric', message: "the metric 'x' is unknown" },
    });
    const plan = planTreeAlerts({ tree, seriesByNode: broken, grain: 'week', at });
    expect(plan.unevaluated).toEqual([
      { nodeId: 'total', reason: "its metric cannot be evaluated: the metric 'x' is unknown" },
    ]);
    // Without its parent, the emails branch alerts on its own.
    expect(plan.alerts.map((a) => a.nodeId)).toContain('emails');
  });

  it('honours a node that turns its alerts off', () => {
    const quiet = {
      ...tree,
      nodes: tree.nodes.map((n) =>
        n.id === 'total' ? { ...n, alertRule: { enabled: false } } : n,
      ),
    };
    const plan = planTreeAlerts({ tree: quiet, seriesByNode: series, grain: 'week', at });
    expect(plan.detections.has('total')).toBe(false);
    expect(plan.alerts.map((a) => a.nodeId).sort()).toEqual(['emails', 'perRep']);
  });

  it('orders nodes from the top down along arithmetic edges', () => {
    expect(topDown(tree).slice(0, 2).sort()).toEqual(['outcome', 'total']);
  });
});

describe('describeAlert', () => {
  it('says what moved, by how much, against what, why, and which branch caused it', () => {
    const plan = planTreeAlerts({ tree, seriesByNode: series, grain: 'week', at });
    const text = describeAlert({
      tree,
      alert: plan.alerts[0]!,
      periodLabel: 'W47 2026',
      grain: 'week',
      filter: { team: 'Team A' },
    });
    expect(text.title).toBe('Activities fell 22% in W47 2026');
    expect(text.summary).toMatch(
      /was 235 in W47 2026, against a baseline of 300 \(the median of the last 12 weeks\): -21\.7%/,
    );
    expect(text.summary).toMatch(/robust z-score of -\d+\.\d/);
    expect(text.summary).toMatch(/Emails explains \d+% of the change/);
    expect(text.summary).toMatch(/Accountable: Priya Nair\./);
    expect(text.summary).toMatch(/Tree filter: team = Team A\./);
  });
});

describe('escalation', () => {
  it('counts working days in the workspace zone, keeping the time of day', () => {
    // Friday 10:00 in New York → Tuesday 10:00.
    expect(
      workingDaysDeadline(new Date('2026-11-27T15:00:00Z'), 2, 'America/New_York').toISOString(),
    ).toBe('2026-12-01T15:00:00.000Z');
    // Monday → Wednesday.
    expect(workingDaysDeadline(new Date('2026-11-23T09:00:00Z'), 2, 'UTC').toISOString()).toBe(
      '2026-11-25T09:00:00.000Z',
    );
  });

  it("goes to the parent branch's Accountable, past the person already alerted", () => {
    const route = routeMovement(tree, series, 'total', { before: at - 1, after: at });
    expect(escalationTarget(tree, route, 'priya')).toEqual({ nodeId: 'total', personId: 'maya' });
    // Maya already has it: up the driver edge to the outcome's owner.
    expect(escalationTarget(tree, route, 'maya')).toEqual({ nodeId: 'outcome', personId: 'sam' });
    const top = { routedNodeId: 'outcome', path: [] };
    expect(escalationTarget(tree, top, 'sam')).toBeNull();
  });
});
