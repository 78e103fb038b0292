import { createTreelineAuth, ensureAccount } from '@treeline/auth';
import { latestMigration } from '@treeline/db';
import { createTestDatabase, type TestDatabase } from '@treeline/db/testing';
import { createMailer } from '@treeline/notify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { appActingAs } from './testing/app-acting-as';

describe('the API shell', () => {
  let t: TestDatabase;
  let withWorkspace: Awaited<ReturnType<typeof appActingAs>>;
  let withoutWorkspace: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    const ws = await t.db
      .insertInto('workspaces')
      .values({ slug: 'w', name: 'W' })
      .returningAll()
      .executeTakeFirstOrThrow();
    const database = { kind: t.kind, location: t.location };
    withWorkspace = await appActingAs({ db: t.db, database }, { workspaceId: ws.id });
    // Signed in, but a person of no workspace.
    const auth = createTreelineAuth({
      db: t.db,
      baseURL: 'http://localhost',
      secret: 'app-test-secret-app-test-secret',
      mailer: createMailer({ log: () => {} }),
    });
    const { userId } = await ensureAccount(auth, { email: 'nobody@example.com', name: 'Nobody' });
    withoutWorkspace = createApp({
      db: t.db,
      database,
      auth,
      authenticate: async () => ({
        kind: 'user',
        userId,
        email: 'nobody@example.com',
        name: 'Nobody',
        sessionId: 'test',
      }),
    });
  });
  afterAll(() => t.close());

  it('reports the database kind and migration level', async () => {
    const res = await withWorkspace.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      database: 'pglite',
      location: 'pglite:memory',
      migration: latestMigration,
      latestMigration,
    });
  });

  it('gives every route its workspace from the request context', async () => {
    expect(await (await withWorkspace.request('/api/workspace')).json()).toMatchObject({
      name: 'W',
      timeZone: 'UTC',
    });
    const res = await withoutWorkspace.request('/api/workspace');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ title: 'No workspace' });
  });

  it('serves the OpenAPI document and a docs page', async () => {
    const doc = (await (await withWorkspace.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/workspace',
        '/api/trees',
        '/api/trees/{id}/view',
      ]),
    );
    const methods = (path: string) => Object.keys((doc.paths[path] ?? {}) as object).sort();
    expect(methods('/api/trees')).toEqual(['get', 'post']);
    expect(methods('/api/trees/{id}')).toEqual(['delete', 'get', 'patch', 'put']);
    expect(methods('/api/templates')).toEqual(['get']);
    expect(methods('/api/metrics')).toEqual(['get', 'post']);
    expect(methods('/api/metrics/{key}')).toEqual(['delete', 'patch']);
    expect(methods('/api/metrics/{key}/series')).toEqual(['get']);
    expect(methods('/api/dimension-values')).toEqual(['get']);
    const docs = await withWorkspace.request('/api/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/openapi.json');
  });

  it("describes the responses with the contract's schemas, their names and descriptions", async () => {
    interface Schema {
      $ref?: string;
      description?: string;
      example?: unknown;
      properties?: Record<string, Schema>;
      additionalProperties?: unknown;
    }
    interface Operation {
      parameters?: Array<{ name: string; description?: string; schema: Schema }>;
      responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
    }
    const doc = (await (await withWorkspace.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    const schemas = doc.components.schemas;
    // Component names come from the schemas' zod `.meta({ id })` in packages/core.
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['TreeView', 'NodeView', 'Tree', 'Problem', 'TreeConflict', 'Metric']),
    );
    expect(schemas.NodeView?.properties?.value?.description).toBe('null means "no data", never 0');
    expect(schemas.PeriodView?.properties?.label?.example).toBe('Oct 2026');
    // A problem carries extension members beside type, title, status and detail.
    expect(schemas.Problem?.additionalProperties).toEqual({});
    const save = doc.paths['/api/trees/{id}']?.put;
    expect(save?.responses['409']?.content?.['application/problem+json']?.schema.$ref).toBe(
      '#/components/schemas/TreeConflict',
    );
    const view = doc.paths['/api/trees/{id}/view']?.get;
    expect(view?.responses['200']?.content?.['application/json']?.schema.$ref).toBe(
      '#/components/schemas/TreeView',
    );
    expect(view?.parameters?.find((p) => p.name === 'at')).toMatchObject({
      description: expect.stringContaining('A local date (YYYY-MM-DD)'),
      schema: { example: '2026-09-01' },
    });
  });

  it('answers unknown API paths with problem+json', async () => {
    const res = await withWorkspace.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({
      type: 'https://treeline.dev/problems/not-found',
      title: 'No such route',
      status: 404,
      detail: expect.stringContaining('/api/docs'),
    });
  });
});
