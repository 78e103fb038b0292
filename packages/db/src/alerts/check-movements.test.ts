/**
 * The movement-alert engine on the demo workspace (docs/product.md §5): a fresh seed and the
 * engine's first run give exactly one open alert for the last complete week (the planted
 * email outage of two teams), routed to the emails branch's Accountable, with history
 * backfilled (Team A's September call cadence step-up among it) and never sent; a second
 * run writes nothing; an unacknowledged alert escalates to the parent branch's Accountable.
 */
import { lastCompletePeriod } from '@treeline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWebhookEndpoint } from '../delivery/webhook-endpoint.repository';
import { demoCadenceChange, demoSequencingOutage } from '../demo';
import type { Workspace } from '../schema/database';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { loadTree } from '../trees/tree.repository';
import { ensureDemoWorkspace } from '../workspaces/seed-demo-workspace';
import { listAlerts } from './alert.repository';
import { checkWorkspaceMovements, escalateDueAlerts } from './check-movements';

const END = new Date('2026-11-25T17:00:00Z');
const SEED = 20261123;

describe.each(databaseKindsUnderTest())('movement alerts on the demo (%s)', (kind) => {
  let t: TestDatabase;
  let workspace: Workspace;
  let first: Awaited<ReturnType<typeof checkWorkspaceMovements>>;
  const person = async (email: string) =>
    (
      await t.db
        .selectFrom('people')
        .select('id')
        .where('workspace_id', '=', workspace.id)
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  const deliveries = () =>
    t.db.selectFrom('deliveries').selectAll().where('workspace_id', '=', workspace.id).execute();

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ({ workspace } = await ensureDemoWorkspace(t.db, { end: END, seed: SEED }));
    await insertWebhookEndpoint(t.db, {
      workspaceId: workspace.id,
      name: 'Slack',
      url: 'http://127.0.0.1:9/hook',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      events: ['alert.raised'],
    });
    first = await checkWorkspaceMovements(t.db, workspace.id, { now: END });
  }, 240_000);
  afterAll(() => t?.close());

  it('raises exactly one open alert for the last complete week, routed to the emails branch owner', async () => {
    const week = lastCompletePeriod(END, 'week', { timeZone: workspace.time_zone });
    expect(demoSequencingOutage({ seed: SEED, end: END }).startsAt.toISOString()).toBe(week.start);
    const inWeek = (await listAlerts(t.db, workspace.id, { includeBackfilled: true })).filter(
      (a) => a.period_start.toISOString() === week.start,
    );
    expect(inWeek).toHaveLength(1);
    const [alert] = inWeek;
    const tree = (await loadTree(t.db, workspace.id, alert!.tree_id))!;
    const label = (id: string) => tree.nodes.find((n) => n.id === id)?.label;
    expect(alert).toMatchObject({
      backfilled: false,
      status: 'open',
      direction: 'down',
      tone: 'bad',
    });
    expect(label(alert!.routed_node_id)).toBe('Emails per contact');
    const priya = await person('priya.nair@example.com');
    const maya = await person('maya.chen@example.com');
    expect(alert!.accountable_id).toBe(priya);
    expect(alert!.accountable_id).not.toBe(maya);
    expect(alert!.title).toMatch(/^Emails per contact fell \d+% in W47 2026$/);
    expect(alert!.summary).toMatch(/against a baseline of .* \(the median of the last 13 weeks\)/);
    expect(alert!.summary).toMatch(/robust z-score of -\d/);
    expect(alert!.summary).toMatch(/Accountable: Priya Nair\./);
    const open = await listAlerts(t.db, workspace.id, { open: true });
    expect(open.filter((a) => a.grain === 'week').map((a) => a.id)).toEqual([alert!.id]);
  });

  it("keeps history as backfilled alerts, Team A's September call cadence step-up among them", async () => {
    const cadence = demoCadenceChange({ seed: SEED, end: END });
    const all = await listAlerts(t.db, workspace.id, { includeBackfilled: true });
    const tree = (await loadTree(t.db, workspace.id, all[0]!.tree_id))!;
    const onCalls = (nodeId: string) =>
      tree.nodes.find((n) => n.id === nodeId)?.filter.channel === 'call';
    const from = cadence.startsAt.getTime();
    const stepUp = all.filter(
      (a) =>
        a.backfilled &&
        a.direction === 'up' &&
        onCalls(a.routed_node_id) &&
        a.period_start.getTime() >= from &&
        a.period_start.getTime() < from + 28 * 86_400_000,
    );
    expect(stepUp.length).toBeGreaterThan(0);
    // Weekly, and monthly for the demo's rare-event rates (their own alert rules).
    expect(first.trees.map((r) => r.grain)).toEqual(['week', 'month']);
    expect(first.trees[0]).toMatchObject({ backfill: true, sent: 1, unevaluated: [] });
    const weekly = all.filter((a) => a.grain === 'week');
    expect(first.trees[0]!.backfilled).toBe(weekly.length - 1);
  });

  it('tells the owners: inbox for Accountable (to), Responsible (cc), Informed (digest); email and a webhook, and nothing for history', async () => {
    const [alert] = await listAlerts(t.db, workspace.id, { open: true });
    const notes = await t.db
      .selectFrom('notifications')
      .select(['person_id', 'role', 'alert_id'])
      .where('workspace_id', '=', workspace.id)
      .execute();
    expect(notes.every((n) => n.alert_id === alert!.id)).toBe(true);
    expect(notes.map((n) => n.role).sort()).toEqual(['cc', 'to']);
    expect(notes.find((n) => n.role === 'to')?.person_id).toBe(
      await person('priya.nair@example.com'),
    );
    const sent = await deliveries();
    expect(sent.every((d) => d.source_key.startsWith(`alert:${alert!.id}`))).toBe(true);
    const email = sent.filter((d) => d.channel === 'email');
    expect(email.map((d) => d.target).sort()).toEqual([
      'jordan.reyes@example.com',
      'priya.nair@example.com',
    ]);
    const mail = email[0]!.payload as { subject: string; text: string; html: string };
    expect(mail.subject).toMatch(/^\[Treeline\] Emails per contact fell/);
    expect(mail.text).toMatch(/#\/trees\/.+\?grain=week&at=2026-11-16&node=/);
    expect(mail.html).toMatch(/<h2[^>]*>Emails per contact fell/);
    const hooks = sent.filter((d) => d.channel === 'webhook');
    expect(hooks).toHaveLength(1);
    const body = (
      hooks[0]!.payload as { body: { text: string; alert: { routedNodeLabel: string } } }
    ).body;
    expect(body.text).toMatch(/Emails per contact fell .*Accountable: Priya Nair/);
    expect(body.alert.routedNodeLabel).toBe('Emails per contact');
  });

  it('writes nothing on a second run', async () => {
    const before = (await deliveries()).length;
    const again = await checkWorkspaceMovements(t.db, workspace.id, { now: END });
    expect(again.trees[0]).toMatchObject({ backfill: false, inserted: 0, deliveries: 0 });
    expect(await deliveries()).toHaveLength(before);
  });

  it("escalates an unacknowledged alert to the parent branch's Accountable, once", async () => {
    const [alert] = await listAlerts(t.db, workspace.id, { open: true });
    expect(alert!.escalate_at!.getTime()).toBeGreaterThan(END.getTime());
    expect(await escalateDueAlerts(t.db, { now: END })).toBe(0);
    const later = new Date(alert!.escalate_at!.getTime() + 1000);
    expect(await escalateDueAlerts(t.db, { now: later })).toBe(1);
    expect(await escalateDueAlerts(t.db, { now: later })).toBe(0);
    const maya = await person('maya.chen@example.com');
    const [escalated] = await listAlerts(t.db, workspace.id, { open: true });
    expect(escalated).toMatchObject({ escalated_to: maya });
    const note = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('workspace_id', '=', workspace.id)
      .where('role', '=', 'escalation')
      .execute();
    expect(note.map((n) => n.person_id)).toEqual([maya]);
    expect((await deliveries()).some((d) => d.target === 'maya.chen@example.com')).toBe(true);
  });
});
