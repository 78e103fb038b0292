import type { TreeRecord as TreeBody, TreeDraft, TreeIssue, TreeView } from '@treeline/core';
import { createWorkspace, type Workspace } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../app';
import { appActingAs } from '../../testing/app-acting-as';

describe.each(databaseKindsUnderTest())('tree drafts API on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let ann: string;
  let bob: string;
  let app: ReturnType<typeof createApp>;

  const send = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const create = async (body: unknown) => {
    const res = await send('POST', '/api/trees', body);
    expect(res.status).toBe(201);
    return (await res.json()) as TreeBody;
  };
  const saveBody = (tree: TreeBody, changes: Partial<TreeDraft> = {}) => ({
    version: tree.version,
    name: tree.name,
    description: tree.description,
    motion: tree.motion,
    outboundWindowDays: tree.outboundWindowDays,
    nodes: tree.nodes,
    edges: tree.edges,
    ...changes,
  });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, {
      slug: 'drafts',
      name: 'Drafts Co',
      time_zone: 'Europe/Berlin',
    });
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
    app = await appActingAs(
      {
        db: t.db,
        database: { kind: t.kind, location: t.location },
        now: () => new Date('2026-11-15T12:00:00Z'),
      },
      { workspaceId: ws.id, personId: ann },
    );
  });
  afterAll(() => t.close());

  it('creates trees from a template or empty, and lists them', async () => {
    const fromTemplate = await create({ templateKey: 'activity_per_contact', owner: ann });
    expect(fromTemplate).toMatchObject({
      version: 1,
      templateKey: 'activity_per_contact',
      errors: [],
      warnings: [],
    });
    expect(fromTemplate.nodes).toHaveLength(16);
    const empty = await create({ name: 'Scratch' });
    expect(empty).toMatchObject({
      name: 'Scratch',
      nodes: [],
      edges: [],
      motion: null,
      outboundWindowDays: 30,
    });
    const unowned = await create({ templateKey: 'contacts_growth', name: 'Growth' });
    expect(unowned.name).toBe('Growth');
    expect(unowned.errors.every((e) => e.code === 'missing_accountable')).toBe(true);

    const list = (await (await send('GET', '/api/trees')).json()) as {
      trees: Array<{ id: string }>;
    };
    expect(list.trees.map((tree) => tree.id)).toEqual(
      expect.arrayContaining([fromTemplate.id, empty.id, unowned.id]),
    );
  });

  it('refuses an unknown template and a nameless empty tree with problem+json 422', async () => {
    const unknown = await send('POST', '/api/trees', { templateKey: 'nope' });
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(await unknown.json()).toMatchObject({ detail: "there is no template 'nope'" });
    const nameless = await send('POST', '/api/trees', {});
    expect(nameless.status).toBe(422);
    expect(await nameless.json()).toMatchObject({
      title: 'Invalid tree',
      errors: [{ code: 'invalid_name', path: '' }],
    });
  });

  it('reads a tree as a draft and saves it against its version', async () => {
    const tree = await create({ templateKey: 'activity_per_contact', owner: ann });
    const read = (await (await send('GET', `/api/trees/${tree.id}`)).json()) as TreeBody;
    expect(read).toEqual(tree);
    const nodes = read.nodes.map((node) =>
      node.label === 'Calls per contact'
        ? { ...node, label: 'Dials per contact', raci: { ...node.raci, accountable: [bob] } }
        : node,
    );
    const res = await send(
      'PUT',
      `/api/trees/${tree.id}`,
      saveBody(read, { nodes, outboundWindowDays: 45 }),
    );
    expect(res.status).toBe(200);
    const saved = (await res.json()) as TreeBody;
    expect(saved).toMatchObject({ version: 2, outboundWindowDays: 45 });
    expect(saved.nodes.find((n) => n.label === 'Dials per contact')?.raci.accountable).toEqual([
      bob,
    ]);
    expect((await (await send('GET', `/api/trees/${tree.id}`)).json()) as TreeBody).toMatchObject({
      version: 2,
    });
  });

  it('answers a stale save with 409 naming what changed since', async () => {
    const tree = await create({ templateKey: 'contact_to_customer', owner: ann });
    const theirs = tree.nodes.map((node) =>
      node.label === 'Win rate' ? { ...node, label: 'Deal win rate' } : node,
    );
    expect(
      (await send('PUT', `/api/trees/${tree.id}`, saveBody(tree, { nodes: theirs }))).status,
    ).toBe(200);

    const res = await send('PUT', `/api/trees/${tree.id}`, saveBody(tree, { name: 'Mine' }));
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      status: 409,
      title: 'The tree changed since you read it',
      currentVersion: 2,
      yourVersion: 1,
      basis: 'since_your_version',
      changes: {
        tree: [],
        nodes: { added: [], removed: [], changed: [{ label: 'Deal win rate', fields: ['label'] }] },
      },
    });
    expect(problem.detail).toContain("Since version 1: node 'Deal win rate' changed (label).");
  });

  it('answers an invalid tree with 422 and one error per node or edge, with its body path', async () => {
    const tree = await create({ templateKey: 'activity_per_contact', owner: ann });
    const nodes = structuredClone(tree.nodes);
    const root = nodes.findIndex((n) => n.label === 'Activity volume per contact');
    nodes[root]!.raci.accountable = [ann, bob];
    const calls = nodes.find((n) => n.label === 'Calls per contact')!;
    const edges = [
      ...tree.edges,
      {
        id: 'loop',
        parent: calls.id,
        child: nodes[root]!.id,
        relation: 'driver' as const,
        role: null,
        exponent: 1 as const,
      },
      {
        id: 'dangling',
        parent: calls.id,
        child: 'ghost',
        relation: 'driver' as const,
        role: null,
        exponent: 1 as const,
      },
    ];
    const res = await send('PUT', `/api/trees/${tree.id}`, saveBody(tree, { nodes, edges }));
    expect(res.status).toBe(422);
    const problem = (await res.json()) as {
      detail: string;
      errors: Array<TreeIssue & { path: string }>;
    };
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'multiple_accountable',
          path: `nodes.${root}`,
          nodeId: nodes[root]!.id,
        }),
        expect.objectContaining({
          code: 'missing_node',
          path: `edges.${edges.length - 1}`,
          edgeId: 'dangling',
        }),
        expect.objectContaining({
          code: 'cycle',
          message: expect.stringContaining("'Calls per contact' → 'Activity volume per contact'"),
        }),
      ]),
    );
    expect(problem.detail).toMatch(/^\d+ problems keep this tree from being saved: /);
    expect(((await (await send('GET', `/api/trees/${tree.id}`)).json()) as TreeBody).version).toBe(
      1,
    );
  });

  it('names the bad field of a malformed draft with 400', async () => {
    const tree = await create({ name: 'Malformed' });
    const res = await send('PUT', `/api/trees/${tree.id}`, {
      ...saveBody(tree),
      edges: [{ id: 'e', parent: 'a', child: 'b', relation: 'times' }],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe(
      'edges.0.relation',
    );
  });

  it('renames and deletes, with 404 for a missing tree', async () => {
    const tree = await create({ name: 'Short-lived' });
    const renamed = await send('PATCH', `/api/trees/${tree.id}`, { name: 'Renamed' });
    expect(await renamed.json()).toMatchObject({ name: 'Renamed', version: 2 });
    expect((await send('DELETE', `/api/trees/${tree.id}`)).status).toBe(204);
    for (const [method, body] of [
      ['GET'],
      ['DELETE'],
      ['PATCH', { name: 'x' }],
      ['PUT', saveBody(tree)],
    ] as const) {
      const res = await send(method, `/api/trees/${tree.id}`, body);
      expect(res.status, method).toBe(404);
      expect(await res.json()).toMatchObject({ title: 'Tree not found' });
    }
  });

  it('filters the whole tree view by a dimension, and refuses an unknown one', async () => {
    const tree = await create({ templateKey: 'activity_per_contact', owner: ann });
    const res = await app.request(
      `/api/trees/${tree.id}/view?grain=month&periods=2&filter[team]=A`,
    );
    expect(res.status).toBe(200);
    const view = (await res.json()) as TreeView;
    expect(view.filter).toEqual({ team: 'A' });
    expect(view.nodes.find((n) => n.label === 'Calls per contact')?.filter).toEqual({
      channel: 'call',
    });
    const unknown = await app.request(`/api/trees/${tree.id}/view?filter[colour]=red`);
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ detail: 'filter: unknown dimension "colour"' });
  });
});
