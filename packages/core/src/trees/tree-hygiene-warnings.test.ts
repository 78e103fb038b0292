// Tests for the hygiene warnings against the common tracking mistakes.

import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from '../metrics/built-in-metrics';
import type { MetricSpec } from '../metrics/metric-definition';
import type { TreeDraft, TreeDraftEdge, TreeDraftNode } from './tree-draft';
import { treeHygieneWarnings } from './tree-hygiene-warnings';

const perAllContacts: MetricSpec = {
  key: 'activity_per_known_contact',
  name: 'Activities ÷ contacts (total)',
  description: '',
  unit: 'ratio',
  direction: 'higher_is_better',
  kind: 'input',
  definition: {
    type: 'ratio',
    numerator: 'activities_total',
    denominator: 'contacts_total',
    denominatorIgnores: ['channel'],
  },
};
const catalog = new Map([...BUILT_IN_METRICS, perAllContacts].map((m) => [m.key, m]));

const node = (
  id: string,
  metricKey: string,
  filter: Record<string, string> = {},
): TreeDraftNode => ({
  id,
  metricKey,
  label: id,
  filter,
  position: { x: 0, y: 0 },
  band: null,
  raci: { accountable: ['ann'], responsible: [], consulted: [], informed: [] },
});
const edge = (
  parent: string,
  child: string,
  relation: TreeDraftEdge['relation'],
): TreeDraftEdge => ({
  id: `${parent}>${child}`,
  parent,
  child,
  relation,
  role: null,
  exponent: 1,
});
const draft = (nodes: TreeDraftNode[], edges: TreeDraftEdge[] = []): TreeDraft => ({
  name: 'T',
  description: '',
  motion: null,
  outboundWindowDays: 30,
  nodes,
  edges,
});
const outcome = node('outcome', 'meeting_rate');
const channels = ['call', 'email', 'meeting', 'social'];
const withChannels = (parent: TreeDraftNode, filter: Record<string, string> = {}) => ({
  nodes: channels.map((channel) =>
    node(`${parent.id}:${channel}`, parent.metricKey, { ...filter, channel }),
  ),
  edges: channels.map((channel) => edge(parent.id, `${parent.id}:${channel}`, 'sum')),
});
const codes = (d: TreeDraft, countingPolicy: 'all_touches' | 'manual_only' = 'all_touches') =>
  treeHygieneWarnings(d, catalog, { countingPolicy }).map((w) => [w.code, w.nodeId]);

describe('treeHygieneWarnings', () => {
  it('warns where the Accountable owner was deactivated, naming them', () => {
    const tree = draft(
      [
        outcome,
        { ...node('calls', 'calls_per_contact'), raci: { ...outcome.raci, accountable: ['bo'] } },
      ],
      [edge('outcome', 'calls', 'driver')],
    );
    const before = treeHygieneWarnings(tree, catalog).filter(
      (w) => w.code === 'inactive_accountable',
    );
    expect(before).toEqual([]);
    const after = treeHygieneWarnings(tree, catalog, {
      inactivePeople: new Map([['bo', 'Bo Lind']]),
    });
    expect(after.filter((w) => w.code === 'inactive_accountable')).toEqual([
      {
        code: 'inactive_accountable',
        nodeId: 'calls',
        message: expect.stringContaining('Accountable owner Bo Lind is inactive'),
      },
    ]);
  });

  it('warns once per group of inputs with no linked output', () => {
    const root = node('root', 'activity_per_contact');
    const split = withChannels(root);
    const lonely = draft([root, ...split.nodes], split.edges);
    expect(treeHygieneWarnings(lonely, catalog)).toEqual([
      {
        code: 'input_without_output',
        message:
          "'root' and the 4 nodes linked to it are input metrics with no linked output metric; link an outcome (e.g. meeting rate or conversion) with a driver edge, so activity is judged by what it produces",
        nodeId: 'root',
      },
    ]);
    const linked = draft(
      [outcome, root, ...split.nodes],
      [edge('outcome', 'root', 'driver'), ...split.edges],
    );
    expect(codes(linked)).toEqual([]);
  });

  it('warns on a blended activity node with no channel split at or below it', () => {
    const tree = draft(
      [
        outcome,
        node('acts', 'activities_total'),
        node('perRep', 'activity_per_rep'),
        node('calls', 'activities_total', { channel: 'call' }),
      ],
      [
        edge('outcome', 'acts', 'driver'),
        edge('outcome', 'perRep', 'driver'),
        edge('acts', 'calls', 'sum'),
      ],
    );
    expect(codes(tree)).toEqual([['blended_activity', 'perRep']]);
    // Active contacts and outcome rates are not activity volume.
    expect(
      codes(draft([outcome, node('c', 'active_contacts')], [edge('outcome', 'c', 'driver')])),
    ).toEqual([]);
  });

  it('warns when one relation mixes automated and manual touches, not when it splits by automated', () => {
    const root = node('root', 'activities_total');
    const mixed = draft(
      [
        outcome,
        root,
        node('calls', 'activities_total', { channel: 'call' }),
        node('emails', 'activities_total', { channel: 'email', automated: 'false' }),
      ],
      [
        edge('outcome', 'root', 'driver'),
        edge('root', 'calls', 'sum'),
        edge('root', 'emails', 'sum'),
      ],
    );
    const [warning] = treeHygieneWarnings(mixed, catalog);
    expect(warning).toMatchObject({ code: 'automated_mixed', nodeId: 'root' });
    expect(warning?.message).toContain("'emails' counts manual touches only");
    // Under "manual only" nothing automated is counted, so nothing is mixed.
    expect(codes(mixed, 'manual_only')).toEqual([]);

    const split = draft(
      [
        outcome,
        root,
        ...withChannels(root).nodes,
        node('auto', 'activities_total', { automated: 'true' }),
        node('manual', 'activities_total', { automated: 'false' }),
      ],
      [
        edge('outcome', 'root', 'driver'),
        ...withChannels(root).edges,
        edge('root', 'auto', 'segments'),
        edge('root', 'manual', 'segments'),
      ],
    );
    expect(codes(split)).toEqual([]);
    expect(codes(split, 'manual_only')).toEqual([['automated_mixed', 'auto']]);
  });

  it('warns on a denominator that includes untouched contacts', () => {
    const root = node('root', 'activity_per_known_contact');
    const split = withChannels(root);
    const tree = draft(
      [outcome, root, ...split.nodes],
      [edge('outcome', 'root', 'driver'), ...split.edges],
    );
    const warnings = treeHygieneWarnings(tree, catalog);
    expect(warnings.map((w) => w.nodeId)).toEqual(['root', ...split.nodes.map((n) => n.id)]);
    expect(warnings[0]?.message).toContain('divide by Active contacts');
    // Conversion divides by all contacts on purpose: it is not activity.
    expect(codes(draft([node('c2c', 'contact_to_customer_rate')]))).toEqual([]);
  });
});
