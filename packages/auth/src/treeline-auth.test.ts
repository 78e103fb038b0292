import {
  createWorkspace,
  deleteWorkspaceToken,
  findMembership,
  findPerson,
  insertPerson,
  updatePerson,
  type Workspace,
} from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { createMailer } from '@treeline/notify';
import { startTestInbox, type TestInbox } from '@treeline/notify/testing';
import { getMigrations } from 'better-auth/db/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAccount } from './accounts';
import { createApiToken } from './api-tokens';
import { principalOf } from './principal';
import { asInvitation, createTreelineAuth, type TreelineAuth } from './treeline-auth';

const BASE = 'http://treeline.test';

describe.each(databaseKindsUnderTest())('accounts on %s', (kind) => {
  let t: TestDatabase;
  let inbox: TestInbox;
  let auth: TreelineAuth;
  let ws: Workspace;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    inbox = await startTestInbox();
    auth = createTreelineAuth({
      db: t.db,
      baseURL: BASE,
      secret: 'a-test-secret-that-is-long-enough-to-pass',
      mailer: createMailer({ smtpUrl: inbox.url }),
      rateLimit: false,
    });
    ws = await createWorkspace(t.db, { slug: 'acme', name: 'Acme' });
  });
  afterAll(async () => {
    await inbox.close();
    await t.close();
  });

  /** A request to better-auth's handler, as a same-origin browser sends it. */
  const call = (path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
    auth.handler(
      new Request(`${BASE}/api/auth${path}`, {
        method: init.method ?? (init.body ? 'POST' : 'GET'),
        headers: {
          origin: BASE,
          'content-type': 'application/json',
          ...(init.cookie ? { cookie: init.cookie } : {}),
        },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      }),
    );
  const cookieOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

  it('finds its tables exactly as its schema wants them (the migration matches)', async () => {
    const { toBeCreated, toBeAdded } = await getMigrations(auth.options);
    expect(toBeCreated).toEqual([]);
    expect(toBeAdded).toEqual([]);
  });

  it('signs in with email and password into an httpOnly SameSite cookie, and out again', async () => {
    await ensureAccount(auth, {
      email: 'Ana@Example.com',
      name: 'Ana',
      password: 'correct horse battery',
    });
    const wrong = await call('/sign-in/email', {
      body: { email: 'ana@example.com', password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    const res = await call('/sign-in/email', {
      body: { email: 'ana@example.com', password: 'correct horse battery' },
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/treeline\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(res);
    const who = await principalOf(auth, t.db, new Headers({ cookie }));
    expect(who).toMatchObject({ kind: 'user', email: 'ana@example.com', name: 'Ana' });
    const out = await call('/sign-out', { method: 'POST', body: {}, cookie });
    expect(out.status).toBe(200);
    expect(await principalOf(auth, t.db, new Headers({ cookie }))).toBeNull();
  });

  it('has no open sign-up', async () => {
    const res = await call('/sign-up/email', {
      body: { email: 'eve@example.com', password: 'correct horse battery', name: 'Eve' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(
      await t.db.selectFrom('auth_users').where('email', '=', 'eve@example.com').execute(),
    ).toEqual([]);
  });

  it('resets a password by a link sent over SMTP, and ends the old sessions', async () => {
    await ensureAccount(auth, { email: 'bo@example.com', name: 'Bo', password: 'first password!' });
    const before = cookieOf(
      await call('/sign-in/email', {
        body: { email: 'bo@example.com', password: 'first password!' },
      }),
    );
    const asked = await call('/request-password-reset', {
      body: { email: 'bo@example.com', redirectTo: `${BASE}/#/reset-password` },
    });
    expect(asked.status).toBe(200);
    const mail = await inbox.next('bo@example.com');
    expect(mail.subject).toBe('Reset your Treeline password');
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
    expect(link).toContain('/api/auth/reset-password/');
    const token = new URL(link!).pathname.split('/').at(-1)!;
    const reset = await call('/reset-password', {
      body: { newPassword: 'second password!', token },
    });
    expect(reset.status).toBe(200);
    expect(await principalOf(auth, t.db, new Headers({ cookie: before }))).toBeNull();
    const old = await call('/sign-in/email', {
      body: { email: 'bo@example.com', password: 'first password!' },
    });
    expect(old.status).toBe(401);
    const fresh = await call('/sign-in/email', {
      body: { email: 'bo@example.com', password: 'second password!' },
    });
    expect(fresh.status).toBe(200);
    // The link works once.
    const again = await call('/reset-password', {
      body: { newPassword: 'third password!', token },
    });
    expect(again.status).toBe(400);
  });

  it('accepts an invitation: the emailed link signs the person in and links them', async () => {
    const person = await insertPerson(t.db, ws.id, {
      name: 'Cy',
      email: 'cy@example.com',
      role: 'editor',
    });
    await updatePerson(t.db, ws.id, person.id, { invitedAt: new Date() });
    const { userId } = await ensureAccount(auth, { email: 'cy@example.com', name: 'Cy' });
    await asInvitation({ workspaceName: 'Acme', inviterName: 'Ana' }, () =>
      auth.api.signInMagicLink({
        body: { email: 'cy@example.com', callbackURL: `${BASE}/#/w/acme` },
        headers: new Headers({ origin: BASE }),
      }),
    );
    const mail = await inbox.next('cy@example.com');
    expect(mail.subject).toBe('Ana invited you to Acme on Treeline');
    const link = /https?:\/\/\S+/.exec(mail.text)![0];
    expect(await findMembership(t.db, userId, 'acme')).toBeUndefined();
    const followed = await auth.handler(new Request(link, { headers: { origin: BASE } }));
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe(`${BASE}/#/w/acme`);
    const cookie = cookieOf(followed);
    expect(await principalOf(auth, t.db, new Headers({ cookie }))).toMatchObject({ userId });
    expect((await findPerson(t.db, ws.id, person.id))?.user_id).toBe(userId);
    expect((await findMembership(t.db, userId, 'acme'))?.person.role).toBe('editor');
    // A link works once.
    const twice = await auth.handler(new Request(link, { headers: { origin: BASE } }));
    expect(twice.headers.get('location')).toContain('error=');
  });

  it('makes an API token that acts in its workspace until it is revoked', async () => {
    const { userId } = await ensureAccount(auth, { email: 'ana@example.com', name: 'Ana' });
    const { key, token } = await createApiToken(auth, t.db, {
      workspaceId: ws.id,
      name: 'CRM sync',
      scope: 'read',
      userId,
      personId: null,
    });
    expect(key.startsWith('tl_')).toBe(true);
    expect(token).toMatchObject({ workspaceId: ws.id, scope: 'read', name: 'CRM sync' });
    const stored = await t.db.selectFrom('api_tokens').select('key').execute();
    expect(stored.map((row) => row.key)).not.toContain(key);
    const who = await principalOf(auth, t.db, new Headers({ authorization: `Bearer ${key}` }));
    expect(who).toEqual({ kind: 'token', tokenId: token.id, workspaceId: ws.id, scope: 'read' });
    expect(await principalOf(auth, t.db, new Headers({ 'x-api-key': key }))).toMatchObject({
      tokenId: token.id,
    });
    expect(
      await principalOf(auth, t.db, new Headers({ authorization: 'Bearer tl_not-a-key' })),
    ).toBeNull();
    const lastUsed = await t.db
      .selectFrom('api_tokens')
      .select('last_request')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(lastUsed.last_request).toBeInstanceOf(Date);
    // Another workspace's id revokes nothing; its own does, at once.
    const other = await createWorkspace(t.db, { slug: 'other', name: 'Other' });
    expect(await deleteWorkspaceToken(t.db, other.id, token.id)).toBe(false);
    expect(await deleteWorkspaceToken(t.db, ws.id, token.id)).toBe(true);
    expect(await principalOf(auth, t.db, new Headers({ 'x-api-key': key }))).toBeNull();
  });
});
