// Tenant isolation, generated from the route table (the OpenAPI document), so a route added
// later is covered without anyone remembering: signed in as a user of workspace A, and as
// an API token of A, every route that takes an id is called with workspace B's ids (its
// trees, metrics, imports, mappings, people, tokens) and answers 404: never 403, never B's
// data. Every list A can read is checked to hold none of B's ids, and the live stream
// refuses B. On PGlite and on PostgreSQL.
import { createTreelineAuth, type TreelineAuth } from '@treeline/auth';
import { createWorkspace, insertAlerts, insertNotifications } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { createMailer } from '@treeline/notify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { requiredRole } from './middleware/route-roles';
import { principalFor } from './testing/app-acting-as';

const BASE = 'http://treeline.test';

/** Routes that act in no workspace: they answer before the workspace middleware. */
const OUTSIDE_WORKSPACES = new Set([
  '/api/health',
  '/api/session',
  '/api/setup',
  '/api/workspaces',
  '/api/account',
  '/api/account/password',
]);

/** A body the route accepts, so validation passes and the id is what gets checked. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'PUT /api/trees/{id}': {
    version: 1,
    name: 'Mine now',
    description: '',
    motion: null,
    outboundWindowDays: 30,
    nodes: [],
    edges: [],
  },
  'PATCH /api/trees/{id}': { name: 'Mine now' },
  'PATCH /api/metrics/{key}': { name: 'Mine now' },
  'PATCH /api/people/{id}': { role: 'viewer' },
  'POST /api/alerts/{id}/status': { action: 'acknowledge' },
  'PUT /api/scoring/models/{id}': {
    name: 'Mine now',
    rules: [],
    bands: [{ label: 'All', min: 0 }],
  },
  'PATCH /api/interventions/{id}': { title: 'Mine now' },
};

/** A query the route needs to pass validation. */
const SAMPLE_QUERIES: Record<string, string> = {
  'GET /api/trees/{id}/values': '?from=2026-01-01&to=2026-03-01&grain=month',
  'GET /api/metrics/{key}/series': '?from=2026-01-01&to=2026-03-01&grain=month',
};

interface Ids {
  tree: string;
  metric: string;
  import: string;
  mapping: string;
  person: string;
  token: string;
  alert: string;
  notification: string;
  webhook: string;
  scoreModel: string;
  intervention: string;
}

/** Which of B's ids a path parameter takes, by the path it is in. */
function idFor(path: string, param: string, b: Ids): string | null {
  if (param === 'key') return b.metric;
  if (param !== 'id') return null;
  if (path.startsWith('/api/trees/')) return b.tree;
  if (path.startsWith('/api/imports/')) return b.import;
  if (path.startsWith('/api/import-mappings/')) return b.mapping;
  if (path.startsWith('/api/people/')) return b.person;
  if (path.startsWith('/api/tokens/')) return b.token;
  if (path.startsWith('/api/alerts/')) return b.alert;
  if (path.startsWith('/api/inbox/')) return b.notification;
  if (path.startsWith('/api/webhooks/')) return b.webhook;
  if (path.startsWith('/api/scoring/models/')) return b.scoreModel;
  if (path.startsWith('/api/interventions/')) return b.intervention;
  return null;
}

/** What a param the test does not map takes (e.g. the bulk entity): a valid value. */
const OTHER_PARAMS: Record<string, string> = { entity: 'reps', contactId: '1' };

