import { BUILT_IN_METRICS, type MetricSpec, type TreeDraft } from '@treeline/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MetricEntry, Person, TreeRecord } from '../lib/api';
import { draftToFlow } from './draft-to-flow';
import { RELATION_OPTIONS, type RelationChoice } from './relation-choices';
import { createTreeEditorStore, type TreeEditorStore } from './tree-editor-store';

const catalog: MetricEntry[] = (BUILT_IN_METRICS as readonly MetricSpec[]).map((metric) => ({
  ...metric,
  builtIn: true,
  dimensions: [],
}));
const people: Person[] = [
  {
    id: 'p1',
    name: 'Maya Chen',
    email: 'maya@example.com',
    role: 'admin',
    initials: 'MC',
    status: 'active',
    invitedAt: null,
  },
  {
    id: 'p2',
    name: 'Sam Okafor',
    email: 'sam@example.com',
    role: 'editor',
    initials: 'SO',
    status: 'active',
    invitedAt: null,
  },
];
const choice = (key: string): RelationChoice =>
  RELATION_OPTIONS.find((option) => option.key === key)!.choice;

/** Activity per contact with a calls-per-contact child (a sum by channel). */
function record(overrides: Partial<TreeDraft> = {}): TreeRecord {
  return {
    id: 't1',
    version: 3,
    templateKey: null,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    errors: [],
    warnings: [],
    name: 'Activity',
    description: '',
    motion: null,
    outboundWindowDays: 30,
    nodes: [
      {
        id: 'root',
        metricKey: 'activity_per_contact',
        label: 'Activity per contact',
        filter: {},
        position: { x: 0, y: 0 },
        band: null,
        raci: { accountable: ['p1'], responsible: [], consulted: [], informed: [] },
      },
      {
        id: 'calls',
        metricKey: 'activity_per_contact',
        label: 'Calls per contact',
        filter: { channel: 'call' },
        position: { x: 0, y: 200 },
        band: null,
        raci: { accountable: ['p2'], responsible: [], consulted: [], informed: [] },
      },
    ],
    edges: [
      {
        id: 'e1',
        parent: 'root',
        child: 'calls',
        relation: 'sum',
        role: null,
        exponent: 1,
      },
    ],
    ...overrides,
  };
}

const catalogByKey = new Map(catalog.map((metric) => [metric.key, metric]));
const peopleById = new Map(
  people.map((p) => [p.id, { id: p.id, name: p.name, initials: p.initials }]),
);

let editor: TreeEditorStore;
const store = () => editor.getState();
const draft = () => store().draft!;
/** The cards and links as the canvas draws them (no values read yet). */
const flow = () =>
  draftToFlow(
    draft(),
    {
      view: null,
      catalog: catalogByKey,
      people: peopleById,
      issues: store().issues,
      direction: store().direction,
    },
    { nodes: [], edges: [], reuse: false },
  );

