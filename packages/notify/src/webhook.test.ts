import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWebhookSecret, sendWebhook } from './webhook';

/** A real HTTP receiver that answers with the status a test sets. */
let server: Server;
let url = '';
let status = 200;
const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sending a webhook', () => {
  it('signs it so the receiver verifies it with the Standard Webhooks library', async () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const body = { text: 'Calls per contact fell 18%', treeline: { type: 'alert.raised' } };
    expect(await sendWebhook({ url, secret, id: 'delivery-1', body })).toEqual({ ok: true });
    const got = received.at(-1)!;
    expect(got.headers['webhook-id']).toBe('delivery-1');
    const verified = new Webhook(secret).verify(got.body, {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    });
    expect(verified).toEqual(body);
    // Signed with another secret, it fails verification.
    expect(() =>
      new Webhook(newWebhookSecret()).verify(got.body, {
        'webhook-id': String(got.headers['webhook-id']),
        'webhook-timestamp': String(got.headers['webhook-timestamp']),
        'webhook-signature': String(got.headers['webhook-signature']),
      }),
    ).toThrow();
  });

  it('says whether a failure is worth retrying', async () => {
    status = 503;
    expect(await sendWebhook({ url, secret: newWebhookSecret(), id: 'd2', body: {} })).toEqual({
      ok: false,
      error: 'HTTP 503',
      retry: true,
    });
    status = 410;
    expect(
      await sendWebhook({ url, secret: newWebhookSecret(), id: 'd3', body: {} }),
    ).toMatchObject({
      ok: false,
      retry: false,
    });
    status = 200;
    const unreachable = await sendWebhook({
      url: 'http://127.0.0.1:1/x',
      secret: newWebhookSecret(),
      id: 'd4',
      body: {},
    });
    expect(unreachable).toMatchObject({ ok: false, retry: true });
  });
});
