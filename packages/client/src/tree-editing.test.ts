import { appActingAs } from '@treeline/api/testing';
import type { TreeDraftEdge, TreeDraftNode, TreeIssue } from '@treeline/core';
import { createWorkspace } from '@treeline/db';
import { createTestDatabase, type TestDatabase } from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createTreelineClient, readProblem, type TreelineClient } from './index';

describe('editing trees and metrics through the typed client', () => {
  let t: TestDatabase;
  let client: TreelineClient;
  let owner: string;

  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    const ws = await createWorkspace(t.db, { slug: 'edit', name: 'Edit Co' });
    const [person] = await t.db
      .insertInto('people')
      .values({ workspace_id: ws.id, name: 'Pat', email: 'pat@example.com', role: 'admin' })
      .returning('id')
      .execute();
    owner = person!.id;
    const app = await appActingAs(
      { db: t.db, database: { kind: t.kind, location: t.location } },
      { workspaceId: ws.id, personId: owner },
    );
    client = createTreelineClient('http://treeline.test', {
      fetch: (input: Request | string | URL, init?: RequestInit) =>
        app.fetch(new Request(input, init)),
    });
  });
  afterAll(() => t.close());

  it('creates from a template, reads the draft and saves it against its version', async () => {
    const templates = await (await client.api.templates.$get()).json();
    expect(templates.templates.map((template) => template.key)).toContain('contacts_growth');

    const created = await client.api.trees.$post({
      json: { templateKey: 'contacts_growth', owner },
    });
    expect(created.status).toBe(201);
    if (created.status !== 201) return;
    const tree = await created.json();
    expectTypeOf(tree.nodes).toEqualTypeOf<TreeDraftNode[]>();
    expectTypeOf(tree.edges).toEqualTypeOf<TreeDraftEdge[]>();
    expectTypeOf(tree.warnings).toEqualTypeOf<TreeIssue[]>();

    const saved = await client.api.trees[':id'].$put({
      param: { id: tree.id },
      json: { ...tree, name: 'Contacts growth (EMEA)' },
    });
    expect(saved.status).toBe(200);
    const stale = await client.api.trees[':id'].$put({ param: { id: tree.id }, json: tree });
    expect(stale.status).toBe(409);
    expect(await readProblem(stale)).toMatchObject({ status: 409 });
  });

  it('reads the metric catalog and a series', async () => {
    const metrics = await (await client.api.metrics.$get()).json();
    expect(metrics.metrics.length).toBeGreaterThan(20);
    const res = await client.api.metrics[':key'].series.$get({
      param: { key: 'activities_total' },
      query: { from: '2026-01-01', to: '2026-03-01', grain: 'month' },
    });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const series = await res.json();
    expectTypeOf(series.values).toEqualTypeOf<Array<number | null>>();
    expect(series.values).toEqual([0, 0]);
  });
});