describe.each(databaseKindsUnderTest())('tenant isolation on %s', (kind) => {
  let t: TestDatabase;
  let auth: TreelineAuth;
  let app: ReturnType<typeof createApp>;
  const b = {} as Ids;
  let bJson = '';
  let aUserHeaders: Record<string, string>;
  let aTokenHeaders: Record<string, string>;
  let operations: Array<{ method: string; path: string; params: string[] }>;

  /** Requests as A's admin (real principal) or B's admin, through one app. */
  async function adminOf(slug: string) {
    const ws = await createWorkspace(t.db, { slug, name: `${slug} Co` });
    const { principal } = await principalFor({ db: t.db, auth }, { workspaceId: ws.id });
    return { ws, principal };
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const mailer = createMailer({ log: () => {} });
    auth = createTreelineAuth({
      db: t.db,
      baseURL: BASE,
      secret: 'tenant-test-secret-tenant-test-secret',
      mailer,
      rateLimit: false,
    });
    const a = await adminOf('a');
    const bAdmin = await adminOf('b');
    // One app; who is asking comes from a test header naming the principal, so A's and B's
    // admins go through the same workspace, membership and role checks.
    const principals: Record<string, typeof a.principal> = {
      a: a.principal,
      b: bAdmin.principal,
    };
    const userApp = createApp({
      db: t.db,
      database: { kind: t.kind, location: t.location },
      auth,
      mailer,
      publicUrl: BASE,
      // B's webhook points at a local port (no receiver needed: it is never sent).
      allowPrivateWebhooks: true,
      authenticate: async (headers) => {
        const who = headers.get('x-test-principal');
        if (who) return principals[who] ?? null;
        return (await import('@treeline/auth')).principalOf(auth, t.db, headers);
      },
    });
    app = userApp;
    const asB = (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
      app.request(path, {
        method,
        headers: { 'x-test-principal': 'b', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const created = async (res: Response | Promise<Response>) => {
      const r = await res;
      expect(r.status, await r.clone().text()).toBeLessThan(300);
      return (await r.json()) as Record<string, unknown>;
    };
    b.tree = (await created(asB('/api/trees', { templateKey: 'activity_per_contact' })))
      .id as string;
    b.metric = (
      await created(
        asB('/api/metrics', {
          key: 'b_calls',
          name: 'B calls',
          unit: 'count',
          direction: 'higher_is_better',
          kind: 'input',
          definition: { type: 'count', source: 'activities', filter: { channel: 'call' } },
        }),
      )
    ).key as string;
    b.import = (
      await created(asB('/api/bulk/reps', [{ externalId: 'b-rep', name: 'B Rep', team: 'B' }]))
    ).importId as string;
    b.mapping = (
      await created(
        asB('/api/import-mappings', {
          name: 'B reps',
          mapping: {
            entity: 'reps',
            fields: { externalId: { column: 'Id' }, name: { column: 'Name' } },
          },
        }),
      )
    ).id as string;
    b.person = (await created(asB('/api/people', { name: 'B Person', email: 'bp@example.com' })))
      .id as string;
    b.token = (
      (await created(asB('/api/tokens', { name: 'B token', scope: 'read_write' }))).token as {
        id: string;
      }
    ).id;
    b.webhook = (
      (
        await created(
          asB('/api/webhooks', {
            name: 'B hook',
            url: 'http://127.0.0.1:9/b',
            events: ['alert.raised'],
          }),
        )
      ).webhook as { id: string }
    ).id;
    b.scoreModel = (
      await created(
        asB('/api/scoring/models', {
          name: 'B fit',
          rules: [],
          bands: [{ label: 'All', min: 0 }],
        }),
      )
    ).id as string;
    const bNodes = await t.db
      .selectFrom('tree_nodes')
      .select('id')
      .where('tree_id', '=', b.tree)
      .execute();
    const [alert] = await insertAlerts(t.db, [
      {
        workspaceId: bAdmin.ws.id,
        treeId: b.tree,
        nodeId: bNodes[0]!.id,
        grain: 'week',
        periodStart: new Date('2026-11-02T05:00:00Z'),
        periodEnd: new Date('2026-11-09T05:00:00Z'),
        direction: 'down',
        tone: 'bad',
        title: 'B moved',
        summary: 'B moved',
        detection: {},
        routing: {},
        routedNodeId: bNodes[0]!.id,
        accountableId: b.person,
        backfilled: false,
        escalateAt: null,
      },
    ]);
    b.alert = alert!.id;
    b.intervention = (
      await created(
        asB('/api/interventions', {
          treeId: b.tree,
          targetNodeId: bNodes[0]!.id,
          title: 'B cadence',
          ownerId: b.person,
          startsOn: '2026-09-14',
          expectedDirection: 'up',
          mde: 0.1,
          treatedScope: { dimension: 'team', values: ['B'] },
        }),
      )
    ).id as string;
    await insertNotifications(t.db, [
      {
        workspaceId: bAdmin.ws.id,
        personId: b.person,
        kind: 'alert',
        role: 'to',
        title: 'B moved',
        body: 'B moved',
        link: null,
        alertId: b.alert,
      },
    ]);
    const [notification] = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('workspace_id', '=', bAdmin.ws.id)
      .execute();
    b.notification = notification!.id;
    bJson = JSON.stringify(b);

    aUserHeaders = { 'x-test-principal': 'a' };
    const aToken = await created(
      app.request('/api/tokens', {
        method: 'POST',
        headers: { 'x-test-principal': 'a', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'A token', scope: 'read_write' }),
      }),
    );
    aTokenHeaders = { authorization: `Bearer ${aToken.key as string}` };

    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(doc.paths)
      .filter(([path]) => !OUTSIDE_WORKSPACES.has(path))
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => ({
          method: method.toUpperCase(),
          path,
          params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        })),
      );
  });
  afterAll(() => t.close());

  it('covers the routes that take ids (the table is read, not written by hand)', () => {
    const withIds = operations.filter((op) => op.params.some((p) => p === 'id' || p === 'key'));
    expect(withIds.length).toBeGreaterThanOrEqual(15);
    for (const op of withIds) {
      for (const param of op.params) {
        if (param === 'id' || param === 'key') {
          expect(
            idFor(op.path, param, b),
            `${op.method} ${op.path}: map its {${param}}`,
          ).not.toBeNull();
        }
      }
    }
  });

  for (const as of ['user', 'token'] as const) {
    it(`answers 404 to a ${as} of A for every route called with B's ids`, async () => {
      const headers = as === 'user' ? aUserHeaders : aTokenHeaders;
      const checked: string[] = [];
      for (const op of operations) {
        if (!op.params.some((p) => p === 'id' || p === 'key')) continue;
        const route = `${op.method} ${op.path}`;
        const honoPath = op.path.replace(/\{(\w+)\}/g, ':$1');
        // A token cannot use admin routes at all (403 whatever the id, shown in auth.test.ts).
        if (as === 'token' && requiredRole(op.method, honoPath) === 'admin') continue;
        const url = op.path.replace(
          /\{(\w+)\}/g,
          (_, param: string) => idFor(op.path, param, b) ?? OTHER_PARAMS[param] ?? param,
        );
        const body = SAMPLE_BODIES[route];
        const res = await app.request(url + (SAMPLE_QUERIES[route] ?? ''), {
          method: op.method,
          headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const text = await res.text();
        expect(
          res.status,
          `${route} with B's ids (a sample body or query may be missing): ${text}`,
        ).toBe(404);
        for (const id of Object.values(b)) expect(text, route).not.toContain(`"${id}"`);
        checked.push(route);
      }
      expect(checked.length).toBeGreaterThanOrEqual(as === 'user' ? 15 : 9);
    });

    it(`shows a ${as} of A none of B's ids in any list it can read`, async () => {
      const headers = as === 'user' ? aUserHeaders : aTokenHeaders;
      for (const op of operations) {
        if (op.method !== 'GET' || op.params.length > 0) continue;
        const honoPath = op.path;
        if (as === 'token' && requiredRole('GET', honoPath) === 'admin') continue;
        const res = await app.request(op.path, { headers });
        expect(res.status, op.path).toBeLessThan(500);
        const text = await res.text();
        for (const [what, id] of Object.entries(b)) {
          expect(text.includes(id), `${op.path} shows B's ${what}`).toBe(false);
        }
      }
      expect(bJson.length).toBeGreaterThan(0);
    });
  }

  it("refuses A's live stream for B", async () => {
    const asUser = await app.request('/api/events?workspace=b', { headers: aUserHeaders });
    expect(asUser.status).toBe(404);
    const asToken = await app.request('/api/events?workspace=b', { headers: aTokenHeaders });
    expect(asToken.status).toBe(404);
  });
});
