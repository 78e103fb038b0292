// Sign-in, roles and workspaces through the whole app, with real better-auth cookies and
// real API tokens: nothing but health, the docs, the session and the sign-in flow answers
// an anonymous request unless the server runs the embedded demo.
import {
  createApiToken,
  createTreelineAuth,
  demoSignIn,
  ensureAccount,
  ensureDemoAccounts,
  type TreelineAuth,
} from '@treeline/auth';
import { createWorkspace, findPerson, insertPerson, type Workspace } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { createMailer } from '@treeline/notify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';

const BASE = 'http://treeline.test';
const mailer = createMailer({ log: () => {} });

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: BASE, ...headers },
  body: JSON.stringify(body),
});

describe.each(databaseKindsUnderTest())('sign-in and roles on %s', (kind) => {
  let t: TestDatabase;
  let auth: TreelineAuth;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    auth = createTreelineAuth({
      db: t.db,
      baseURL: BASE,
      secret: 'auth-test-secret-auth-test-secret',
      mailer,
      rateLimit: false,
    });
    app = createApp({
      db: t.db,
      database: { kind: t.kind, location: t.location },
      auth,
      mailer,
      publicUrl: BASE,
    });
  });
  afterAll(() => t.close());

  it('answers only the public routes without a session or token', async () => {
    for (const path of ['/api/health', '/api/openapi.json', '/api/docs', '/api/session']) {
      expect((await app.request(path)).status, path).toBe(200);
    }
    for (const path of [
      '/api/trees',
      '/api/workspace',
      '/api/people',
      '/api/metrics',
      '/api/events',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ title: 'Sign in first' });
    }
    expect((await app.request('/api/bulk/reps', post([]))).status).toBe(401);
  });

  it('creates the first admin on the first-run page, once, and signs them in', async () => {
    const before = await (await app.request('/api/session')).json();
    expect(before).toMatchObject({ user: null, setupNeeded: true, demo: null });
    const weak = await app.request(
      '/api/setup',
      post({ name: 'Ana', email: 'ana@example.com', password: 'short' }),
    );
    expect(weak.status).toBe(422);
    const res = await app.request(
      '/api/setup',
      post({
        name: 'Ana Admin',
        email: 'ana@example.com',
        password: 'a long enough password',
        workspaceName: 'Acme Revenue',
      }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      workspace: { id: expect.any(String), slug: 'acme-revenue', name: 'Acme Revenue' },
    });
    const cookie = cookieOf(res);
    const session = await (await app.request('/api/session', { headers: { cookie } })).json();
    expect(session).toMatchObject({
      user: { email: 'ana@example.com', name: 'Ana Admin' },
      via: 'session',
      setupNeeded: false,
      memberships: [{ workspace: { slug: 'acme-revenue' }, person: { role: 'admin' } }],
    });
    expect((await app.request('/api/trees', { headers: { cookie } })).status).toBe(200);
    const again = await app.request(
      '/api/setup',
      post({ name: 'Eve', email: 'eve@example.com', password: 'a long enough password' }),
    );
    expect(again.status).toBe(409);
  });

  it('signs in with email and password, switches workspace by header, hides others', async () => {
    const signIn = await app.request(
      '/api/auth/sign-in/email',
      post({ email: 'ana@example.com', password: 'a long enough password' }),
    );
    expect(signIn.status).toBe(200);
    const cookie = cookieOf(signIn);
    const made = await app.request('/api/workspaces', post({ name: 'Second Co' }, { cookie }));
    expect(made.status).toBe(201);
    const stranger = await createWorkspace(t.db, { slug: 'stranger', name: 'Stranger Co' });
    const nameOf = async (slug: string) => {
      const res = await app.request('/api/workspace', {
        headers: { cookie, 'x-treeline-workspace': slug },
      });
      return [
        res.status,
        res.status === 200 ? ((await res.json()) as { name: string }).name : null,
      ];
    };
    expect(await nameOf('acme-revenue')).toEqual([200, 'Acme Revenue']);
    expect(await nameOf('second-co')).toEqual([200, 'Second Co']);
    expect(await nameOf(stranger.slug)).toEqual([404, null]);
    expect(await nameOf('no-such-workspace')).toEqual([404, null]);
    // EventSource cannot send headers: the stream takes ?workspace=.
    const events = await app.request('/api/events?workspace=stranger', { headers: { cookie } });
    expect(events.status).toBe(404);
  });

  it('lets an API token act in its workspace with its scope, and nowhere else', async () => {
    const ws = (await t.db
      .selectFrom('workspaces')
      .selectAll()
      .where('slug', '=', 'acme-revenue')
      .executeTakeFirstOrThrow()) as Workspace;
    const { userId } = await ensureAccount(auth, { email: 'ana@example.com', name: 'Ana' });
    const read = await createApiToken(auth, t.db, {
      workspaceId: ws.id,
      name: 'read',
      scope: 'read',
      userId,
      personId: null,
    });
    const write = await createApiToken(auth, t.db, {
      workspaceId: ws.id,
      name: 'write',
      scope: 'read_write',
      userId,
      personId: null,
    });
    const as = (key: string, extra: Record<string, string> = {}) => ({
      authorization: `Bearer ${key}`,
      ...extra,
    });
    expect((await app.request('/api/trees', { headers: as(read.key) })).status).toBe(200);
    const rep = [{ externalId: 'r1', name: 'Rae', team: 'A' }];
    const refused = await app.request('/api/bulk/reps', post(rep, as(read.key)));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      detail: expect.stringContaining('an API token with read scope'),
    });
    expect((await app.request('/api/bulk/reps', post(rep, as(write.key)))).status).toBe(200);
    // Tokens never act as admins, and only in their own workspace.
    expect((await app.request('/api/tokens', { headers: as(write.key) })).status).toBe(403);
    expect(
      (
        await app.request('/api/trees', {
          headers: as(write.key, { 'x-treeline-workspace': 'second-co' }),
        })
      ).status,
    ).toBe(404);
    // Revoked by an admin: it stops at once.
    const admin = cookieOf(
      await app.request(
        '/api/auth/sign-in/email',
        post({ email: 'ana@example.com', password: 'a long enough password' }),
      ),
    );
    const list = await (
      await app.request('/api/tokens', {
        headers: { cookie: admin, 'x-treeline-workspace': 'acme-revenue' },
      })
    ).json();
    expect((list as { tokens: { name: string }[] }).tokens.map((token) => token.name)).toEqual([
      'write',
      'read',
    ]);
    const revoked = await app.request(`/api/tokens/${write.token.id}`, {
      method: 'DELETE',
      headers: { cookie: admin, origin: BASE, 'x-treeline-workspace': 'acme-revenue' },
    });
    expect(revoked.status).toBe(204);
    expect((await app.request('/api/trees', { headers: as(write.key) })).status).toBe(401);
  });

  it('makes a token through the API, shown once, that works as a bearer', async () => {
    const admin = cookieOf(
      await app.request(
        '/api/auth/sign-in/email',
        post({ email: 'ana@example.com', password: 'a long enough password' }),
      ),
    );
    const res = await app.request(
      '/api/tokens',
      post(
        { name: 'CLI', scope: 'read_write' },
        { cookie: admin, 'x-treeline-workspace': 'acme-revenue' },
      ),
    );
    expect(res.status).toBe(201);
    const { key, token } = (await res.json()) as {
      key: string;
      token: { id: string; lastUsedAt: string | null };
    };
    expect(token.lastUsedAt).toBeNull();
    expect((await app.request('/api/trees', { headers: { 'x-api-key': key } })).status).toBe(200);
    const listed = (await (
      await app.request('/api/tokens', {
        headers: { cookie: admin, 'x-treeline-workspace': 'acme-revenue' },
      })
    ).json()) as { tokens: Array<{ id: string; lastUsedAt: string | null }> };
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed.tokens.find((t) => t.id === token.id)?.lastUsedAt).not.toBeNull();
  });

  it('sets, then changes, the password of an account', async () => {
    const admin = cookieOf(
      await app.request(
        '/api/auth/sign-in/email',
        post({ email: 'ana@example.com', password: 'a long enough password' }),
      ),
    );
    const wrong = await app.request(
      '/api/account/password',
      post(
        { currentPassword: 'not it at all', newPassword: 'a brand new password' },
        { cookie: admin },
      ),
    );
    expect(wrong.status).toBe(422);
    const changed = await app.request(
      '/api/account/password',
      post(
        { currentPassword: 'a long enough password', newPassword: 'a brand new password' },
        { cookie: admin },
      ),
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ email: 'ana@example.com', hasPassword: true });
    const signIn = await app.request(
      '/api/auth/sign-in/email',
      post({ email: 'ana@example.com', password: 'a brand new password' }),
    );
    expect(signIn.status).toBe(200);
  });
});

