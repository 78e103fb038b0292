// Notification preferences as the outbox and the inbox apply them: email off drops an email
// to the person, quiet hours hold it until they end (in the workspace time zone), in-app off
// adds notifications already read; the digest takes each waiting item once; a person's
// branches come with their values and open alerts. On PGlite and PostgreSQL.
import { ACTIVITY_PER_CONTACT_TEMPLATE } from '@treeline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAlerts } from '../alerts/alert.repository';
import { listMyBranches } from '../alerts/my-branches';
import { insertMetricsFixture } from '../metrics/metrics-fixture.test-helpers';
import type { Person, Workspace } from '../schema/database';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { createTreeFromTemplate } from '../trees/tree.repository';
import { insertPerson } from '../workspaces/person.repository';
import { enqueueDeliveries, listDeliveries } from './delivery.repository';
import { digestRecipients, takeDigestItems } from './digest.repository';
import { insertNotifications, listInbox } from './notification.repository';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  readNotificationPreferences,
  writeNotificationPreferences,
} from './preferences.repository';

describe.each(databaseKindsUnderTest())('notification preferences on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let ana: Person;
  let ben: Person;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = (await insertMetricsFixture(t.db, 'prefs')).workspace;
    ana = await insertPerson(t.db, ws.id, {
      name: 'Ana',
      email: 'Ana@example.com',
      role: 'viewer',
    });
    ben = await insertPerson(t.db, ws.id, {
      name: 'Ben',
      email: 'ben@example.com',
      role: 'editor',
    });
  });
  afterAll(() => t.close());

  const email = (target: string, sourceKey: string, personId?: string) => ({
    workspaceId: ws.id,
    channel: 'email' as const,
    target,
    eventType: 'alert.raised',
    sourceKey,
    payload: { subject: 's', text: 't' },
    ...(personId ? { personId } : {}),
  });

  it('reads the defaults for a person who never chose, and writes choices', async () => {
    expect(await readNotificationPreferences(t.db, ws.id, ana.id)).toEqual(
      DEFAULT_NOTIFICATION_PREFERENCES,
    );
    const saved = await writeNotificationPreferences(t.db, ws.id, ana.id, {
      email: true,
      inApp: false,
      digest: 'weekly',
      quietHours: { startMinute: 22 * 60, endMinute: 7 * 60 },
    });
    expect(saved.digest).toBe('weekly');
    expect(await readNotificationPreferences(t.db, ws.id, ana.id)).toEqual(saved);
  });

  it('holds an email inside quiet hours until they end, found by the address alone', async () => {
    const zone = ws.time_zone;
    // 23:00 local on some day: quiet until 07:00 local the next morning.
    const now = new Date('2026-12-07T12:00:00Z');
    const { startOfLocalDay, localDateAt, addDays } = await import('@treeline/core');
    const today = localDateAt(now.getTime(), zone);
    const late = new Date(startOfLocalDay(today, zone) + 23 * 3_600_000);
    const morning = new Date(startOfLocalDay(addDays(today, 1), zone) + 7 * 3_600_000);
    expect(await enqueueDeliveries(t.db, [email('ana@example.com', 'q:1')], { now: late })).toBe(1);
    const [row] = (await listDeliveries(t.db, ws.id)).filter((d) => d.source_key === 'q:1');
    expect(row!.next_attempt_at.toISOString()).toBe(morning.toISOString());
    // Outside quiet hours: due at once.
    const noon = new Date(startOfLocalDay(today, zone) + 12 * 3_600_000);
    await enqueueDeliveries(t.db, [email('ana@example.com', 'q:2', ana.id)], { now: noon });
    const [row2] = (await listDeliveries(t.db, ws.id)).filter((d) => d.source_key === 'q:2');
    expect(row2!.next_attempt_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('drops an email to a person who turned email off, and only theirs', async () => {
    await writeNotificationPreferences(t.db, ws.id, ben.id, {
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      email: false,
    });
    const added = await enqueueDeliveries(t.db, [
      email('ben@example.com', 'off:1'),
      email('someone@else.example', 'off:1'),
      { ...email('x', 'off:1'), channel: 'webhook' as const, target: 'hook-id' },
    ]);
    expect(added).toBe(2);
    const targets = (await listDeliveries(t.db, ws.id))
      .filter((d) => d.source_key === 'off:1')
      .map((d) => d.target)
      .sort();
    expect(targets).toEqual(['hook-id', 'someone@else.example']);
    await writeNotificationPreferences(t.db, ws.id, ben.id, DEFAULT_NOTIFICATION_PREFERENCES);
  });

  it('adds notifications read for a person with in-app off, and records the event', async () => {
    const before = await t.db.selectFrom('domain_events').select('id').execute();
    await insertNotifications(t.db, [
      {
        workspaceId: ws.id,
        personId: ana.id,
        kind: 'alert',
        role: 'informed',
        title: 'A',
        body: 'a',
        link: null,
      },
      {
        workspaceId: ws.id,
        personId: ben.id,
        kind: 'alert',
        role: 'informed',
        title: 'B',
        body: 'b',
        link: null,
      },
    ]);
    expect((await listInbox(t.db, ws.id, ana.id)).unread).toBe(0);
    expect((await listInbox(t.db, ws.id, ben.id)).unread).toBe(1);
    const events = await t.db
      .selectFrom('domain_events')
      .select(['type', 'payload'])
      .where('id', 'not in', before.length ? before.map((e) => e.id) : [-1])
      .execute();
    expect(events.map((e) => e.type)).toEqual(['notifications.added']);
    expect([...(events[0]!.payload as { personIds: string[] }).personIds].sort()).toEqual(
      [ana.id, ben.id].sort(),
    );
  });

  it('takes waiting digest items once per key', async () => {
    const recipients = await digestRecipients(t.db);
    // Ana's item was added read (in-app off): only Ben's waits.
    expect(recipients.map((r) => r.personId)).toEqual([ben.id]);
    const take = () =>
      t.db
        .transaction()
        .execute((trx) => takeDigestItems(trx, recipients[0]!, 'daily:x', 'digest:ben:daily:x'));
    const items = await take();
    expect(items.map((i) => i.title)).toEqual(['B']);
    expect(await take()).toEqual([]);
    expect(await digestRecipients(t.db)).toEqual([]);
  });

  it("lists a person's branches with values and open alerts", async () => {
    const treeId = await createTreeFromTemplate(t.db, ws.id, ACTIVITY_PER_CONTACT_TEMPLATE, {
      root: { accountable: ana.id },
      email: { accountable: ben.id, responsible: [ana.id] },
    });
    const nodes = await t.db
      .selectFrom('tree_nodes')
      .select(['id', 'label'])
      .where('tree_id', '=', treeId)
      .execute();
    const emails = nodes.find((n) => n.label === 'Emails per contact')!;
    await insertAlerts(t.db, [
      {
        workspaceId: ws.id,
        treeId,
        nodeId: emails.id,
        grain: 'week',
        periodStart: new Date('2026-11-02T05:00:00Z'),
        periodEnd: new Date('2026-11-09T05:00:00Z'),
        direction: 'down',
        tone: 'bad',
        title: 'Emails per contact fell',
        summary: 's',
        detection: {},
        routing: {},
        routedNodeId: emails.id,
        accountableId: ben.id,
        backfilled: false,
        escalateAt: null,
      },
    ]);
    const mine = await listMyBranches(t.db, ws, ana.id);
    expect(mine.period?.grain).toBe('week');
    expect(mine.branches.map((b) => [b.label, b.roles, b.openAlerts])).toEqual([
      ['Activity volume per contact', ['accountable'], 0],
      ['Emails per contact', ['responsible'], 1],
    ]);
    expect(mine.branches[0]!.interventions).toEqual([]);
    expect((await listMyBranches(t.db, ws, ben.id)).branches).toHaveLength(1);
  });
});
