// What a branch owner sees of alerts through the API: their preferences, their branches,
// webhook URLs refused with the reason, a target's delivery log, and the live stream telling
// them (and only them) that their inbox changed.
import { ACTIVITY_PER_CONTACT_TEMPLATE } from '@treeline/core';
import {
  createTreeFromTemplate,
  createWorkspace,
  insertAlerts,
  insertNotifications,
  insertPerson,
  leaseDueDeliveries,
  markAttemptFailed,
  type Person,
  type Workspace,
} from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { appActingAs, principalFor } from '../../testing/app-acting-as';

const json = (body: unknown, method = 'POST') => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe.each(databaseKindsUnderTest())('alerts for branch owners on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let ana: Person;
  let ben: Person;
  let asAna: ReturnType<typeof createApp>;
  let asAdmin: ReturnType<typeof createApp>;
  let treeId: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'owners', name: 'Owners' });
    ana = await insertPerson(t.db, ws.id, {
      name: 'Ana',
      email: 'ana@example.com',
      role: 'viewer',
    });
    ben = await insertPerson(t.db, ws.id, {
      name: 'Ben',
      email: 'ben@example.com',
      role: 'viewer',
    });
    const options = { db: t.db, listen: t.listen, database: { kind, location: t.location } };
    asAna = await appActingAs(options, { workspaceId: ws.id, personId: ana.id });
    asAdmin = await appActingAs(options, { workspaceId: ws.id });
    treeId = await createTreeFromTemplate(t.db, ws.id, ACTIVITY_PER_CONTACT_TEMPLATE, {
      root: { accountable: ben.id },
      email: { accountable: ana.id },
    });
  });
  afterAll(() => t.close());

  it('reads the defaults, saves choices, and names the bad field', async () => {
    const first = await (await asAna.request('/api/preferences')).json();
    expect(first).toEqual({
      email: true,
      inApp: true,
      digest: 'daily',
      quietHours: null,
      timeZone: ws.time_zone,
    });
    const saved = await asAna.request(
      '/api/preferences',
      json(
        {
          email: false,
          inApp: true,
          digest: 'weekly',
          quietHours: { start: '22:00', end: '07:00' },
        },
        'PUT',
      ),
    );
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      digest: 'weekly',
      quietHours: { start: '22:00', end: '07:00' },
    });
    const bad = await asAna.request(
      '/api/preferences',
      json(
        {
          email: true,
          inApp: true,
          digest: 'hourly',
          quietHours: { start: '25:00', end: '07:00' },
        },
        'PUT',
      ),
    );
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['digest', 'quietHours.start']);
  });

  it("lists the person's branches with their open alerts", async () => {
    const node = await t.db
      .selectFrom('tree_nodes')
      .select('id')
      .where('tree_id', '=', treeId)
      .where('label', '=', 'Emails per contact')
      .executeTakeFirstOrThrow();
    await insertAlerts(t.db, [
      {
        workspaceId: ws.id,
        treeId,
        nodeId: node.id,
        grain: 'week',
        periodStart: new Date('2026-11-02T05:00:00Z'),
        periodEnd: new Date('2026-11-09T05:00:00Z'),
        direction: 'down',
        tone: 'bad',
        title: 'Emails per contact fell by a third',
        summary: 's',
        detection: {},
        routing: {},
        routedNodeId: node.id,
        accountableId: ana.id,
        backfilled: false,
        escalateAt: null,
      },
    ]);
    const res = await asAna.request('/api/my-branches');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      period: { grain: string };
      branches: Array<{ label: string; openAlerts: number; roles: string[]; treeId: string }>;
    };
    expect(body.period.grain).toBe('week');
    expect(body.branches).toEqual([
      expect.objectContaining({
        label: 'Emails per contact',
        openAlerts: 1,
        roles: ['accountable'],
        treeId,
      }),
    ]);
  });

  it('refuses a webhook URL that is not http(s) or points inside, with the reason', async () => {
    const ftp = await asAdmin.request(
      '/api/webhooks',
      json({ name: 'x', url: 'ftp://example.com/x' }),
    );
    expect(ftp.status).toBe(400);
    const local = await asAdmin.request(
      '/api/webhooks',
      json({ name: 'x', url: 'http://192.168.1.5/hook' }),
    );
    expect(local.status).toBe(422);
    const problem = (await local.json()) as { type: string; detail: string; errors: unknown[] };
    expect(problem.type).toMatch(/invalid-webhook-url$/);
    expect(problem.detail).toContain('192.168.1.5 is a private address');
    expect(problem.errors).toEqual([{ path: 'url', message: expect.stringContaining('private') }]);
    const ok = await asAdmin.request(
      '/api/webhooks',
      json({ name: 'Slack', url: 'https://hooks.example.com/t' }),
    );
    expect(ok.status).toBe(201);
  });

  it("shows a webhook's delivery log: pending, retrying, given up", async () => {
    const options = {
      db: t.db,
      database: { kind, location: t.location },
      allowPrivateWebhooks: true,
    };
    const admin = await t.db
      .selectFrom('people')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    const app = await appActingAs(options, { workspaceId: ws.id, personId: admin.id });
    const created = await app.request(
      '/api/webhooks',
      json({ name: 'Local', url: 'http://127.0.0.1:9/h' }),
    );
    expect(created.status).toBe(201);
    const { webhook } = (await created.json()) as { webhook: { id: string } };
    expect((await app.request(`/api/webhooks/${webhook.id}/test`, { method: 'POST' })).status).toBe(
      202,
    );
    const log = async () =>
      (
        (await (await app.request(`/api/webhooks/${webhook.id}/deliveries`)).json()) as {
          deliveries: Array<{ status: string; attempts: number; lastError: string | null }>;
        }
      ).deliveries;
    expect(await log()).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);
    const [leased] = await leaseDueDeliveries(t.db, { now: new Date(Date.now() + 1000) });
    await markAttemptFailed(t.db, leased!, 'HTTP 500', new Date(Date.now() + 60_000));
    expect(await log()).toEqual([
      expect.objectContaining({ status: 'retrying', attempts: 1, lastError: 'HTTP 500' }),
    ]);
    await markAttemptFailed(t.db, leased!, 'timed out after 10 s', null);
    expect(await log()).toEqual([expect.objectContaining({ status: 'given_up' })]);
    expect((await asAna.request(`/api/webhooks/${webhook.id}/deliveries`)).status).toBe(403);
  });

  it('tells the person, and only them, that their inbox changed', { timeout: 60_000 }, async () => {
    const { principal, auth } = await principalFor(
      { db: t.db },
      { workspaceId: ws.id, personId: ana.id },
    );
    const app = createApp({
      db: t.db,
      listen: t.listen,
      database: { kind, location: t.location },
      auth,
      authenticate: async () => principal,
    });
    const controller = new AbortController();
    const res = await app.request('/api/events', { signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const until = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(text);
        text += new TextDecoder().decode(value);
      }
    };
    try {
      await until('event: ready');
      const note = (personId: string) => ({
        workspaceId: ws.id,
        personId,
        kind: 'alert',
        role: 'to',
        title: 't',
        body: 'b',
        link: null,
      });
      await insertNotifications(t.db, [note(ben.id)]);
      await insertNotifications(t.db, [note(ana.id)]);
      await until('event: notifications-changed');
      // Ben's came first and was not announced to Ana.
      expect(text.match(/notifications-changed/g)).toHaveLength(1);
    } finally {
      controller.abort();
      await reader.cancel().catch(() => {});
    }
  });
});