describe.each(databaseKindsUnderTest())('the embedded demo on %s', (kind) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let ws: Workspace;
  let viewer: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'demo', name: 'Northwind Revenue' });
    await insertPerson(t.db, ws.id, {
      name: 'Maya Chen',
      email: 'maya@example.com',
      role: 'admin',
    });
    viewer = (
      await insertPerson(t.db, ws.id, {
        name: 'Tom Alvarez',
        email: 'tom@example.com',
        role: 'viewer',
      })
    ).id;
    let demo: { workspaceId: string; adminUserId: string } | null = null;
    const auth = createTreelineAuth({
      db: t.db,
      baseURL: BASE,
      secret: 'demo-test-secret-demo-test-secret',
      mailer,
      rateLimit: false,
      plugins: [
        demoSignIn(async (personId) => {
          if (!personId) return demo?.adminUserId ?? null;
          return (await findPerson(t.db, ws.id, personId))?.user_id ?? null;
        }),
      ],
    });
    demo = { workspaceId: ws.id, adminUserId: await ensureDemoAccounts(auth, t.db, ws.id) };
    app = createApp({
      db: t.db,
      database: { kind: t.kind, location: t.location },
      auth,
      mailer,
      publicUrl: BASE,
      demo,
    });
  });
  afterAll(() => t.close());

  it('acts as the demo admin without a sign-in step, and says so', async () => {
    const session = await (await app.request('/api/session')).json();
    expect(session).toMatchObject({
      via: 'demo',
      user: { name: 'Maya Chen' },
      setupNeeded: false,
      demo: {
        workspace: { slug: 'demo' },
        people: [
          { name: 'Maya Chen', role: 'admin' },
          { name: 'Tom Alvarez', role: 'viewer' },
        ],
      },
    });
    expect((await app.request('/api/trees')).status).toBe(200);
    expect((await app.request('/api/trees', post({ name: 'Demo tree' }))).status).toBe(201);
  });

  it('switches to any demo person without a password, and then sees what they may do', async () => {
    const res = await app.request('/api/auth/demo/sign-in', post({ personId: viewer }));
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    const session = await (await app.request('/api/session', { headers: { cookie } })).json();
    expect(session).toMatchObject({
      via: 'session',
      user: { name: 'Tom Alvarez' },
      memberships: [{ person: { role: 'viewer' } }],
    });
    expect((await app.request('/api/trees', post({ name: 'Nope' }, { cookie }))).status).toBe(403);
    const malformed = await app.request('/api/auth/demo/sign-in', post({ personId: 'nobody' }));
    expect(malformed.status).toBe(400);
    const unknown = await app.request(
      '/api/auth/demo/sign-in',
      post({ personId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.status).toBe(404);
  });
});
