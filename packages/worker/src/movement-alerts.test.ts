/**
 * Movement alerts through the worker: a committed data change in the outbox has the
 * `movement-alerts` subscriber check the demo workspace's tree (the planted email outage
 * alerts its owner, with an email and a webhook delivered by the sender), and the alert
 * clock escalates it once its deadline has passed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ensureDemoWorkspace,
  insertWebhookEndpoint,
  listAlerts,
  recordDomainEvent,
  type Workspace,
} from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import type { Mail, Mailer } from '@treeline/notify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertClock, movementAlerts } from './movement-alerts';
import { type RunningWorker, startWorker } from './start-worker';

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 180_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(databaseKindsUnderTest())('movement alerts in the worker on %s', (kind) => {
  let t: TestDatabase;
  let workspace: Workspace;
  let worker: RunningWorker | null = null;
  let receiver: Server;
  const received: Array<{ id: string | undefined; body: { text: string } }> = [];
  const mails: Mail[] = [];
  const mailer: Mailer = {
    describe: 'memory',
    send: async (mail) => {
      mails.push(mail);
    },
    close: async () => {},
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ({ workspace } = await ensureDemoWorkspace(t.db));
    receiver = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => {
        data += chunk;
      });
      req.on('end', () => {
        received.push({
          id: req.headers['webhook-id'] as string | undefined,
          body: JSON.parse(data),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    await insertWebhookEndpoint(t.db, {
      workspaceId: workspace.id,
      name: 'Receiver',
      url: `http://127.0.0.1:${port}/hook`,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      events: ['alert.raised'],
    });
    worker = await startWorker({
      database: t,
      subscribers: [movementAlerts],
      mailer,
      pollingIntervalSeconds: 0.5,
      dispatchPollMs: 1000,
      alertClockMs: 0,
    });
  }, 240_000);
  afterAll(async () => {
    await worker?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
    await t?.close();
  });

  it('checks the tree after a committed data change and delivers the alert by email and webhook', async () => {
    await t.db.transaction().execute((trx) =>
      recordDomainEvent(trx, workspace.id, {
        type: 'counting.changed',
        payload: { dataVersion: 1, changes: {} },
      }),
    );
    await until(
      async () => (await listAlerts(t.db, workspace.id, { open: true })).length > 0,
      'an alert',
    );
    // The seed ends now, so its last complete week is the one the subscriber checks; the
    // exact-one property is the db test's, at a fixed date (noise elsewhere varies by date).
    const open = await listAlerts(t.db, workspace.id, { open: true });
    const emails = open.find((a) => a.title.startsWith('Emails per contact fell'));
    expect(emails).toBeDefined();
    await until(
      () =>
        received.some((r) => r.body.text.includes('Emails per contact fell')) &&
        mails.filter((m) => m.subject.includes('Emails per contact fell')).length === 2,
      'the webhook and the emails',
    );
    expect(received[0]!.id).toMatch(/^msg_|^[0-9a-f-]{36}$/);
    const toEmails = mails.filter((m) => m.subject.includes('Emails per contact fell'));
    expect(toEmails.map((m) => m.to).sort()).toEqual([
      'jordan.reyes@example.com',
      'priya.nair@example.com',
    ]);
    expect(toEmails[0]!.html).toMatch(/<h2/);
  }, 240_000);

  it('escalates on the clock once the deadline has passed', async () => {
    const alert = (await listAlerts(t.db, workspace.id, { open: true })).find((a) =>
      a.title.startsWith('Emails per contact fell'),
    );
    const clock = new AlertClock({
      db: t.db,
      now: () => new Date(alert!.escalate_at!.getTime() + 1000),
    });
    await clock.tick();
    await clock.stop();
    const escalated = (await listAlerts(t.db, workspace.id, { open: true })).find(
      (a) => a.id === alert!.id,
    );
    expect(escalated!.escalated_to).not.toBeNull();
    await until(() => mails.some((m) => m.to === 'maya.chen@example.com'), 'the escalation email');
  }, 240_000);
});
