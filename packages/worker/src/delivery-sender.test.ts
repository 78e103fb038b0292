import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createWorkspace,
  enqueueDeliveries,
  insertWebhookEndpoint,
  leaseDueDeliveries,
  listDeliveries,
  type Workspace,
} from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { createMailer, newWebhookSecret } from '@treeline/notify';
import { startTestInbox, type TestInbox } from '@treeline/notify/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliverySender, retryDelayMs } from './delivery-sender';

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(databaseKindsUnderTest())('the delivery sender on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let inbox: TestInbox;
  let server: Server;
  let url = '';
  /** The statuses the receiver answers with, in turn (then 200). */
  const answers: number[] = [];
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  let sender: DeliverySender;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'send', name: 'Send Co' });
    inbox = await startTestInbox();
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = answers.shift() ?? 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    sender = new DeliverySender({
      database: t,
      mailer: createMailer({ smtpUrl: inbox.url }),
      pollMs: 200,
      leaseSeconds: 1,
    });
    await sender.start();
  });
  afterAll(async () => {
    await sender.stop();
    await inbox.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  const statusOf = async (sourceKey: string) =>
    (await listDeliveries(t.db, ws.id)).find((d) => d.source_key === sourceKey);

  it('sends an email and a webhook enqueued in a transaction, once each, at commit', async () => {
    const endpoint = await insertWebhookEndpoint(t.db, {
      workspaceId: ws.id,
      name: 'Automation',
      url,
      secret: newWebhookSecret(),
      events: ['alert.raised'],
    });
    await t.db.transaction().execute(async (trx) => {
      await enqueueDeliveries(trx, [
        {
          workspaceId: ws.id,
          channel: 'email',
          target: 'ana@example.com',
          eventType: 'alert.raised',
          sourceKey: 'alert:1:to',
          payload: { subject: 'Calls fell', text: 'Calls per contact fell 18%.' },
        },
        {
          workspaceId: ws.id,
          channel: 'webhook',
          target: endpoint.id,
          eventType: 'alert.raised',
          sourceKey: 'alert:1',
          payload: { body: { text: 'Calls per contact fell 18%.' } },
        },
      ]);
    });
    const mail = await inbox.next('ana@example.com');
    expect(mail.subject).toBe('Calls fell');
    await until(async () => (await statusOf('alert:1'))?.status === 'delivered', 'the webhook');
    expect(
      received.filter((r) => JSON.parse(r.body).text === 'Calls per contact fell 18%.'),
    ).toHaveLength(1);
    // Enqueued again (a rerun of the writer): nothing new is sent.
    expect(
      await enqueueDeliveries(t.db, [
        {
          workspaceId: ws.id,
          channel: 'webhook',
          target: endpoint.id,
          eventType: 'alert.raised',
          sourceKey: 'alert:1',
          payload: { body: { text: 'again' } },
        },
      ]),
    ).toBe(0);
  });

  it('retries a failing receiver with backoff, every attempt with the same delivery id', async () => {
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 3_600_000]);
    const endpoint = await insertWebhookEndpoint(t.db, {
      workspaceId: ws.id,
      name: 'Flaky',
      url,
      secret: newWebhookSecret(),
      events: ['alert.raised'],
    });
    answers.push(503);
    const before = received.length;
    await enqueueDeliveries(t.db, [
      {
        workspaceId: ws.id,
        channel: 'webhook',
        target: endpoint.id,
        eventType: 'alert.raised',
        sourceKey: 'alert:2',
        payload: { body: { text: 'second' } },
      },
    ]);
    await until(
      async () => (await statusOf('alert:2'))?.status === 'delivered',
      'the retry',
      20_000,
    );
    const attempts = received.slice(before).filter((r) => JSON.parse(r.body).text === 'second');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.headers['webhook-id']).toBe(attempts[1]!.headers['webhook-id']);
    expect(await statusOf('alert:2')).toMatchObject({ attempts: 2, status: 'delivered' });
  });

  it('sends again what a sender died holding, once its lease runs out', async () => {
    const endpoint = await insertWebhookEndpoint(t.db, {
      workspaceId: ws.id,
      name: 'Patient',
      url,
      secret: newWebhookSecret(),
      events: ['alert.raised'],
    });
    await sender.stop();
    await enqueueDeliveries(t.db, [
      {
        workspaceId: ws.id,
        channel: 'webhook',
        target: endpoint.id,
        eventType: 'alert.raised',
        sourceKey: 'alert:3',
        payload: { body: { text: 'third' } },
      },
    ]);
    // A sender leases it and dies before sending or marking anything.
    const [leased] = await leaseDueDeliveries(t.db, { leaseSeconds: 1 });
    expect(leased?.target).toBe(endpoint.id);
    sender = new DeliverySender({
      database: t,
      mailer: createMailer({ log: () => {} }),
      pollMs: 200,
      leaseSeconds: 1,
    });
    await sender.start();
    await until(async () => (await statusOf('alert:3'))?.status === 'delivered', 'the redelivery');
    const got = received.filter((r) => JSON.parse(r.body).text === 'third');
    expect(got).toHaveLength(1);
    expect(got[0]!.headers['webhook-id']).toBe(leased!.id);
  });

  it('gives up on a receiver that refuses the request, saying why', async () => {
    const endpoint = await insertWebhookEndpoint(t.db, {
      workspaceId: ws.id,
      name: 'Gone',
      url,
      secret: newWebhookSecret(),
      events: ['alert.raised'],
    });
    answers.push(410);
    await enqueueDeliveries(t.db, [
      {
        workspaceId: ws.id,
        channel: 'webhook',
        target: endpoint.id,
        eventType: 'alert.raised',
        sourceKey: 'alert:4',
        payload: { body: { text: 'fourth' } },
      },
    ]);
    await until(async () => (await statusOf('alert:4'))?.status === 'failed', 'giving up');
    expect(await statusOf('alert:4')).toMatchObject({ last_error: 'HTTP 410', attempts: 1 });
  });
});
