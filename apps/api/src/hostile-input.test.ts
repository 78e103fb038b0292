// Hostile input at every write route, generated from the OpenAPI document the app serves (a
// route added later is covered without anyone remembering): malformed JSON, wrong types,
// huge numbers and strings, deep nesting, unicode edge cases and injection strings, in the
// body (at the root or one field of a valid body) and in the path. Property-based with
// fast-check. Every answer is below 500; a refusal is problem+json, a schema failure names
// the field, and a refused request leaves the database exactly as it was (a checksum of
// every table). On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { createWorkspace, insertAlerts, insertNotifications } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from './app';
import { appActingAs } from './testing/app-acting-as';

/** A valid score model (fit and engagement rules). */
const SCORE_MODEL = {
  name: 'Fit',
  thresholds: [25],
  bands: [
    { label: 'Low', min: 0 },
    { label: 'High', min: 25 },
  ],
  rules: [
    {
      kind: 'attribute',
      label: 'Enterprise',
      attribute: 'segment',
      operator: 'equals',
      value: 'enterprise',
      points: 20,
    },
    { kind: 'event', label: 'Pricing', event: 'page_view', points: 10, applies: 'every', cap: 30 },
  ],
};

/** Cases per route and kind of attack: the whole suite stays under a minute on PGlite. */
const RUNS = 6;

const INJECTIONS = [
  "'; drop table trees; --",
  "' or '1'='1",
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '{{7*7}}#{7*7}',
  '../../../../etc/passwd',
  '$(rm -rf /)',
  '%00%27',
  '\\',
  '__proto__',
];

const UNICODE = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202etxt.exe',
  '\u200b\u200d\ufeff',
  'e\u0301\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\uffff\ufffe',
  'İıǅ',
];

const HUGE_NUMBERS = [1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 5e-324, -0, 1.2345678901234568e29];

const deep = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

/** A value of any JSON type, most of them hostile. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...INJECTIONS, ...UNICODE),
  fc.constantFrom(...HUGE_NUMBERS),
  fc.constantFrom('x'.repeat(100_000), '9'.repeat(5000), ''),
  fc.constantFrom(deep(2000), deep(50, 'x'), [], {}, null, true, false, 0, -1),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 5 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

/** Bodies that are not JSON at all, or JSON a parser may choke on. */
const MALFORMED = [
  '',
  '{',
  '{"name":',
  'nul',
  '[1,2',
  '{"a":1}garbage',
  "{'name':'single quotes'}",
  '\u0000',
  'NaN',
  '{"name":"\\x41"}',
  `${'['.repeat(100_000)}${']'.repeat(99_999)}`,
];

/** JSON a parser or the database may trip on; a route may accept it (never with a 5xx). */
const ODD_JSON = [
  '{"name":"\\ud800"}',
  '{"name":"\\u0000"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '1e999',
  '"just a string"',
  '{"name":"a","name":"b"}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
];

/** What a refused import leaves behind on purpose: its report (docs/decisions/0014). */
const IMPORT_JOURNAL = ['imports', 'import_rejections', 'domain_events'];

/** A short, printable description of a generated value. */
function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 24) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A path segment as a client would send it (a lone surrogate has no UTF-8: sent as is). */
function pathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replaceAll('/', '%2F');
  }
}

/** Path segments that are no id of anything. */
const HOSTILE_PATH = [...INJECTIONS, ...UNICODE, 'x'.repeat(5000), '0', '-1', '1e999', '%'];

interface Operation {
  method: string;
  path: string;
  params: string[];
  /** The body's schema (refs resolved), if the route takes JSON. */
  schema: JsonSchema | null;
}

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  enum?: unknown[];
}

/** The JSON types a schema allows; null when it cannot say (any type may pass). */
function allowedTypes(schema: JsonSchema | undefined, doc: Doc): Set<string> | null {
  if (!schema) return null;
  if (schema.$ref) return allowedTypes(resolve(schema, doc), doc);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const all = new Set<string>();
    for (const branch of branches) {
      const types = allowedTypes(branch, doc);
      if (!types) return null;
      for (const type of types) all.add(type);
    }
    return all;
  }
  if (!schema.type) return null;
  const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (types.has('integer')) types.add('number');
  return types;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value;
}

interface Doc {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, JsonSchema> };
}

function resolve(schema: JsonSchema, doc: Doc): JsonSchema {
  const name = schema.$ref?.replace('#/components/schemas/', '');
  return name ? (doc.components.schemas[name] ?? {}) : schema;
}

