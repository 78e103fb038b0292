// Hardening through the whole app (docs/decisions/0042): security headers, body limits,
// the origin check on cookie-authenticated writes, sign-in that tells nothing and slows
// down, a per-token rate limit, revoked tokens refused at once by every server, and 500s
// that carry no error text. Real better-auth cookies and tokens, on PGlite and PostgreSQL.
import {
  createApiToken,
  createTreelineAuth,
  ensureAccount,
  type TreelineAuth,
} from '@treeline/auth';
import { createWorkspace, insertPerson, updatePerson, type Workspace } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { createMailer } from '@treeline/notify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from './app';
import { handleError } from './errors';

const BASE = 'http://treeline.test';
const PASSWORD = 'a long enough password';
const mailer = createMailer({ log: () => {} });

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

const json = (body: unknown, headers: Record<string, string> = {}, method = 'POST') => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe.each(databaseKindsUnderTest())('hardening on %s', (kind) => {
  let t: TestDatabase;
  let auth: TreelineAuth;
  let app: ReturnType<typeof createApp>;
  let ws: Workspace;
  let cookie: string;
  let userId: string;

  const appWith = (options: Partial<Parameters<typeof createApp>[0]> = {}) =>
    createApp({
      db: t.db,
      database: { kind: t.kind, location: t.location },
      auth,
      mailer,
      publicUrl: BASE,
      ...options,
    });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    auth = createTreelineAuth({
      db: t.db,
      baseURL: BASE,
      secret: 'hardening-secret-hardening',
      mailer,
      rateLimit: false,
    });
    app = appWith({ maxBodyBytes: 4096 });
    ws = await createWorkspace(t.db, { slug: 'acme', name: 'Acme' });
    const person = await insertPerson(t.db, ws.id, {
      name: 'Ana',
      email: 'ana@example.com',
      role: 'admin',
    });
    ({ userId } = await ensureAccount(auth, {
      email: 'ana@example.com',
      name: 'Ana',
      password: PASSWORD,
    }));
    await updatePerson(t.db, ws.id, person.id, { userId });
    const signIn = await app.request(
      '/api/auth/sign-in/email',
      json({ email: 'ana@example.com', password: PASSWORD }, { origin: BASE }),
    );
    expect(signIn.status).toBe(200);
    cookie = cookieOf(signIn);
  });
  afterAll(() => t.close());

  it('sends security headers with a CSP that allows only this origin, on the app and the API', async () => {
    const res = await app.request('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    // The docs page (Swagger UI from jsDelivr) alone may load that CDN's script.
    const docs = await app.request('/api/docs');
    expect(docs.headers.get('content-security-policy')).toContain('https://cdn.jsdelivr.net');
    expect(csp).not.toContain('cdn.jsdelivr.net');
  });

  it('refuses a body over the limit with 413, declared or streamed, before the route reads it', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(5000) });
    const declared = await app.request('/api/trees', json(big, { cookie, origin: BASE }));
    expect(declared.status).toBe(413);
    expect(declared.headers.get('content-type')).toContain('application/problem+json');
    expect(await declared.json()).toMatchObject({
      title: 'Request body too large',
      detail: expect.stringContaining('4096 bytes'),
    });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await app.request('/api/workspace', {
      method: 'PATCH',
      headers: {
        cookie,
        origin: BASE,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // The bulk API streams its records and keeps its own limits (rows, the upload size).
    const reps = Array.from({ length: 120 }, (_, i) => ({
      externalId: `r${i}`,
      name: `Rep ${i}`,
      team: 'A',
    }));
    expect(JSON.stringify(reps).length).toBeGreaterThan(4096);
    const bulk = await app.request('/api/bulk/reps', json(reps, { cookie, origin: BASE }));
    expect(bulk.status, await bulk.clone().text()).toBe(200);
  });

  it("refuses a cookie-authenticated write from another site's page, and lets its own through", async () => {
    const rename = (headers: Record<string, string>, contentType = 'application/json') =>
      app.request('/api/workspace', {
        method: 'PATCH',
        headers: { cookie, 'content-type': contentType, ...headers },
        body: JSON.stringify({ name: 'Acme' }),
      });
    const foreign = await rename({ origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({
      title: 'Cross-site request refused',
      detail: expect.stringContaining('https://evil.example'),
    });
    // A form post (no preflight) from another site, whichever header gives it away.
    expect((await rename({ 'sec-fetch-site': 'cross-site' }, 'text/plain')).status).toBe(403);
    expect((await rename({ origin: 'null' }, 'application/x-www-form-urlencoded')).status).toBe(
      403,
    );
    // Its own pages: the public address, or the address the page was opened at.
    expect((await rename({ origin: BASE })).status).toBe(200);
    expect((await rename({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' })).status).toBe(
      200,
    );
    expect((await rename({ 'sec-fetch-site': 'same-origin' }, 'text/plain')).status).not.toBe(403);
    // Reads are never refused; a token is exempt (no page can send one without a preflight).
    expect(
      (await app.request('/api/workspace', { headers: { cookie, origin: 'https://evil.example' } }))
        .status,
    ).toBe(200);
    const { key } = await createApiToken(auth, t.db, {
      workspaceId: ws.id,
      name: 'ci',
      scope: 'read_write',
      userId,
      personId: null,
    });
    const byToken = await app.request(
      '/api/bulk/reps',
      json([{ externalId: 't1', name: 'T', team: 'A' }], {
        authorization: `Bearer ${key}`,
        origin: 'https://evil.example',
      }),
    );
    expect(byToken.status).toBe(200);
    // better-auth's own endpoints are covered too.
    const signOut = await app.request(
      '/api/auth/sign-out',
      json({}, { cookie, origin: 'https://evil.example' }),
    );
    expect(signOut.status).toBe(403);
  });

  it('refuses text with a NUL character (which PostgreSQL cannot store) naming the field', async () => {
    const res = await app.request(
      '/api/workspaces',
      json({ name: 'Null\u0000Co' }, { cookie, origin: BASE }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [{ path: 'name', message: expect.stringContaining('NUL') }],
    });
    // A lone surrogate is no Unicode text either (PostgreSQL's JSON refuses its escape).
    const lone = await app.request(
      '/api/trees',
      json('{"templateKey":"activity_per_contact","name":"a\\ud800"}', { cookie, origin: BASE }),
    );
    expect(lone.status).toBe(400);
    expect(await lone.json()).toMatchObject({ errors: [{ path: 'name' }] });
    const inPath = await app.request('/api/tokens/a%00b', {
      method: 'DELETE',
      headers: { cookie },
    });
    expect(inPath.status).toBe(400);
  });

  it('answers an empty change of a person with the person, unchanged (found by the hostile-input suite)', async () => {
    const pat = await insertPerson(t.db, ws.id, {
      name: 'Pat',
      email: 'pat@example.com',
      role: 'viewer',
    });
    const res = await app.request(`/api/people/${pat.id}`, json({}, { cookie }, 'PATCH'));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ id: pat.id, name: 'Pat', role: 'viewer' });
  });

  it('answers a wrong password exactly as an unknown email', async () => {
    const attempt = async (email: string, password: string) => {
      const res = await app.request(
        '/api/auth/sign-in/email',
        json({ email, password }, { origin: BASE }),
      );
      return { status: res.status, body: await res.text(), cookie: cookieOf(res) };
    };
    const wrong = await attempt('ana@example.com', 'not the password at all');
    const unknown = await attempt('nobody@example.com', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(wrong).toEqual(unknown);
    expect(wrong.cookie).toBe('');
  });

  it('slows sign-in down after repeated tries, the same for a known and an unknown email', async () => {
    // better-auth's counts are per process: the clock moves past any earlier run's window.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (kind === 'postgres' ? 3_600_000 : 0));
    try {
      const limitedAuth = createTreelineAuth({
        db: t.db,
        baseURL: BASE,
        secret: 'hardening-secret-hardening',
        mailer,
      });
      const limited = appWith({ auth: limitedAuth });
      const statuses: number[] = [];
      for (const email of [
        'ana@example.com',
        'nobody@example.com',
        'ana@example.com',
        'nobody@example.com',
      ]) {
        const res = await limited.request(
          '/api/auth/sign-in/email',
          json({ email, password: 'guess guess guess' }, { origin: BASE }),
        );
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Even the right password waits out the window.
      const right = await limited.request(
        '/api/auth/sign-in/email',
        json({ email: 'ana@example.com', password: PASSWORD }, { origin: BASE }),
      );
      expect(right.status).toBe(429);
    } finally {
      vi.useRealTimers();
    }
  });

  it('limits how often one API token may call, with Retry-After, and counts tokens apart', async () => {
    const limited = appWith({ tokenRateLimit: { max: 3, windowMs: 60_000 } });
    const make = (name: string) =>
      createApiToken(auth, t.db, {
        workspaceId: ws.id,
        name,
        scope: 'read',
        userId,
        personId: null,
      });
    const [a, b] = [await make('a'), await make('b')];
    const call = (key: string) =>
      limited.request('/api/trees', { headers: { authorization: `Bearer ${key}` } });
    for (let i = 0; i < 3; i++) expect((await call(a.key)).status).toBe(200);
    const refused = await call(a.key);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      title: 'Too many requests',
      detail: expect.stringContaining('more than 3 requests'),
    });
    expect((await call(b.key)).status).toBe(200);
    // Signed-in people are not counted by it.
    for (let i = 0; i < 5; i++)
      expect((await limited.request('/api/trees', { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a revoked token at once, also on another server that has just accepted it', async () => {
    const other = appWith();
    const { key, token } = await createApiToken(auth, t.db, {
      workspaceId: ws.id,
      name: 'cached',
      scope: 'read',
      userId,
      personId: null,
    });
    const read = () => other.request('/api/trees', { headers: { authorization: `Bearer ${key}` } });
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
    const revoked = await app.request(`/api/tokens/${token.id}`, {
      method: 'DELETE',
      headers: { cookie, origin: BASE },
    });
    expect(revoked.status).toBe(204);
    const after = await read();
    expect(after.status).toBe(401);
  });

  it('answers a bug with a reference and nothing of the error; logs it without secrets', async () => {
    const boom = new Hono().get('/boom', () => {
      throw new Error(
        'connect postgres://treeline:hunter2-secret@db/app failed with key tl_abcdefghijklmnop',
      );
    });
    boom.onError(handleError);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await boom.request('/boom');
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(/hunter2|tl_abc|postgres:|at .*\.ts/);
      const { reference } = JSON.parse(text) as { reference: string };
      expect(reference).toMatch(/^[0-9a-f]{8}$/);
      const line = logged.mock.calls.map((call) => call.join(' ')).join('\n');
      expect(line).toContain(reference);
      expect(line).toContain('GET /boom');
      expect(line).not.toContain('hunter2');
      expect(line).not.toContain('tl_abcdefghijklmnop');
      expect(line).toContain('postgres://treeline:[redacted]@db/app');
    } finally {
      logged.mockRestore();
    }
  });
});
