/**
 * Sends what the deliveries outbox holds (email and webhooks), until stopped: woken at the
 * commit that enqueued a message (NOTIFY), at the next retry's due time, and by a slow poll.
 * Each message is leased, sent outside any transaction, then marked delivered or due again
 * after a backoff (5 s, 10 s, 20 s … up to an hour; given up after MAX_ATTEMPTS). A worker
 * killed mid-send leaves the lease to expire and the message is sent again with the same
 * id, so nothing is lost and a receiver can drop the rare repeat.
 */
import {
  DELIVERY_CHANNEL,
  type DueDelivery,
  findWebhookEndpoint,
  leaseDueDeliveries,
  markAttemptFailed,
  markDelivered,
  nextDeliveryDue,
  type OpenDatabase,
} from '@treeline/db';
import { type Mail, type Mailer, type SendOutcome, sendWebhook } from '@treeline/notify';

export const MAX_ATTEMPTS = 10;

/** When attempt `n` (1-based) failed, the next one is due this many ms later. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** (attempt - 1), 3_600_000);
}

/** What an email delivery's payload holds. */
export type EmailPayload = Pick<Mail, 'subject' | 'text' | 'html'>;
/** What a webhook delivery's payload holds: the JSON body to sign and send. */
export interface WebhookPayload {
  body: unknown;
}

export interface DeliverySenderOptions {
  database: Pick<OpenDatabase, 'db' | 'listen'>;
  mailer: Mailer;
  pollMs?: number;
  leaseSeconds?: number;
  onError?: (error: unknown) => void;
}

export class DeliverySender {
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #poll: NodeJS.Timeout | null = null;
  #due: NodeJS.Timeout | null = null;
  #unlisten: (() => Promise<void>) | null = null;
  readonly #options: DeliverySenderOptions;

  constructor(options: DeliverySenderOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const { database } = this.#options;
    this.#unlisten = await database.listen(DELIVERY_CHANNEL, () => this.wake());
    this.#poll = setInterval(() => this.wake(), this.#options.pollMs ?? 5_000);
    this.#poll.unref();
    this.wake();
  }

  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#run().finally(() => {
      this.#running = null;
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#poll) clearInterval(this.#poll);
    if (this.#due) clearTimeout(this.#due);
    await this.#unlisten?.().catch(() => {});
    while (this.#running) await this.#running;
  }

  async #run(): Promise<void> {
    const { db } = this.#options.database;
    const onError = this.#options.onError ?? ((error: unknown) => console.error(error));
    try {
      do {
        this.#again = false;
        for (;;) {
          if (this.#stopped) return;
          const due = await leaseDueDeliveries(db, {
            leaseSeconds: this.#options.leaseSeconds ?? 60,
          });
          // Sent one after another: a slow receiver delays the rest by its timeout at most.
          for (const delivery of due) {
            const outcome = await this.#send(delivery);
            if (outcome.ok) await markDelivered(db, delivery);
            else {
              const retry = outcome.retry && delivery.attempts < MAX_ATTEMPTS;
              await markAttemptFailed(
                db,
                delivery,
                outcome.error,
                retry ? new Date(Date.now() + retryDelayMs(delivery.attempts)) : null,
              );
            }
          }
          if (due.length === 0) break;
        }
      } while (this.#again);
      await this.#scheduleNextDue();
    } catch (error) {
      if (!this.#stopped) onError(error);
    }
  }

  async #scheduleNextDue(): Promise<void> {
    const next = await nextDeliveryDue(this.#options.database.db);
    if (this.#due) clearTimeout(this.#due);
    this.#due = null;
    if (!next || this.#stopped) return;
    const wait = Math.max(0, next.getTime() - Date.now()) + 20;
    this.#due = setTimeout(() => this.wake(), wait);
    this.#due.unref();
  }

  async #send(delivery: DueDelivery): Promise<SendOutcome> {
    try {
      if (delivery.channel === 'email') {
        const mail = delivery.payload as EmailPayload;
        await this.#options.mailer.send({
          to: delivery.target,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
        });
        return { ok: true };
      }
      const endpoint = await findWebhookEndpoint(
        this.#options.database.db,
        delivery.workspaceId,
        delivery.target,
      );
      if (!endpoint?.enabled) {
        return { ok: false, error: 'the webhook endpoint was removed or disabled', retry: false };
      }
      return await sendWebhook({
        url: endpoint.url,
        secret: endpoint.secret,
        id: delivery.id,
        body: (delivery.payload as WebhookPayload).body,
      });
    } catch (error) {
      return {
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        retry: true,
      };
    }
  }
}
