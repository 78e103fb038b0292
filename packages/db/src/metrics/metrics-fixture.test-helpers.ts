/**
 * A small, hand-counted CRM in Europe/Berlin for the metric engine's tests: 4 reps in two
 * teams with capacity, 11 contacts from 3 sources (one deleted), 31 activities (automated,
 * excluded, inbound, outside the months, across month edges) and 9 deals, over Jan–Mar 2026.
 * Every expected value in the tests is worked out from the tables below.
 *
 * Months in Berlin (CET +01:00; CEST +02:00 from 29 Mar):
 *   Jan = [2025-12-31T23:00Z, 2026-01-31T23:00Z)  Feb = [.., 2026-02-28T23:00Z)
 *   Mar = [.., 2026-03-31T22:00Z)
 */
import { type Period, periodsBetween } from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database, NewActivity, Workspace } from '../schema/database';
import { createWorkspace } from '../workspaces/workspace.repository';

export const FIXTURE_TIME_ZONE = 'Europe/Berlin';

/** Jan, Feb and Mar 2026 in Berlin. */
export const FIXTURE_MONTHS: Period[] = periodsBetween(
  '2026-01-01T00:00:00+01:00',
  '2026-04-01T00:00:00+02:00',
  'month',
  { timeZone: FIXTURE_TIME_ZONE },
);

export interface MetricsFixture {
  workspace: Workspace;
  reps: Record<'R1' | 'R2' | 'R3' | 'R4', number>;
  contacts: Record<string, number>;
}

/**
 * Reps: R1, R2 in team A; R3, R4 in team B.
 * Capacity (selling hours; local days):
 *   Jan: R1 6 + 6, R2 5, R3 4                     = 21 (reps R1 R2 R3)
 *   Feb: R1 6, R2 6 (+ a 0-hour day), R3 4, R4 8  = 24 (reps R1 R2 R3 R4)
 *   Mar: R1 5, R3 5                               = 10 (reps R1 R3)
 *
 * Contacts (created / qualified / customer; source; segment; owner; industry):
 *   C10 2025-10-01 / 2025-10-05 / 2025-12-20  referral  enterprise R2
 *   C1  2025-11-10 / 2025-11-20 / 2026-01-15  referral  smb        R1 saas
 *   C2  2025-12-01 / 2025-12-05 / –           referral  smb        R1 retail
 *   C3  2026-01-05 / 2026-01-10 / 2026-02-20  webinar   mid_market R2 saas
 *   C4  2026-01-12 / 2026-01-31T23:30Z (1 Feb 00:30 local) / –  webinar smb R2
 *   C5  2026-01-20 / – / –                    outbound  enterprise R3
 *   C6  2026-02-03 / 2026-02-10 / 2026-03-05  outbound  enterprise R3 retail
 *   C7  2026-02-15 / 2026-03-02 / –           referral  mid_market R4
 *   C8  2026-03-03 / 2026-03-04 / 2026-03-25  webinar   smb        R1 saas
 *   C9  2026-03-10 / – / –                    outbound  smb        R3
 *   C11 2026-01-08 / 2026-01-09 / –           deleted: never counted
 *   (created at 09:00Z, qualified and customer at 12:00Z unless given)
 */
