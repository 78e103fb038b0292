/**
 * The digest: each person who is Informed of alerts gets what waits for them in one email a
 * day or a week (their preference) instead of one each. Run every few minutes by the worker;
 * a person's digest is due from 07:00 local time (the workspace zone) on each day, or on the
 * first day of each week. Each digest has a key (the local day or week it is for): the items
 * are taken and the email enqueued in one transaction, so an item goes out once and a key's
 * digest once, whichever worker runs it and however often. The email goes through the
 * deliveries outbox, so the person's email switch and quiet hours apply.
 */
import { addDays, formatCivilDate, isoWeekday, localDateAt, wallClockAt } from '@treeline/core';
import {
  type DigestRecipient,
  digestRecipients,
  enqueueDeliveries,
  type OpenDatabase,
  takeDigestItems,
} from '@treeline/db';

/** The local hour from which a day's (or week's) digest is sent. */
export const DIGEST_HOUR = 7;

/**
 * The key of the digest due for the recipient at `now`, or null when none is due yet (before
 * 07:00 on the day; for a weekly digest, before 07:00 on the week's first day).
 *
 * @example digestKey({ digest: 'daily', timeZone: 'UTC', weekStart: 1 }, new Date('2026-12-07T08:00:00Z')); // 'daily:2026-12-07'
 */
export function digestKey(
  recipient: Pick<DigestRecipient, 'digest' | 'timeZone' | 'weekStart'>,
  now: Date,
): string | null {
  const clock = wallClockAt(now.getTime(), recipient.timeZone);
  const today = localDateAt(now.getTime(), recipient.timeZone);
  if (recipient.digest === 'daily') {
    return clock.hour >= DIGEST_HOUR ? `daily:${formatCivilDate(today)}` : null;
  }
  // week_start: 1 = Monday … 7 = Sunday (ISO weekday numbers).
  const back = (isoWeekday(today) - recipient.weekStart + 7) % 7;
  if (back === 0 && clock.hour < DIGEST_HOUR) return null;
  return `weekly:${formatCivilDate(addDays(today, -back))}`;
}

export interface DigestRunOptions {
  now?: Date;
  /** Where links in the email lead (the app's address). */
  publicUrl?: string;
}

function absoluteLink(publicUrl: string, link: string): string {
  const hash = link.startsWith('#') ? link : `#${link.startsWith('/') ? '' : '/'}${link}`;
  return `${publicUrl.replace(/\/+$/, '')}/${hash}`;
}

/**
 * Enqueues every digest due now; returns how many emails were enqueued.
 *
 * @example await runDigests(database.db, { publicUrl: 'https://treeline.example.com' });
 */
export async function runDigests(
  db: OpenDatabase['db'],
  options: DigestRunOptions = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  let sent = 0;
  for (const recipient of await digestRecipients(db)) {
    const key = digestKey(recipient, now);
    if (!key) continue;
    const sourceKey = `digest:${recipient.personId}:${key}`;
    sent += await db.transaction().execute(async (trx) => {
      const items = await takeDigestItems(trx, recipient, key, sourceKey, now);
      if (items.length === 0) return 0;
      const period = recipient.digest === 'daily' ? 'today' : 'this week';
      const lines = items.map(
        (item) =>
          `• ${item.title}\n  ${item.body}${item.link ? `\n  ${absoluteLink(publicUrl, item.link)}` : ''}`,
      );
      const text = [
        `Hello ${recipient.name},`,
        '',
        `What moved in ${recipient.workspaceName} on the branches you are Informed of, ${period}:`,
        '',
        ...lines,
        '',
        `Change how often this comes under Notifications: ${publicUrl}/#/notifications`,
      ].join('\n');
      return enqueueDeliveries(
        trx,
        [
          {
            workspaceId: recipient.workspaceId,
            channel: 'email',
            target: recipient.email,
            personId: recipient.personId,
            eventType: 'digest',
            sourceKey,
            payload: {
              subject: `Treeline digest: ${items.length} ${items.length === 1 ? 'update' : 'updates'} in ${recipient.workspaceName}`,
              text,
            },
          },
        ],
        { now },
      );
    });
  }
  return sent;
}

/** Runs the digests every `everyMs` until stopped (errors go to `onError`, never stop it). */
export function scheduleDigests(
  db: OpenDatabase['db'],
  options: DigestRunOptions & { everyMs?: number; onError?: (error: unknown) => void } = {},
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = runDigests(db, { ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, options.everyMs ?? 5 * 60_000);
  timer.unref();
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
