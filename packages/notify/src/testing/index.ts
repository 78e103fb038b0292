/**
 * A real SMTP server in the test process (smtp-server), so tests send mail over SMTP and
 * read what arrived instead of mocking the mailer.
 *
 * @example
 * const inbox = await startTestInbox();
 * const mailer = createMailer({ smtpUrl: inbox.url });
 * await mailer.send({ to: 'a@example.com', subject: 'Hi', text: 'x' });
 * (await inbox.next('a@example.com')).text; // 'x'
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  /** The decoded text body. */
  text: string;
  raw: string;
}

export interface TestInbox {
  /** smtp://127.0.0.1:<port> */
  url: string;
  received: ReceivedMail[];
  /** The next message to `to` (already received or arriving within `timeoutMs`). */
  next(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function header(raw: string, name: string): string {
  const match = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return match ? match[1]!.replace(/\r?\n[ \t]/g, ' ').trim() : '';
}

/** The text part of a simple message: quoted-printable decoded, soft line breaks joined. */
function textBody(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  let body = split >= 0 ? raw.slice(split).trimStart() : raw;
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (boundary) {
    const part = body.split(`--${boundary}`).find((p) => /content-type:\s*text\/plain/i.test(p));
    if (part) {
      const start = part.search(/\r?\n\r?\n/);
      body = part.slice(start).trimStart();
      if (/content-transfer-encoding:\s*quoted-printable/i.test(part)) body = decodeQp(body);
      return body.trim();
    }
  }
  return (
    /content-transfer-encoding:\s*quoted-printable/i.test(raw) ? decodeQp(body) : body
  ).trim();
}

function decodeQp(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export async function startTestInbox(): Promise<TestInbox> {
  const received: ReceivedMail[] = [];
  const waiting: Array<{ to: string; resolve: (mail: ReceivedMail) => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header(raw, 'Subject'),
          text: textBody(raw),
          raw,
        };
        received.push(mail);
        for (const waiter of [...waiting]) {
          if (mail.to.includes(waiter.to)) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  const seen = new Set<ReceivedMail>();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    next(to, timeoutMs = 10_000) {
      const already = received.find((m) => m.to.includes(to) && !seen.has(m));
      if (already) {
        seen.add(already);
        return Promise.resolve(already);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiting.push({
          to,
          resolve: (mail) => {
            clearTimeout(timer);
            seen.add(mail);
            resolve(mail);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
