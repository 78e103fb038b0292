import { createTreelineAuth, type TreelineAuth } from '@treeline/auth';
import { createWorkspace, type Workspace } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { createMailer } from '@treeline/notify';
import { startTestInbox, type TestInbox } from '@treeline/notify/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { appActingAs } from '../../testing/app-acting-as';

const BASE = 'http://treeline.test';

interface PersonBody {
  id: string;
  name: string;
  email: string;
  role: string;
  status: string;
  initials: string;
}

describe.each(databaseKindsUnderTest())('people API on %s', (kind) => {
  let t: TestDatabase;
  let inbox: TestInbox;
  let auth: TreelineAuth;
  let ws: Workspace;
  let ann: string;
  let sam: string;
  let asAnn: Awaited<ReturnType<typeof appActingAs>>;
  let asSam: Awaited<ReturnType<typeof appActingAs>>;
  /** The app as a browser reaches it: real cookies through better-auth. */
  let browserApp: ReturnType<typeof createApp>;

  const json = (body: unknown, method = 'POST') => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    inbox = await startTestInbox();
    const mailer = createMailer({ smtpUrl: inbox.url });
    auth = createTreelineAuth({
      db: t.db,
      baseURL: BASE,
      secret: 'people-test-secret-people-test-secret',
      mailer,
      rateLimit: false,
    });
    ws = await createWorkspace(t.db, { slug: 'people', name: 'People Co' });
    const other = await createWorkspace(t.db, { slug: 'other', name: 'Other Co' });
    const rows = await t.db
      .insertInto('people')
      .values([
        { workspace_id: ws.id, name: 'Sam Okafor', email: 'sam@example.com', role: 'editor' },
        { workspace_id: ws.id, name: 'Ann Marie Lee', email: 'ann@example.com', role: 'admin' },
        { workspace_id: ws.id, name: 'Cher', email: 'cher@example.com', role: 'viewer' },
        { workspace_id: other.id, name: 'Eve Stranger', email: 'eve@example.com', role: 'admin' },
      ])
      .returning(['id', 'name'])
      .execute();
    ann = rows.find((r) => r.name === 'Ann Marie Lee')!.id;
    sam = rows.find((r) => r.name === 'Sam Okafor')!.id;
    const database = { kind: t.kind, location: t.location };
    const options = { db: t.db, database, auth, mailer, publicUrl: BASE };
    asAnn = await appActingAs(options, { workspaceId: ws.id, personId: ann });
    asSam = await appActingAs(options, { workspaceId: ws.id, personId: sam });
    browserApp = createApp(options);
  });
  afterAll(async () => {
    await inbox.close();
    await t.close();
  });

  const people = async () =>
    ((await (await asAnn.request('/api/people')).json()) as { people: PersonBody[] }).people;

  it("lists the workspace's people by name, with status and the initials node cards show", async () => {
    const res = await asAnn.request('/api/people');
    expect(res.status).toBe(200);
    expect(
      (await people()).map(({ name, email, role, status, initials }) => [
        name,
        email,
        role,
        status,
        initials,
      ]),
    ).toEqual([
      ['Ann Marie Lee', 'ann@example.com', 'admin', 'active', 'AL'],
      ['Cher', 'cher@example.com', 'viewer', 'no_account', 'C'],
      ['Sam Okafor', 'sam@example.com', 'editor', 'active', 'SO'],
    ]);
  });

  it('lets an admin add an owner who only gets email, and refuses a second one with that email', async () => {
    const res = await asAnn.request(
      '/api/people',
      json({ name: 'Dee Owner', email: 'Dee@Example.com', role: 'editor' }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      email: 'dee@example.com',
      status: 'no_account',
      role: 'editor',
    });
    const again = await asAnn.request(
      '/api/people',
      json({ name: 'Dee Again', email: 'dee@example.com' }),
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ title: 'Already in the workspace' });
  });

  it('keeps people, invitations and roles to admins', async () => {
    const add = await asSam.request('/api/people', json({ name: 'X', email: 'x@example.com' }));
    expect(add.status).toBe(403);
    expect(await add.json()).toMatchObject({
      title: 'Not allowed for your role',
      detail: expect.stringContaining('needs an admin'),
    });
    expect(
      (await asSam.request(`/api/people/${ann}`, json({ role: 'viewer' }, 'PATCH'))).status,
    ).toBe(403);
    expect((await asSam.request('/api/people')).status).toBe(200);
  });

  it('invites by email: the link signs the person in and makes them a member with their role', async () => {
    const cher = (await people()).find((p) => p.name === 'Cher')!;
    const res = await asAnn.request(`/api/people/${cher.id}/invitation`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'invited' });
    const mail = await inbox.next('cher@example.com');
    expect(mail.subject).toBe('Ann Marie Lee invited you to People Co on Treeline');
    const link = /https?:\/\/\S+/.exec(mail.text)![0];
    const followed = await browserApp.request(link.replace(BASE, ''), {
      headers: { origin: BASE },
    });
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe(`${BASE}/#/w/people`);
    const cookie = followed.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const session = await (
      await browserApp.request('/api/session', { headers: { cookie } })
    ).json();
    expect(session).toMatchObject({
      user: { email: 'cher@example.com' },
      via: 'session',
      memberships: [{ workspace: { slug: 'people' }, person: { name: 'Cher', role: 'viewer' } }],
    });
    // A viewer reads, and may not write.
    const trees = await browserApp.request('/api/trees', {
      headers: { cookie, 'x-treeline-workspace': 'people' },
    });
    expect(trees.status).toBe(200);
    const write = await browserApp.request('/api/trees', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify({ name: 'Mine' }),
    });
    expect(write.status).toBe(403);
    expect((await people()).find((p) => p.name === 'Cher')?.status).toBe('active');
    // Someone with an account here already needs no invitation.
    const twice = await asAnn.request(`/api/people/${cher.id}/invitation`, { method: 'POST' });
    expect(twice.status).toBe(409);
  });

  it('changes roles, but never leaves the workspace without an admin', async () => {
    const res = await asAnn.request(`/api/people/${sam}`, json({ role: 'admin' }, 'PATCH'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'admin' });
    expect(
      (await asAnn.request(`/api/people/${sam}`, json({ role: 'editor' }, 'PATCH'))).status,
    ).toBe(200);
    const last = await asAnn.request(`/api/people/${ann}`, json({ role: 'editor' }, 'PATCH'));
    expect(last.status).toBe(409);
    expect(await last.json()).toMatchObject({ title: 'The last admin' });
    expect((await people()).find((p) => p.id === ann)?.role).toBe('admin');
  });

  it('deactivates a person: they keep their place in the list but can no longer act here', async () => {
    const res = await asAnn.request(`/api/people/${sam}/deactivate`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'deactivated' });
    expect((await people()).map((p) => p.name)).toContain('Sam Okafor');
    const refused = await asSam.request('/api/trees');
    expect(refused.status).toBe(409);
    const back = await asAnn.request(`/api/people/${sam}/reactivate`, { method: 'POST' });
    expect(await back.json()).toMatchObject({ status: 'active' });
    expect((await asSam.request('/api/trees')).status).toBe(200);
  });

  it("answers another workspace's person as not found", async () => {
    const eve = await t.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'eve@example.com')
      .executeTakeFirstOrThrow();
    for (const path of [`/api/people/${eve.id}/deactivate`, `/api/people/${eve.id}/invitation`]) {
      expect((await asAnn.request(path, { method: 'POST' })).status).toBe(404);
    }
    expect(
      (await asAnn.request(`/api/people/${eve.id}`, json({ role: 'viewer' }, 'PATCH'))).status,
    ).toBe(404);
  });
});