export async function insertMetricsFixture(
  db: Kysely<Database>,
  slug = 'metrics-fixture',
): Promise<MetricsFixture> {
  const workspace = await createWorkspace(db, {
    slug,
    name: 'Metrics Fixture',
    time_zone: FIXTURE_TIME_ZONE,
  });
  const ws = workspace.id;
  const repRows = await db
    .insertInto('reps')
    .values(
      (
        [
          ['R1', 'A'],
          ['R2', 'A'],
          ['R3', 'B'],
          ['R4', 'B'],
        ] as const
      ).map(([external_id, team]) => ({
        workspace_id: ws,
        external_id,
        name: `Rep ${external_id}`,
        team,
        segment: team === 'A' ? 'smb' : 'enterprise',
        person_id: null,
        active_from: null,
        active_to: null,
      })),
    )
    .returning(['id', 'external_id'])
    .execute();
  const reps = Object.fromEntries(
    repRows.map((r) => [r.external_id, r.id]),
  ) as MetricsFixture['reps'];

  await db
    .insertInto('capacity')
    .values(
      (
        [
          ['R1', '2026-01-05', 6],
          ['R1', '2026-01-06', 6],
          ['R2', '2026-01-07', 5],
          ['R3', '2026-01-08', 4],
          ['R1', '2026-02-02', 6],
          ['R2', '2026-02-03', 6],
          ['R2', '2026-02-06', 0],
          ['R3', '2026-02-04', 4],
          ['R4', '2026-02-05', 8],
          ['R1', '2026-03-02', 5],
          ['R3', '2026-03-03', 5],
        ] as const
      ).map(([rep, day, hours]) => ({
        workspace_id: ws,
        rep_id: reps[rep],
        day,
        selling_hours: hours,
        admin_hours: 2,
      })),
    )
    .execute();

  type ContactRow = [
    ext: string,
    created: string,
    qualified: string | null,
    customer: string | null,
    source: string,
    segment: 'smb' | 'mid_market' | 'enterprise',
    owner: keyof MetricsFixture['reps'],
    industry?: string,
  ];
  const contactRows: ContactRow[] = [
    ['C10', '2025-10-01', '2025-10-05', '2025-12-20', 'referral', 'enterprise', 'R2'],
    ['C1', '2025-11-10', '2025-11-20', '2026-01-15', 'referral', 'smb', 'R1', 'saas'],
    ['C2', '2025-12-01', '2025-12-05', null, 'referral', 'smb', 'R1', 'retail'],
    ['C3', '2026-01-05', '2026-01-10', '2026-02-20', 'webinar', 'mid_market', 'R2', 'saas'],
    ['C4', '2026-01-12', '2026-01-31T23:30:00Z', null, 'webinar', 'smb', 'R2'],
    ['C5', '2026-01-20', null, null, 'outbound', 'enterprise', 'R3'],
    ['C6', '2026-02-03', '2026-02-10', '2026-03-05', 'outbound', 'enterprise', 'R3', 'retail'],
    ['C7', '2026-02-15', '2026-03-02', null, 'referral', 'mid_market', 'R4'],
    ['C8', '2026-03-03', '2026-03-04', '2026-03-25', 'webinar', 'smb', 'R1', 'saas'],
    ['C9', '2026-03-10', null, null, 'outbound', 'smb', 'R3'],
    ['C11', '2026-01-08', '2026-01-09', null, 'webinar', 'smb', 'R1'],
  ];
  const instant = (value: string | null, time: string) =>
    value === null ? null : value.includes('T') ? value : `${value}T${time}Z`;
  const inserted = await db
    .insertInto('contacts')
    .values(
      contactRows.map(([ext, created, qualified, customer, source, segment, owner, industry]) => ({
        workspace_id: ws,
        external_id: ext,
        created_at: instant(created, '09:00:00')!,
        qualified_at: instant(qualified, '12:00:00'),
        customer_at: instant(customer, '12:00:00'),
        lifecycle_stage: customer
          ? ('customer' as const)
          : qualified
            ? ('contact' as const)
            : ('lead' as const),
        source,
        segment,
        owner_rep_id: reps[owner],
        account: null,
        properties: JSON.stringify(industry ? { industry } : {}),
        deleted_at: ext === 'C11' ? '2026-03-01T00:00:00Z' : null,
      })),
    )
    .returning(['id', 'external_id'])
    .execute();
  const contacts = Object.fromEntries(inserted.map((c) => [c.external_id, c.id]));

  let n = 0;
  const activity = (
    contact: string | null,
    rep: keyof MetricsFixture['reps'],
    channel: NewActivity['channel'],
    at: string,
    flags: {
      inbound?: boolean;
      automated?: boolean;
      replied?: boolean;
      meeting?: boolean;
      excluded?: NewActivity['excluded_reason'];
    } = {},
  ): NewActivity => ({
    workspace_id: ws,
    external_id: `A${String(++n).padStart(2, '0')}`,
    contact_id: contact === null ? null : contacts[contact]!,
    rep_id: reps[rep],
    channel,
    occurred_at: at,
    direction: flags.inbound ? 'inbound' : 'outbound',
    automated: flags.automated ?? false,
    replied: flags.replied ?? false,
    meeting_booked: flags.meeting ?? false,
    excluded_reason: flags.excluded ?? null,
    deleted_at: flags.excluded === 'deleted' ? at : null,
  });
  await db
    .insertInto('activities')
    .values([
      // January: 8 counted (A10 excluded; A08 a duplicate; A11 is 1 Feb local).
      activity('C1', 'R1', 'call', '2026-01-06T10:00:00Z', { replied: true }), // A01
      activity('C1', 'R1', 'email', '2026-01-07T10:00:00Z'), // A02
      activity('C2', 'R1', 'call', '2026-01-08T10:00:00Z', { meeting: true }), // A03
      activity('C3', 'R2', 'email', '2026-01-05T10:00:00Z', { replied: true }), // A04: C3 first, 1 h
      activity('C3', 'R2', 'meeting', '2026-01-09T10:00:00Z', { inbound: true }), // A05
      activity('C4', 'R2', 'email', '2026-01-12T09:30:00Z', { automated: true }), // A06: C4 first, 30 min
      activity('C4', 'R2', 'call', '2026-01-12T13:00:00Z', { meeting: true }), // A07: C4 first manual, 4 h
      activity('C5', 'R3', 'call', '2026-01-20T09:10:00Z', { excluded: 'duplicate' }), // A08
      activity('C5', 'R3', 'call', '2026-01-21T09:00:00Z'), // A09: C5 first, 24 h
      activity('C1', 'R1', 'note', '2026-01-10T10:00:00Z', { excluded: 'internal_note' }), // A10
      // February: 8 counted (A17 deleted, A20 without contact).
      activity('C2', 'R3', 'email', '2026-01-31T23:30:00Z', { automated: true }), // A11: 1 Feb 00:30 local
      activity('C6', 'R3', 'call', '2026-02-03T11:00:00Z', { replied: true }), // A12: C6 first, 2 h
      activity('C6', 'R3', 'email', '2026-02-04T10:00:00Z', { automated: true }), // A13
      activity('C7', 'R1', 'call', '2026-02-15T10:00:00Z', { inbound: true }), // A14
      activity('C7', 'R1', 'call', '2026-02-16T15:00:00Z', { meeting: true }), // A15: C7 first, 30 h
      activity('C1', 'R2', 'email', '2026-02-10T10:00:00Z'), // A16
      activity('C1', 'R2', 'email', '2026-02-11T10:00:00Z', { excluded: 'deleted' }), // A17
      activity('C3', 'R2', 'social', '2026-02-12T10:00:00Z', { replied: true }), // A18
      activity('C3', 'R1', 'task', '2026-02-13T10:00:00Z'), // A19
      activity(null, 'R1', 'call', '2026-02-14T10:00:00Z', { excluded: 'no_contact' }), // A20
      // March: 7 counted (A28 is 1 Apr local, A30 a system event).
      activity('C8', 'R1', 'email', '2026-03-03T08:00:00Z'), // A21: before C8 was created
      activity('C8', 'R1', 'call', '2026-03-03T09:15:00Z', { replied: true, meeting: true }), // A22: C8 first, 15 min
      activity('C8', 'R1', 'meeting', '2026-03-05T10:00:00Z', { inbound: true }), // A23
      activity('C6', 'R3', 'call', '2026-03-06T10:00:00Z'), // A24
      activity('C6', 'R3', 'email', '2026-03-07T10:00:00Z', { automated: true, replied: true }), // A25
      activity('C7', 'R3', 'email', '2026-03-08T10:00:00Z'), // A26
      activity('C2', 'R1', 'call', '2026-03-31T21:30:00Z'), // A27: 31 Mar 23:30 CEST
      activity('C2', 'R1', 'call', '2026-03-31T22:30:00Z'), // A28: 1 Apr 00:30 CEST
      activity('C9', 'R2', 'call', '2026-03-10T10:00:00Z', { excluded: 'system_event' }), // A30 (n=29)
      activity('C1', 'R1', 'call', '2025-12-15T10:00:00Z'), // December
      activity('C2', 'R4', 'call', '2026-04-15T10:00:00Z'), // April
    ])
    .execute();

  // Deals (created / closed / outcome; owner): closed per month Jan D1 D2, Feb D3 D4 D5, Mar D6 D7.
  const deal = (
    ext: string,
    contact: string,
    owner: keyof MetricsFixture['reps'],
    created: string,
    closed: string | null,
    outcome: 'won' | 'lost' | null,
    deleted = false,
  ) => ({
    workspace_id: ws,
    external_id: ext,
    contact_id: contacts[contact]!,
    account: null,
    owner_rep_id: reps[owner],
    created_at: `${created}T12:00:00Z`,
    closed_at: closed === null ? null : `${closed}T12:00:00Z`,
    stage: outcome === null ? 'proposal' : outcome === 'won' ? 'closed_won' : 'closed_lost',
    outcome,
    amount: '1000.00',
    deleted_at: deleted ? '2026-03-20T00:00:00Z' : null,
  });
  await db
    .insertInto('deals')
    .values([
      deal('D1', 'C1', 'R1', '2025-12-01', '2026-01-15', 'won'),
      deal('D2', 'C2', 'R1', '2026-01-02', '2026-01-20', 'lost'),
      deal('D3', 'C3', 'R2', '2026-01-10', '2026-02-20', 'won'),
      deal('D4', 'C4', 'R2', '2026-02-01', '2026-02-25', 'lost'),
      deal('D5', 'C5', 'R3', '2026-02-05', '2026-02-26', 'lost'),
      deal('D6', 'C6', 'R3', '2026-02-15', '2026-03-05', 'won'),
      deal('D7', 'C8', 'R1', '2026-03-04', '2026-03-25', 'won'),
      deal('D8', 'C7', 'R4', '2026-03-01', null, null),
      deal('D9', 'C2', 'R1', '2026-03-01', '2026-03-10', 'won', true),
    ])
    .execute();

  return { workspace, reps, contacts };
}
