// The digest job against a real SMTP server: one email per person and digest key with every
// waiting Informed item, never twice, and the items of a later run wait for the next key.
import {
  createWorkspace,
  insertNotifications,
  insertPerson,
  listDeliveries,
  type Person,
  type Workspace,
  writeNotificationPreferences,
} from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { createMailer } from '@treeline/notify';
import { startTestInbox, type TestInbox } from '@treeline/notify/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliverySender } from './delivery-sender';
import { digestKey, runDigests } from './digest-job';

describe('digestKey', () => {
  const daily = { digest: 'daily' as const, timeZone: 'Europe/Berlin', weekStart: 1 };
  it('is due from 07:00 local on each day', () => {
    expect(digestKey(daily, new Date('2026-12-07T05:30:00Z'))).toBeNull(); // 06:30 Berlin
    expect(digestKey(daily, new Date('2026-12-07T06:00:00Z'))).toBe('daily:2026-12-07');
    expect(digestKey(daily, new Date('2026-12-07T23:30:00Z'))).toBeNull(); // 00:30 on the 8th
    expect(digestKey(daily, new Date('2026-12-08T10:00:00Z'))).toBe('daily:2026-12-08');
  });
  it('weekly: keyed by the first day of the week, due from its 07:00', () => {
    const weekly = { ...daily, digest: 'weekly' as const };
    // Monday 2026-12-07, 06:30 local: not yet; Wednesday: this week's key.
    expect(digestKey(weekly, new Date('2026-12-07T05:30:00Z'))).toBeNull();
    expect(digestKey(weekly, new Date('2026-12-09T12:00:00Z'))).toBe('weekly:2026-12-07');
    expect(digestKey({ ...weekly, weekStart: 7 }, new Date('2026-12-09T12:00:00Z'))).toBe(
      'weekly:2026-12-06',
    );
  });
});

describe.each(databaseKindsUnderTest())('the digest job on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let ines: Person;
  let olaf: Person;
  let inbox: TestInbox;
  let sender: DeliverySender;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'digest', name: 'Digest Co', time_zone: 'UTC' });
    ines = await insertPerson(t.db, ws.id, {
      name: 'Ines',
      email: 'ines@example.com',
      role: 'viewer',
    });
    olaf = await insertPerson(t.db, ws.id, {
      name: 'Olaf',
      email: 'olaf@example.com',
      role: 'viewer',
    });
    await writeNotificationPreferences(t.db, ws.id, olaf.id, {
      email: true,
      inApp: true,
      digest: 'off',
      quietHours: null,
    });
    inbox = await startTestInbox();
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
    await t.close();
  });

  const informed = (personId: string, title: string) => ({
    workspaceId: ws.id,
    personId,
    kind: 'alert',
    role: 'informed',
    title,
    body: `${title}: see the branch.`,
    link: '/trees/t1?node=n1',
  });

  it('emails each waiting item once, in one digest per key', { timeout: 60_000 }, async () => {
    await insertNotifications(t.db, [
      informed(ines.id, 'Emails per contact fell 33%'),
      informed(ines.id, 'Calls per contact rose 12%'),
      informed(olaf.id, 'Not for a digest: Olaf turned it off'),
      { ...informed(ines.id, 'Sent to her directly'), role: 'to' },
    ]);
    const morning = new Date('2026-12-07T08:00:00Z');
    expect(
      await runDigests(t.db, { now: morning, publicUrl: 'https://treeline.example.com' }),
    ).toBe(1);
    expect(await runDigests(t.db, { now: morning })).toBe(0);
    const mail = await inbox.next('ines@example.com');
    expect(mail.subject).toBe('Treeline digest: 2 updates in Digest Co');
    expect(mail.text).toContain('Emails per contact fell 33%');
    expect(mail.text).toContain('Calls per contact rose 12%');
    expect(mail.text).toContain('https://treeline.example.com/#/trees/t1?node=n1');
    expect(mail.text).not.toContain('Sent to her directly');

    // Later the same day: the new item waits for tomorrow's digest.
    await insertNotifications(t.db, [informed(ines.id, 'Meetings per contact fell 20%')]);
    expect(await runDigests(t.db, { now: new Date('2026-12-07T15:00:00Z') })).toBe(0);
    expect(await runDigests(t.db, { now: new Date('2026-12-08T07:05:00Z') })).toBe(1);
    const digests = (await listDeliveries(t.db, ws.id)).filter((d) => d.event_type === 'digest');
    expect(digests.map((d) => [d.target, d.source_key]).sort()).toEqual([
      ['ines@example.com', `digest:${ines.id}:daily:2026-12-07`],
      ['ines@example.com', `digest:${ines.id}:daily:2026-12-08`],
    ]);
    expect(inbox.received.filter((m) => m.to.includes('olaf@example.com'))).toEqual([]);
  });
});
