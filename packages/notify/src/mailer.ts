/**
 * Email out of Treeline: password resets and invitations now, alert emails and digests
 * next. Over SMTP through nodemailer when an SMTP URL is configured; otherwise each message
 * is written to the server's log, so a self-hosted instance without mail still shows the
 * reset or sign-in link to whoever runs it.
 */
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  /** Plain text, always sent; the link a person must follow is in it. */
  text: string;
  html?: string;
}

export interface Mailer {
  /** Sends one message; rejects when the server refuses it. */
  send(mail: Mail): Promise<void>;
  /** Where mail goes, safe to print (no password). */
  readonly describe: string;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:password@host:587 or smtps://…; absent: messages go to `log`. */
  smtpUrl?: string | undefined;
  /** The sender, e.g. "Treeline <treeline@example.com>". */
  from?: string | undefined;
  log?: (line: string) => void;
}

export const DEFAULT_MAIL_FROM = 'Treeline <treeline@localhost>';

/**
 * @example
 * const mailer = createMailer({ smtpUrl: process.env.SMTP_URL });
 * await mailer.send({ to: 'ana@example.com', subject: 'Hello', text: 'Hi Ana' });
 */
export function createMailer(options: MailerOptions = {}): Mailer {
  const from = options.from?.trim() || DEFAULT_MAIL_FROM;
  const smtpUrl = options.smtpUrl?.trim();
  if (!smtpUrl) {
    const log = options.log ?? ((line: string) => console.log(line));
    return {
      describe: 'the server log (SMTP_URL is not set)',
      async send(mail) {
        log(`Email to ${mail.to} (not sent: SMTP_URL is not set): ${mail.subject}\n${mail.text}`);
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  const url = new URL(smtpUrl);
  return {
    describe: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close() {
      transport.close();
    },
  };
}
