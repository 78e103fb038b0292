/**
 * Sending one webhook, signed the Standard Webhooks way (the `standardwebhooks` library
 * computes the signature; we never sign by hand): `webhook-id` (the delivery's id, the same
 * on every attempt), `webhook-timestamp` and `webhook-signature` headers over a JSON body.
 * The body Treeline sends is Slack-compatible (a `text` member first), so a Slack incoming
 * webhook shows it as it is and an automation reads the rest.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new signing secret in the Standard Webhooks form (whsec_ + base64 of 24 random bytes). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export interface WebhookSend {
  url: string;
  secret: string;
  /** The delivery id: the receiver drops a message whose id it has seen. */
  id: string;
  body: unknown;
  timestamp?: Date;
  /** Give up on an attempt after this long (default 10 s). */
  timeoutMs?: number;
}

export type SendOutcome = { ok: true } | { ok: false; error: string; retry: boolean };

/**
 * @example const outcome = await sendWebhook({ url, secret, id: delivery.id, body });
 */
export async function sendWebhook(send: WebhookSend): Promise<SendOutcome> {
  const payload = JSON.stringify(send.body);
  const timestamp = send.timestamp ?? new Date();
  const signature = new Webhook(send.secret).sign(send.id, timestamp, payload);
  try {
    const response = await fetch(send.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Treeline-Webhooks/1',
        'webhook-id': send.id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: payload,
      signal: AbortSignal.timeout(send.timeoutMs ?? 10_000),
      redirect: 'manual',
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { ok: true };
    // A receiver that says the request is wrong will say so again; anything else may pass.
    const permanent =
      response.status >= 400 &&
      response.status < 500 &&
      ![408, 409, 425, 429].includes(response.status);
    return { ok: false, error: `HTTP ${response.status}`, retry: !permanent };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      retry: true,
    };
  }
}
