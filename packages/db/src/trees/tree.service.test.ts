import type { TreeDraft } from '@treeline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../schema/database';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  domainErrorOf,
  type TestDatabase,
} from '../testing';
import { createWorkspace } from '../workspaces/workspace.repository';
import {
  createTree,
  deleteTree,
  getTree,
  renameTree,
  saveTree,
  type TreeVersionConflict,
} from './tree.service';

describe.each(databaseKindsUnderTest())('tree service on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let ann: string;
  let bob: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'trees', name: 'Trees Co' });
    const people = await t.db
      .insertInto('people')
      .values([
        { workspace_id: ws.id, name: 'Ann', email: 'ann@example.com', role: 'admin' },
        { workspace_id: ws.id, name: 'Bob', email: 'bob@example.com', role: 'editor' },
      ])
      .returning(['id', 'name'])
      .execute();
    ann = people.find((p) => p.name === 'Ann')!.id;
    bob = people.find((p) => p.name === 'Bob')!.id;
  });
  afterAll(() => t.close());

  it('creates a tree from a template at version 1, owned by one person', async () => {
    const tree = await createTree(t.db, ws, { templateKey: 'activity_per_contact', owner: ann });
    expect(tree).toMatchObject({
      version: 1,
      templateKey: 'activity_per_contact',
      errors: [],
      warnings: [],
    });
    expect(tree.draft.nodes).toHaveLength(16);
    expect(tree.draft.motion).toBe('mid_market_outbound');
    expect(tree.draft.nodes.every((n) => n.raci.accountable[0] === ann)).toBe(true);
    expect(
      tree.draft.nodes.find((n) => n.metricKey === 'activity_per_contact' && !n.filter.channel)
        ?.band,
    ).toEqual({
      kind: 'benchmark',
    });
    expect(tree.draft.edges.filter((e) => e.exponent === -1)).toHaveLength(1);
  });

  it('creates an empty tree, and says what is missing without an owner', async () => {
    const empty = await createTree(t.db, ws, { name: 'Blank' });
    expect(empty.draft).toMatchObject({
      name: 'Blank',
      nodes: [],
      edges: [],
      outboundWindowDays: 30,
    });
    const unowned = await createTree(t.db, ws, { templateKey: 'contacts_growth' });
    expect(unowned.errors).toHaveLength(12);
    expect(unowned.errors[0]).toMatchObject({ code: 'missing_accountable' });
    expect((await domainErrorOf(createTree(t.db, ws, {}))).code).toBe('invalid_tree');
    expect((await domainErrorOf(createTree(t.db, ws, { templateKey: 'nope' }))).code).toBe(
      'unknown_template',
    );
  });

  it('saves a whole draft: keeps known ids, gives new ones, bumps the version', async () => {
    const tree = await createTree(t.db, ws, { templateKey: 'contact_to_customer', owner: ann });
    const draft: TreeDraft = structuredClone(tree.draft);
    const root = draft.nodes.find(
      (n) => n.metricKey === 'contact_to_customer_rate' && !n.filter.source,
    )!;
    root.label = 'Conversion';
    root.raci = { accountable: [bob], responsible: [ann], consulted: [], informed: [] };
    draft.nodes.push({
      id: 'new-1',
      metricKey: 'meeting_rate',
      label: 'Meeting rate',
      filter: {},
      position: { x: 0, y: 900 },
      band: { kind: 'target', min: 0.02, max: null },
      raci: { accountable: [ann], responsible: [], consulted: [], informed: [] },
    });
    draft.edges.push({
      id: 'e-new',
      parent: root.id,
      child: 'new-1',
      relation: 'driver',
      role: null,
      exponent: 1,
    });
    const saved = (await saveTree(t.db, ws, tree.id, { version: 1, draft }))!;
    expect(saved.version).toBe(2);
    const added = saved.draft.nodes.find((n) => n.label === 'Meeting rate')!;
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(added.band).toEqual({ kind: 'target', min: 0.02, max: null });
    expect(saved.draft.edges.find((e) => e.child === added.id)?.parent).toBe(root.id);
    expect(saved.draft.nodes.find((n) => n.id === root.id)).toMatchObject({
      label: 'Conversion',
      raci: { accountable: [bob], responsible: [ann] },
    });
    expect((await getTree(t.db, ws, tree.id))!.draft).toEqual(saved.draft);
  });

  it('refuses a stale save, naming what changed since the version it was read at', async () => {
    const tree = await createTree(t.db, ws, { templateKey: 'activity_per_contact', owner: ann });
    const mine = structuredClone(tree.draft);
    const theirs = structuredClone(tree.draft);
    const calls = theirs.nodes.find((n) => n.label === 'Calls per contact')!;
    calls.raci.accountable = [bob];
    await saveTree(t.db, ws, tree.id, { version: 1, draft: theirs });

    mine.name = 'My rename';
    const error = await domainErrorOf(saveTree(t.db, ws, tree.id, { version: 1, draft: mine }));
    expect(error.code).toBe('tree_version_conflict');
    const conflict = error.details as unknown as TreeVersionConflict;
    expect(conflict).toMatchObject({
      currentVersion: 2,
      yourVersion: 1,
      basis: 'since_your_version',
    });
    expect(conflict.changes.nodes.changed).toEqual([
      { id: calls.id, label: 'Calls per contact', fields: ['raci'] },
    ]);
    expect(conflict.changes.tree).toEqual([]);
    expect(error.message).toContain("Since version 1: node 'Calls per contact' changed (raci).");
    // Nothing of the stale save was written.
    expect((await getTree(t.db, ws, tree.id))!).toMatchObject({
      version: 2,
      draft: { name: tree.draft.name },
    });
  });

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    const tree = await createTree(t.db, ws, { templateKey: 'contacts_growth', owner: ann });
    const edit = (label: string) => {
      const draft = structuredClone(tree.draft);
      draft.nodes[0]!.label = label;
      return saveTree(t.db, ws, tree.id, { version: 1, draft });
    };
    const results = await Promise.allSettled([edit('A'), edit('B')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason.code).toBe('tree_version_conflict');
    expect((await getTree(t.db, ws, tree.id))!.version).toBe(2);
  });

  it('refuses an invalid draft with per-node and per-edge errors, writing nothing', async () => {
    const tree = await createTree(t.db, ws, { templateKey: 'activity_per_contact', owner: ann });
    const draft = structuredClone(tree.draft);
    draft.nodes[0]!.raci.accountable = [];
    draft.nodes[1]!.filter = { colour: 'red' };
    draft.edges.push({ ...draft.edges[0]!, id: 'again' });
    const error = await domainErrorOf(saveTree(t.db, ws, tree.id, { version: 1, draft }));
    expect(error.code).toBe('invalid_tree');
    const errors = error.details.errors as Array<{
      code: string;
      nodeId?: string;
      edgeId?: string;
    }>;
    expect(errors.map((e) => e.code).sort()).toEqual([
      'duplicate_edge',
      'missing_accountable',
      'unknown_dimension',
    ]);
    expect(errors.find((e) => e.code === 'duplicate_edge')?.edgeId).toBe('again');
    expect(errors.find((e) => e.code === 'unknown_dimension')?.nodeId).toBe(draft.nodes[1]!.id);
    expect((await getTree(t.db, ws, tree.id))!.version).toBe(1);
  });

  it('renames (a new version) and deletes', async () => {
    const tree = await createTree(t.db, ws, { name: 'Old' });
    expect(await renameTree(t.db, ws, tree.id, 'New')).toMatchObject({
      version: 2,
      draft: { name: 'New' },
    });
    expect(await deleteTree(t.db, ws, tree.id)).toBe(true);
    expect(await getTree(t.db, ws, tree.id)).toBeNull();
    expect(await deleteTree(t.db, ws, tree.id)).toBe(false);
    expect(await renameTree(t.db, ws, tree.id, 'Gone')).toBeNull();
    expect(await saveTree(t.db, ws, tree.id, { version: 1, draft: tree.draft })).toBeNull();
  });
});