describe('the editor store of one tree', () => {
  beforeEach(() => {
    editor = createTreeEditorStore('t1', { catalog: () => catalogByKey });
    store().loadTree(record());
  });

  it('opens a tree with its root selected, nothing to undo and nothing unsaved', () => {
    expect(store().selection).toEqual({ nodeIds: ['root'], edgeIds: [] });
    expect(flow().edges.map((edge) => [edge.source, edge.target])).toEqual([['root', 'calls']]);
    expect(store().version).toBe(3);
    expect(store().history.past).toEqual([]);
    expect(store().dirty).toBe(false);
    // Owners come from the draft's RACI and the workspace's people.
    expect(flow().nodes[1]!.data.view.accountable).toEqual({
      id: 'p2',
      name: 'Sam Okafor',
      initials: 'SO',
    });
  });

  it('adds a catalog metric as a new node, selected, with no values until saved', () => {
    const id = store().addNode('activities_total', { x: 300, y: 200 });
    expect(id).toBe('new-node-1');
    const added = draft().nodes.find((node) => node.id === id)!;
    expect(added).toMatchObject({
      metricKey: 'activities_total',
      label: 'Total logged activities',
      position: { x: 300, y: 200 },
      band: null,
      raci: { accountable: [], responsible: [], consulted: [], informed: [] },
    });
    expect(store().selection).toEqual({ nodeIds: [id], edgeIds: [] });
    expect(flow().nodes.find((node) => node.id === id)!.data.pending).toBe(true);
    expect(store().dirty).toBe(true);
    // Another one added at the same spot does not hide the first.
    store().addNode('reps_active', { x: 300, y: 200 });
    expect(draft().nodes.at(-1)!.position).toEqual({ x: 340, y: 240 });
  });

  it('connects a child under a parent when the relation fits', () => {
    const id = store().addNode('activity_per_contact')!;
    store().updateNode(id, { filter: { channel: 'email' }, label: 'Emails per contact' });
    const verdict = store().connect('root', id, choice('sum'));
    expect(verdict).toEqual({ ok: true, pending: null });
    expect(draft().edges.at(-1)).toMatchObject({
      parent: 'root',
      child: id,
      relation: 'sum',
      role: null,
      exponent: 1,
    });
    expect(flow().edges).toHaveLength(2);
  });

  it('refuses a link that would close a cycle, and says why', () => {
    const verdict = store().connect('calls', 'root', choice('driver'));
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toMatch(/already linked/);
    const id = store().addNode('reps_active')!;
    expect(store().connect('calls', id, choice('driver')).ok).toBe(true);
    const cycle = store().connect(id, 'root', choice('driver'));
    expect(cycle.ok).toBe(false);
    expect(cycle.ok ? '' : cycle.reason).toMatch(/cycle/);
    expect(store().notice?.tone).toBe('error');
    expect(draft().edges).toHaveLength(2);
  });

  it('refuses a sum child whose unit does not fit its parent', () => {
    const id = store().addNode('activities_total')!;
    const verdict = store().connect('root', id, choice('sum'));
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toMatch(
      /count but 'Activity per contact' is in ratio/,
    );
    expect(draft().edges).toHaveLength(1);
  });

  it('allows a ratio side while the other is missing, and refuses a second numerator', () => {
    const activities = store().addNode('activities_total')!;
    const contacts = store().addNode('active_contacts')!;
    expect(store().connect('root', activities, choice('ratio-numerator'))).toEqual({
      ok: true,
      pending: "'Activity per contact' still needs a denominator",
    });
    const second = store().addNode('activities_total')!;
    const refused = store().connect('root', second, choice('ratio-numerator'));
    expect(refused.ok).toBe(false);
    expect(store().connect('root', contacts, choice('ratio-denominator'))).toEqual({
      ok: true,
      pending: null,
    });
  });

  it('changes the relation of a link when the new one fits, and refuses one that does not', () => {
    const refused = store().relink('e1', choice('segments'));
    expect(refused.ok).toBe(false);
    expect(draft().edges[0]!.relation).toBe('sum');
    expect(store().relink('e1', choice('driver'))).toEqual({ ok: true, pending: null });
    expect(draft().edges[0]).toMatchObject({ id: 'e1', relation: 'driver', role: null });
    store().undo();
    expect(draft().edges[0]!.relation).toBe('sum');
  });

  it('deletes a node with its edges, or the selected edge', () => {
    store().deleteElements({ nodeIds: ['calls'] });
    expect(draft().nodes.map((node) => node.id)).toEqual(['root']);
    expect(draft().edges).toEqual([]);
    store().undo();
    store().onEdgesChange([{ type: 'select', id: 'e1', selected: true }]);
    store().selectNode(null);
    store().onEdgesChange([{ type: 'select', id: 'e1', selected: true }]);
    store().deleteElements();
    expect(draft().edges).toEqual([]);
    expect(draft().nodes).toHaveLength(2);
  });

  it('undoes and redoes each edit, and knows when the draft is back to what was saved', () => {
    const saved = draft();
    const id = store().addNode('reps_active')!;
    store().connect('root', id, choice('driver'));
    store().assignRole(id, 'accountable', 'p1', true);
    expect(store().history.past).toHaveLength(3);

    store().undo();
    expect(draft().nodes.find((node) => node.id === id)!.raci.accountable).toEqual([]);
    store().undo();
    expect(draft().edges).toHaveLength(1);
    store().undo();
    expect(draft()).toBe(saved);
    expect(store().dirty).toBe(false);
    store().undo();
    expect(draft()).toBe(saved);

    store().redo();
    store().redo();
    expect(draft().edges).toHaveLength(2);
    expect(store().dirty).toBe(true);
    expect(store().history.future).toHaveLength(1);
    // A new edit forgets what could be redone.
    store().moveNodes(new Map([['root', { x: 40, y: 0 }]]));
    expect(store().history.future).toEqual([]);
  });

  it('commits a drag as one move when it ends', () => {
    store().onNodesChange([
      { type: 'position', id: 'calls', position: { x: 80, y: 260 }, dragging: true },
    ]);
    expect(store().history.past).toHaveLength(0);
    expect(store().dragging).toEqual({ calls: { x: 80, y: 260 } });
    expect(draft().nodes[1]!.position).toEqual({ x: 0, y: 200 });
    store().onNodesChange([
      { type: 'position', id: 'calls', position: { x: 90.4, y: 270.2 }, dragging: false },
    ]);
    expect(draft().nodes[1]!.position).toEqual({ x: 90, y: 270 });
    expect(store().dragging).toEqual({});
    expect(store().history.past).toHaveLength(1);
    store().undo();
    expect(draft().nodes[1]!.position).toEqual({ x: 0, y: 200 });
  });

  it('lays the tree out top-down, parents above their children, as one undoable edit', () => {
    const a = store().addNode('activity_per_contact', { x: 900, y: -500 })!;
    store().updateNode(a, { filter: { channel: 'email' } });
    store().connect('root', a, choice('sum'));
    store().autoLayout();
    const at = (id: string) => draft().nodes.find((node) => node.id === id)!.position;
    expect(at('calls').y).toBeGreaterThan(at('root').y);
    expect(at(a).y).toBe(at('calls').y);
    expect(Math.abs(at(a).x - at('calls').x)).toBeGreaterThanOrEqual(220);
    // The root sits centred over its two children.
    expect(at('root').x).toBe(Math.round((at(a).x + at('calls').x) / 2));
    store().undo();
    expect(at(a)).toEqual({ x: 900, y: -500 });
  });

  it('keeps exactly one Accountable: naming another replaces the first', () => {
    store().assignRole('root', 'accountable', 'p2', true);
    expect(draft().nodes[0]!.raci.accountable).toEqual(['p2']);
    store().assignRole('root', 'responsible', 'p1', true);
    store().assignRole('root', 'informed', 'p1', true);
    expect(draft().nodes[0]!.raci).toEqual({
      accountable: ['p2'],
      responsible: ['p1'],
      consulted: [],
      informed: ['p1'],
    });
    store().assignRole('root', 'responsible', 'p1', false);
    expect(draft().nodes[0]!.raci.responsible).toEqual([]);
  });

  it('takes in a save: new version, real ids for new nodes and edges, history remapped', () => {
    const id = store().addNode('reps_active', { x: 400, y: 200 })!;
    store().connect('root', id, choice('driver'));
    const sent = draft();
    const saved = record({
      nodes: [
        ...sent.nodes.filter((node) => node.id !== id),
        { ...sent.nodes.find((node) => node.id === id)!, id: 'uuid-n' },
      ].sort((a, b) => a.position.y - b.position.y),
      edges: sent.edges.map((edge) =>
        edge.child === id ? { ...edge, id: 'uuid-e', child: 'uuid-n' } : edge,
      ),
    });
    store().markSaved(sent, { ...saved, version: 4 });
    expect(store().version).toBe(4);
    expect(store().dirty).toBe(false);
    expect(
      draft()
        .nodes.map((node) => node.id)
        .sort(),
    ).toEqual(['calls', 'root', 'uuid-n']);
    expect(store().selection.nodeIds).toEqual(['uuid-n']);
    store().undo();
    expect(draft().edges.map((edge) => edge.id)).toEqual(['e1']);
    expect(draft().nodes.map((node) => node.id)).toEqual(['root', 'calls', 'uuid-n']);
  });

  it("puts a refused save's issues on their nodes", () => {
    store().setIssues([
      { code: 'missing_accountable', message: "'Calls' has no Accountable owner", nodeId: 'calls' },
    ]);
    expect(flow().nodes[1]!.data.issues).toEqual(["'Calls' has no Accountable owner"]);
    expect(flow().nodes[0]!.data.issues).toEqual([]);
    // Editing another node keeps the mark; fixing this one takes it away.
    store().updateNode('root', { label: 'Touches per contact' });
    expect(store().issues).toHaveLength(1);
    store().assignRole('calls', 'accountable', 'p1', true);
    expect(store().issues).toEqual([]);
    expect(flow().nodes[1]!.data.issues).toEqual([]);
  });

  it('edits bands and the tree motion', () => {
    store().setBand('root', { kind: 'target', min: 2, max: null });
    expect(draft().nodes[0]!.band).toEqual({ kind: 'target', min: 2, max: null });
    store().updateTree({ motion: 'mid_market_outbound' });
    store().setBand('root', { kind: 'benchmark' });
    expect(flow().nodes[0]!.data.view.band).toMatchObject({
      kind: 'benchmark',
      min: 8,
      max: 14,
      motion: 'Mid-market outbound',
    });
  });

  it('selects what the canvas selects, and keeps measured sizes for the layout', () => {
    store().onNodesChange([
      { type: 'select', id: 'root', selected: false },
      { type: 'select', id: 'calls', selected: true },
      { type: 'dimensions', id: 'calls', dimensions: { width: 220, height: 104 } },
    ]);
    expect(store().selection).toEqual({ nodeIds: ['calls'], edgeIds: [] });
    expect(store().measured).toEqual({ calls: { width: 220, height: 104 } });
    // A deleted node leaves the selection; undo does not select it again.
    store().deleteElements();
    expect(store().selection.nodeIds).toEqual([]);
    store().undo();
    expect(draft().nodes).toHaveLength(2);
    expect(store().selection.nodeIds).toEqual([]);
  });

  it('is one store per tree: another tree, or a discard, starts from what is stored', () => {
    const other = createTreeEditorStore('t2', { catalog: () => catalogByKey });
    store().updateTree({ name: 'Edited' });
    expect(other.getState().draft).toBeNull();
    // A record of another tree is not taken in.
    other.getState().loadTree(record());
    expect(other.getState().draft).toBeNull();
    expect(store().dirty).toBe(true);
    store().discard();
    expect(store()).toMatchObject({ draft: null, dirty: false, version: 0 });
    expect(store().history).toEqual({ past: [], future: [] });
    store().loadTree(record());
    expect(draft().name).toBe('Activity');
  });
});
