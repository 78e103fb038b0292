import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from './mailer';
import { startTestInbox, type TestInbox } from './testing';

describe('the mailer', () => {
  let inbox: TestInbox;
  beforeAll(async () => {
    inbox = await startTestInbox();
  });
  afterAll(() => inbox.close());

  it('sends over SMTP to a real server, from the configured sender', async () => {
    const mailer = createMailer({ smtpUrl: inbox.url, from: 'Treeline <t@example.com>' });
    await mailer.send({
      to: 'ana@example.com',
      subject: 'Reset your password',
      text: 'Open https://treeline.test/#/reset?token=abc to choose a new password. Ünïcode ✓',
    });
    const mail = await inbox.next('ana@example.com');
    expect(mail.subject).toBe('Reset your password');
    expect(mail.from).toBe('t@example.com');
    expect(mail.text).toContain('https://treeline.test/#/reset?token=abc');
    expect(mail.text).toContain('Ünïcode ✓');
    expect(mailer.describe).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    mailer.close();
  });

  it('writes the message to the log when no SMTP server is configured', async () => {
    const lines: string[] = [];
    const mailer = createMailer({ log: (line) => lines.push(line) });
    await mailer.send({ to: 'bo@example.com', subject: 'Sign in', text: 'link: https://x/y' });
    expect(lines[0]).toContain('bo@example.com');
    expect(lines[0]).toContain('SMTP_URL is not set');
    expect(lines[0]).toContain('https://x/y');
  });

  it('rejects when the server cannot be reached', async () => {
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1' });
    await expect(mailer.send({ to: 'c@example.com', subject: 's', text: 't' })).rejects.toThrow();
  });
});
