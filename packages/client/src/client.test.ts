import { appActingAs } from '@treeline/api/testing';
import type { TreeSummary, TreeView } from '@treeline/core';
import { ACTIVITY_PER_CONTACT_TEMPLATE } from '@treeline/core';
import { createTreeFromTemplate, createWorkspace } from '@treeline/db';
import { createTestDatabase, type TestDatabase } from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  ApiProblem,
  createTreelineClient,
  expectOk,
  okJson,
  readProblem,
  type TreelineClient,
  toProblem,
} from './index';

describe('the typed client', () => {
  let t: TestDatabase;
  let client: TreelineClient;
  let treeId: string;

  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    const ws = await createWorkspace(t.db, { slug: 'c', name: 'Client Co' });
    const [person] = await t.db
      .insertInto('people')
      .values({ workspace_id: ws.id, name: 'Pat', email: 'pat@example.com', role: 'admin' })
      .returning('id')
      .execute();
    treeId = await createTreeFromTemplate(t.db, ws.id, ACTIVITY_PER_CONTACT_TEMPLATE, {
      root: { accountable: person!.id },
    });
    const app = await appActingAs(
      { db: t.db, database: { kind: t.kind, location: t.location } },
      { workspaceId: ws.id, personId: person!.id },
    );
    // No port: the client's fetch goes straight into the app.
    client = createTreelineClient('http://treeline.test', {
      fetch: (input: Request | string | URL, init?: RequestInit) =>
        app.fetch(new Request(input, init)),
    });
  });
  afterAll(() => t.close());

  it('lists trees with their contract types', async () => {
    const res = await client.api.trees.$get();
    expect(res.ok).toBe(true);
    const body = await res.json();
    expectTypeOf(body.trees).toEqualTypeOf<TreeSummary[]>();
    expect(body.trees.map((tree) => tree.id)).toEqual([treeId]);
  });

  it('reads a tree view, typed as TreeView', async () => {
    const res = await client.api.trees[':id'].view.$get({
      param: { id: treeId },
      query: { grain: 'month' },
    });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const view = await res.json();
    expectTypeOf(view).toEqualTypeOf<TreeView>();
    expect(view.nodes).toHaveLength(16);
    // No activities at all: every value is "no data", never 0 per contact.
    expect(view.nodes.every((node) => node.value === null)).toBe(true);
  });

  it('reads the problem of a failed request', async () => {
    const res = await client.api.trees[':id'].view.$get({ param: { id: 'not-a-uuid' }, query: {} });
    expect(res.status).toBe(400);
    expect(await readProblem(res)).toMatchObject({
      status: 400,
      title: 'Invalid request',
      errors: [{ path: 'id' }],
    });
  });

  it('keeps the extension members of a problem (a refused import names its report)', async () => {
    const body = {
      type: 'https://treeline.dev/problems/import-refused',
      title: 'Import refused',
      status: 422,
      detail: 'Nothing was imported',
      rejected: 2,
      reportUrl: '/api/imports/x/report.csv',
    };
    const res = new Response(JSON.stringify(body), {
      status: 422,
      headers: { 'content-type': 'application/problem+json' },
    });
    expect(await readProblem(res)).toEqual(body);
  });

  it('reads the body of a successful call, typed by its route, and throws the problem of a failed one', async () => {
    const { trees } = await okJson(client.api.trees.$get());
    expectTypeOf(trees).toEqualTypeOf<TreeSummary[]>();
    expect(trees.map((tree) => tree.id)).toEqual([treeId]);
    const missing = '00000000-0000-4000-8000-000000000000';
    const failed = await okJson(client.api.trees[':id'].$get({ param: { id: missing } })).catch(
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(ApiProblem);
    expect(toProblem(failed)).toMatchObject({ status: 404, title: 'Tree not found' });
    await expect(
      expectOk(client.api.trees[':id'].$delete({ param: { id: missing } })),
    ).rejects.toThrow(ApiProblem);
  });

  it('says what the server answered when the body is no problem, and when the API is unreachable', async () => {
    const html = new Response('<html>Bad gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
    });
    expect(await readProblem(html, '/api/trees')).toEqual({
      type: 'about:blank',
      title: 'The Treeline API is not reachable',
      status: 502,
      detail: 'The server answered 502 to /api/trees. Check that the API is running, then retry.',
    });
    const empty = new Response(null, { status: 500 });
    expect(await readProblem(empty, '/api/metrics')).toMatchObject({
      title: 'Request failed with status 500',
      detail: 'The server answered 500 to /api/metrics.',
    });
    expect(toProblem(new TypeError('Failed to fetch'))).toMatchObject({
      status: 0,
      title: 'Could not reach the Treeline server',
    });
  });
});