/** A copy of `body` with the value at `path` replaced. */
function withValueAt(body: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(body) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1) as string] = value;
  return copy;
}

/** Every path into `body` (objects and arrays), the body itself first. */
function pathsOf(body: unknown, prefix: string[] = []): string[][] {
  const paths = [prefix];
  if (body && typeof body === 'object' && prefix.length < 4) {
    for (const [key, value] of Object.entries(body)) {
      paths.push(...pathsOf(value, [...prefix, key]));
    }
  }
  return paths;
}

/** The schema of the field at `path` (through objects and arrays), if the document says. */
function schemaAt(schema: JsonSchema | null, path: string[], doc: Doc): JsonSchema | undefined {
  let at: JsonSchema | undefined = schema ?? undefined;
  for (const key of path) {
    if (!at) return undefined;
    at = resolve(at, doc);
    if (at.anyOf || at.oneOf) return undefined;
    at = /^\d+$/.test(key) && at.items ? at.items : at.properties?.[key];
  }
  return at;
}

describe.each(databaseKindsUnderTest())('hostile input on %s', (kind) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let doc: Doc;
  let operations: Operation[];
  let workspaceId: string;
  const ids: Record<string, string> = {};
  let interventionSample: () => unknown = () => ({});
  /** A valid body per route, read fresh (a tree's version moves when a save is accepted). */
  let validBody: (route: string) => Promise<unknown>;

  const send = (method: string, path: string, body?: string) =>
    app.request(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    });

  /**
   * One text for the whole database: each table's rows, hashed in a stable order. The
   * import routes keep a journal of refused imports (their report), left out for them.
   */
  async function checksum(leaveOut: readonly string[] = []): Promise<string> {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
        and table_name not like 'kysely_%' order by table_name`.execute(t.db);
    const parts = tables.rows
      .filter((row) => !leaveOut.includes(row.name))
      .map(
        ({ name }) =>
          sql`select ${name}::text || ':' || count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as part from ${sql.table(name)} x`,
      );
    const { rows } = await sql<{ part: string }>`${sql.join(parts, sql` union all `)}`.execute(
      t.db,
    );
    return rows
      .map((r) => r.part)
      .sort()
      .join('\n');
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const ws = await createWorkspace(t.db, { slug: 'hostile', name: 'Hostile Co' });
    workspaceId = ws.id;
    app = await appActingAs(
      { db: t.db, database: { kind: t.kind, location: t.location }, allowPrivateWebhooks: true },
      { workspaceId },
    );
    const made = async (method: string, path: string, body: unknown) => {
      const res = await send(method, path, JSON.stringify(body));
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return (await res.json()) as Record<string, unknown>;
    };
    ids.tree = (await made('POST', '/api/trees', { templateKey: 'activity_per_contact' }))
      .id as string;
    ids.metric = (
      await made('POST', '/api/metrics', {
        key: 'hostile_calls',
        name: 'Calls',
        unit: 'count',
        direction: 'higher_is_better',
        kind: 'input',
        definition: { type: 'count', source: 'activities', filter: { channel: 'call' } },
      })
    ).key as string;
    ids.mapping = (
      await made('POST', '/api/import-mappings', {
        name: 'Reps',
        mapping: {
          entity: 'reps',
          fields: { externalId: { column: 'Id' }, name: { column: 'Name' } },
        },
      })
    ).id as string;
    ids.person = (await made('POST', '/api/people', { name: 'Pat', email: 'pat@example.com' }))
      .id as string;
    ids.token = (
      (await made('POST', '/api/tokens', { name: 'ci', scope: 'read' })).token as { id: string }
    ).id;
    ids.webhook = (
      (
        await made('POST', '/api/webhooks', {
          name: 'hook',
          url: 'http://127.0.0.1:9/h',
          events: ['alert.raised'],
        })
      ).webhook as { id: string }
    ).id;
    ids.model = (await made('POST', '/api/scoring/models', SCORE_MODEL)).id as string;
    const [node] = await t.db
      .selectFrom('tree_nodes')
      .select('id')
      .where('tree_id', '=', ids.tree)
      .execute();
    const [alert] = await insertAlerts(t.db, [
      {
        workspaceId,
        treeId: ids.tree,
        nodeId: node!.id,
        grain: 'week',
        periodStart: new Date('2026-11-02T05:00:00Z'),
        periodEnd: new Date('2026-11-09T05:00:00Z'),
        direction: 'down',
        tone: 'bad',
        title: 'Moved',
        summary: 'Moved',
        detection: {},
        routing: {},
        routedNodeId: node!.id,
        accountableId: ids.person,
        backfilled: false,
        escalateAt: null,
      },
    ]);
    ids.alert = alert!.id;
    interventionSample = () => ({
      treeId: ids.tree,
      targetNodeId: node!.id,
      title: 'Call blitz Fridays',
      ownerId: ids.person,
      startsOn: '2026-11-02',
      expectedDirection: 'up',
      mde: 0.1,
      treatedScope: { dimension: 'team', values: ['A'] },
    });
    ids.intervention = (await made('POST', '/api/interventions', interventionSample()))
      .id as string;
    await insertNotifications(t.db, [
      {
        workspaceId,
        personId: ids.person,
        kind: 'alert',
        role: 'to',
        title: 'Moved',
        body: 'Moved',
        link: null,
        alertId: ids.alert,
      },
    ]);
    ids.notification = (
      await t.db
        .selectFrom('notifications')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).id;

    const tree = async () =>
      (await (await send('GET', `/api/trees/${ids.tree}`)).json()) as Record<string, unknown>;
    const samples: Record<string, () => unknown> = {
      'POST /api/workspaces': () => ({ name: 'Another Co' }),
      'PATCH /api/account': () => ({ name: 'Test Admin' }),
      'POST /api/account/password': () => ({ newPassword: 'a long enough password' }),
      'PATCH /api/workspace': () => ({ name: 'Hostile Co' }),
      'POST /api/trees': () => ({ templateKey: 'activity_per_contact', name: 'Copy' }),
      'PUT /api/trees/{id}': async () => {
        const { version, name, description, motion, outboundWindowDays, nodes, edges } =
          await tree();
        return { version, name, description, motion, outboundWindowDays, nodes, edges };
      },
      'PATCH /api/trees/{id}': () => ({ name: 'Renamed' }),
      'POST /api/people': () => ({ name: 'Quinn', email: 'quinn@example.com', role: 'viewer' }),
      'PATCH /api/people/{id}': () => ({ role: 'viewer' }),
      'POST /api/metrics': () => ({
        key: 'hostile_mails',
        name: 'Mails',
        unit: 'count',
        direction: 'higher_is_better',
        kind: 'input',
        definition: { type: 'count', source: 'activities', filter: { channel: 'email' } },
      }),
      'PATCH /api/metrics/{key}': () => ({ name: 'Calls made' }),
      'POST /api/import-mappings': () => ({
        name: 'Reps 2',
        mapping: {
          entity: 'reps',
          fields: { externalId: { column: 'Id' }, name: { column: 'Name' } },
        },
      }),
      'POST /api/imports': () => ({
        uploadId: '00000000-0000-4000-8000-000000000000',
        entity: 'reps',
        dryRun: true,
      }),
      'POST /api/tokens': () => ({ name: 'ci2', scope: 'read' }),
      'POST /api/alerts/{id}/status': () => ({ action: 'acknowledge' }),
      'POST /api/webhooks': () => ({
        name: 'hook2',
        url: 'http://127.0.0.1:9/h2',
        events: ['alert.raised'],
      }),
      'POST /api/bulk/{entity}': () => [{ externalId: 'r1', name: 'Rep', team: 'A' }],
      'POST /api/scoring/models': () => ({ ...SCORE_MODEL, name: 'Fit 2' }),
      'PUT /api/scoring/models/{id}': () => SCORE_MODEL,
      'POST /api/scoring/preview': () => ({ rules: SCORE_MODEL.rules }),
      'POST /api/interventions': () => interventionSample(),
      'PATCH /api/interventions/{id}': () => ({ title: 'Renamed step' }),
    };
    validBody = async (route) => (samples[route] ? await samples[route]() : {});

    doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => {
          const content = (
            op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined
          )?.content;
          const schema = content?.['application/json']?.schema;
          return {
            method: method.toUpperCase(),
            path,
            params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
            schema: schema ? resolve(schema, doc) : null,
          };
        }),
    );
  });
  afterAll(() => t.close());

  const idFor = (path: string, param: string): string => {
    if (param === 'key') return ids.metric ?? param;
    if (param === 'entity') return 'reps';
    const area = path.split('/')[2];
    const byArea: Record<string, string | undefined> = {
      trees: ids.tree,
      people: ids.person,
      tokens: ids.token,
      webhooks: ids.webhook,
      alerts: ids.alert,
      inbox: ids.notification,
      'import-mappings': ids.mapping,
      scoring: ids.model,
      interventions: ids.intervention,
    };
    return byArea[area ?? ''] ?? ids[param] ?? param;
  };
  const urlOf = (op: Operation, override?: { param: string; value: string }) =>
    op.path.replace(/\{(\w+)\}/g, (_, param: string) =>
      pathSegment(override?.param === param ? override.value : idFor(op.path, param)),
    );

  /** Sends one hostile request; checks the answer and, when refused, that nothing changed. */
  async function attack(
    op: Operation,
    url: string,
    body: string | undefined,
    mustRefuse: boolean,
    what: string,
  ) {
    const journal = /^\/api\/(bulk|imports)/.test(op.path) ? IMPORT_JOURNAL : [];
    const before = await checksum(journal);
    const res = await send(op.method, url, body);
    const text = await res.text();
    const route = `${op.method} ${op.path} with ${what}`;
    expect(res.status, `${route}: ${text.slice(0, 300)}`).toBeLessThan(500);
    if (mustRefuse)
      expect(res.status, `${route} was accepted: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(
        400,
      );
    if (res.status < 400) return { status: res.status, problem: null };
    expect(res.headers.get('content-type'), route).toContain('application/problem+json');
    const problem = JSON.parse(text) as {
      title: string;
      detail: string;
      errors?: { path: string }[];
    };
    expect(problem.detail, route).toEqual(expect.any(String));
    expect(await checksum(journal), `${route} changed the database`).toBe(before);
    return { status: res.status, problem };
  }

  it('finds the write routes in the document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    expect(operations.filter((op) => op.schema).length).toBeGreaterThanOrEqual(15);
  });

  it('refuses malformed JSON at every route that takes a body, naming the body', async () => {
    for (const op of operations.filter((o) => o.schema || o.path.startsWith('/api/bulk/'))) {
      for (const text of [...MALFORMED, ...ODD_JSON]) {
        const malformed =
          MALFORMED.includes(text) && !(op.path.startsWith('/api/bulk/') && text === '');
        const { problem } = await attack(
          op,
          urlOf(op),
          text,
          malformed,
          `body ${JSON.stringify(text.slice(0, 30))}`,
        );
        if (malformed && problem && op.schema) {
          expect(`${problem.detail}`, `${op.method} ${op.path}`).toMatch(
            /body|JSON|\(root\)|Expected|expected/i,
          );
        }
      }
    }
  }, 120_000);

  it('answers hostile values at the root or in any field with no 5xx, and names a field of the wrong type', async () => {
    for (const op of operations.filter((o) => o.schema || o.path.startsWith('/api/bulk/'))) {
      const route = `${op.method} ${op.path}`;
      const sample = await validBody(route);
      const paths = pathsOf(sample);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), hostileValue, async (path, value) => {
          const body = withValueAt(await validBody(route), path, value);
          const types = allowedTypes(schemaAt(op.schema, path, doc), doc);
          const wrongType = types !== null && !types.has(jsonTypeOf(value));
          const { status, problem } = await attack(
            op,
            urlOf(op),
            JSON.stringify(body),
            wrongType,
            `${describeValue(value)} at '${path.join('.')}'`,
          );
          if (problem && status === 400 && wrongType) {
            const named = (problem.errors ?? []).map((e) => e.path);
            const field = path.join('.');
            expect(
              named.some(
                (p) =>
                  p === field ||
                  p.startsWith(`${field}.`) ||
                  (field.startsWith(p) && p !== '') ||
                  field === '',
              ),
              `${route}: '${field}' not named in ${JSON.stringify(named)}`,
            ).toBe(true);
          }
        }),
        { numRuns: RUNS, seed: 20261207 },
      );
    }
  }, 120_000);

  it('answers hostile path segments with a 4xx at every route that takes an id', async () => {
    for (const op of operations.filter((o) => o.params.length > 0)) {
      const route = `${op.method} ${op.path}`;
      const body = op.schema ? JSON.stringify(await validBody(route)) : undefined;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...op.params),
          fc.constantFrom(...HOSTILE_PATH),
          async (param, value) => {
            await attack(
              op,
              urlOf(op, { param, value }),
              body,
              true,
              `{${param}} = ${JSON.stringify(value.slice(0, 20))}`,
            );
          },
        ),
        { numRuns: RUNS, seed: 7 },
      );
    }
  }, 120_000);
});
