import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ExcludedReason } from '../schema/database';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { exclusionReasonByRules, markActivityExclusions } from './mark-activity-exclusions';

const T = Date.parse('2026-03-02T15:00:00Z');
const at = (seconds: number) => new Date(T + seconds * 1000);
const DAY = 86_400;

interface Row {
  key: string;
  contact: 'c1' | 'c2' | 'c3' | null;
  rep: 'r1' | 'r2' | null;
  channel: Channel;
  seconds: number;
  source?: string;
  deleted?: boolean;
  system?: boolean;
  automated?: boolean;
}

/**
 * 21 activities, tolerance 120 s (the default). Reasons worked out by hand:
 * - c1/r1/call is a chain a1 (0 s), a2 (5), a3 (120), a4 (121), a5 (200): a1 counted; a2 and
 *   a3 within 120 s of a1 (a3 exactly at the tolerance: a duplicate, the bound is inclusive);
 *   a4 is 121 s after a1, the latest counted row, so it is counted although it is 1 s after
 *   the duplicate a3; a5 is 79 s after a4: duplicate.
 * - a6 (other channel), a7 (other rep), a8 (other contact): counted.
 * - a9 has a8's contact, rep, channel and instant: the tie goes to the lower id, a8.
 * - a10 deleted; a11 30 s after it is counted, because a deleted row anchors nothing.
 * - a12 no contact; a13 no contact and deleted: deleted wins.
 * - a14 note; a15 note and system-generated: internal_note wins; a16 system event.
 * - a17, a task 30 s after the system event a16: counted.
 * - a18 automated sequence email: counted (automation is a query-time policy); a19 its
 *   re-log 60 s later under another id of the same source system: duplicate.
 * - a20, a21: no rep (null matches null), 60 s apart: a21 duplicate.
 * => counted 9, duplicate 6, deleted 2, no_contact 1, internal_note 2, system_event 1.
 */
const FIXTURE: Row[] = [
  { key: 'a1', contact: 'c1', rep: 'r1', channel: 'call', seconds: 0 },
  { key: 'a2', contact: 'c1', rep: 'r1', channel: 'call', seconds: 5, source: 'aircall' },
  { key: 'a3', contact: 'c1', rep: 'r1', channel: 'call', seconds: 120, source: 'salesforce' },
  { key: 'a4', contact: 'c1', rep: 'r1', channel: 'call', seconds: 121 },
  { key: 'a5', contact: 'c1', rep: 'r1', channel: 'call', seconds: 200, source: 'aircall' },
  { key: 'a6', contact: 'c1', rep: 'r1', channel: 'email', seconds: 3 },
  { key: 'a7', contact: 'c1', rep: 'r2', channel: 'call', seconds: 2 },
  { key: 'a8', contact: 'c2', rep: 'r1', channel: 'call', seconds: 10 },
  { key: 'a9', contact: 'c2', rep: 'r1', channel: 'call', seconds: 10, source: 'salesforce' },
  { key: 'a10', contact: 'c2', rep: 'r1', channel: 'meeting', seconds: -30, deleted: true },
  { key: 'a11', contact: 'c2', rep: 'r1', channel: 'meeting', seconds: 0 },
  { key: 'a12', contact: null, rep: 'r1', channel: 'call', seconds: 0 },
  { key: 'a13', contact: null, rep: 'r1', channel: 'call', seconds: 40, deleted: true },
  { key: 'a14', contact: 'c3', rep: 'r1', channel: 'note', seconds: 0 },
  { key: 'a15', contact: 'c3', rep: 'r1', channel: 'note', seconds: 1, system: true },
  { key: 'a16', contact: 'c3', rep: 'r1', channel: 'task', seconds: 0, system: true },
  { key: 'a17', contact: 'c3', rep: 'r1', channel: 'task', seconds: 30 },
  { key: 'a18', contact: 'c3', rep: 'r1', channel: 'email', seconds: DAY, automated: true },
  { key: 'a19', contact: 'c3', rep: 'r1', channel: 'email', seconds: DAY + 60, automated: true },
  { key: 'a20', contact: 'c3', rep: null, channel: 'call', seconds: 0 },
  { key: 'a21', contact: 'c3', rep: null, channel: 'call', seconds: 60 },
];

const EXPECTED: Record<string, ExcludedReason | null> = {
  a1: null,
  a2: 'duplicate',
  a3: 'duplicate',
  a4: null,
  a5: 'duplicate',
  a6: null,
  a7: null,
  a8: null,
  a9: 'duplicate',
  a10: 'deleted',
  a11: null,
  a12: 'no_contact',
  a13: 'deleted',
  a14: 'internal_note',
  a15: 'internal_note',
  a16: 'system_event',
  a17: null,
  a18: null,
  a19: 'duplicate',
  a20: null,
  a21: 'duplicate',
};

describe.each(databaseKindsUnderTest())('markActivityExclusions on %s', (kind) => {
  let t: TestDatabase;
  let slug = 0;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t.close());

  async function insertRows(workspaceId: string, ids: Record<string, number>, rows: Row[]) {
    await t.db
      .insertInto('activities')
      .values(
        rows.map((r) => ({
          workspace_id: workspaceId,
          external_id: r.key,
          source_system: r.source ?? 'hubspot',
          contact_id: r.contact ? ids[r.contact] : null,
          rep_id: r.rep ? ids[r.rep] : null,
          channel: r.channel,
          occurred_at: at(r.seconds),
          direction: 'outbound' as const,
          automated: r.automated ?? false,
          system_generated: r.system ?? false,
          deleted_at: r.deleted ? at(r.seconds + 3600) : null,
          excluded_reason: null,
        })),
      )
      .execute();
  }

  /** A workspace holding FIXTURE, inserted in array order (so ids ascend with it). */
  async function seedFixture() {
    const ws = await t.db
      .insertInto('workspaces')
      .values({ slug: `fixture-${++slug}`, name: 'Fixture' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reps = await t.db
      .insertInto('reps')
      .values(
        ['r1', 'r2'].map((external_id) => ({
          workspace_id: ws.id,
          external_id,
          name: external_id,
          team: null,
          segment: null,
          person_id: null,
          active_from: null,
          active_to: null,
        })),
      )
      .returning(['id', 'external_id'])
      .execute();
    const contacts = await t.db
      .insertInto('contacts')
      .values(
        ['c1', 'c2', 'c3'].map((external_id) => ({
          workspace_id: ws.id,
          external_id,
          created_at: at(-DAY),
          qualified_at: null,
          customer_at: null,
          lifecycle_stage: 'lead' as const,
          source: null,
          segment: null,
          owner_rep_id: null,
          account: null,
          deleted_at: null,
        })),
      )
      .returning(['id', 'external_id'])
      .execute();
    const ids: Record<string, number> = {};
    for (const row of [...reps, ...contacts]) ids[row.external_id] = Number(row.id);
    await insertRows(ws.id, ids, FIXTURE);
    return { workspaceId: ws.id, ids };
  }

  async function reasons(workspaceId: string): Promise<Record<string, ExcludedReason | null>> {
    const rows = await t.db
      .selectFrom('activities')
      .select(['external_id', 'excluded_reason'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.external_id, r.excluded_reason]));
  }

  const setDeleted = (workspaceId: string, key: string, deleted: boolean) =>
    t.db
      .updateTable('activities')
      .set({ deleted_at: deleted ? at(7200) : null })
      .where('workspace_id', '=', workspaceId)
      .where('external_id', '=', key)
      .execute();

  it('gives every activity exactly one reason, by precedence, as worked out by hand', async () => {
    const { workspaceId } = await seedFixture();
    const counts = await markActivityExclusions(t.db, workspaceId);
    expect(await reasons(workspaceId)).toEqual(EXPECTED);
    expect(counts).toEqual({
      counted: 9,
      excluded: { deleted: 2, no_contact: 1, internal_note: 2, system_event: 1, duplicate: 6 },
      changed: 12,
    });
  });

  it('is idempotent: a second pass changes nothing', async () => {
    const { workspaceId } = await seedFixture();
    const first = await markActivityExclusions(t.db, workspaceId);
    const second = await markActivityExclusions(t.db, workspaceId);
    expect(second).toEqual({ ...first, changed: 0 });
    expect(await reasons(workspaceId)).toEqual(EXPECTED);
  });

  /** The marks after a10 is undeleted and a1 deleted (worked out in the test below). */
  const A10_UNDELETED_A1_DELETED: Record<string, ExcludedReason | null> = {
    ...EXPECTED,
    a10: null,
    a11: 'duplicate',
    a1: 'deleted',
    a2: null,
    a3: 'duplicate',
    a4: 'duplicate',
    a5: null,
  };

  it('resets rows that no longer qualify and re-anchors their duplicates', async () => {
    const { workspaceId } = await seedFixture();
    await markActivityExclusions(t.db, workspaceId);

    // Undeleting a10 (30 s before a11) makes it the counted meeting and a11 its duplicate.
    await setDeleted(workspaceId, 'a10', false);
    let counts = await markActivityExclusions(t.db, workspaceId);
    expect(counts.changed).toBe(2);
    expect(await reasons(workspaceId)).toEqual({ ...EXPECTED, a10: null, a11: 'duplicate' });

    // Deleting a1 makes a2 (5 s) the anchor: a3 (115 s after it) and a4 (116 s) become
    // duplicates, and a5 (195 s) is counted.
    await setDeleted(workspaceId, 'a1', true);
    counts = await markActivityExclusions(t.db, workspaceId);
    expect(counts.changed).toBe(4);
    expect(await reasons(workspaceId)).toEqual(A10_UNDELETED_A1_DELETED);
    expect(counts).toMatchObject({
      counted: 9,
      excluded: { deleted: 2, no_contact: 1, internal_note: 2, system_event: 1, duplicate: 6 },
    });
  });

  it('gives the same marks when the writer stored the row-level reasons (as imports do)', async () => {
    const { workspaceId } = await seedFixture();
    const storeRowReasons = (keys: string[] | null) =>
      sql`update activities a set excluded_reason = ${exclusionReasonByRules('a')}
        where a.workspace_id = ${workspaceId}
          ${keys ? sql`and a.external_id in (${sql.join(keys)})` : sql``}`.execute(t.db);
    const stored = { rowReasonsStored: true };
    await storeRowReasons(null);
    const first = await markActivityExclusions(t.db, workspaceId, stored);
    expect(await reasons(workspaceId)).toEqual(EXPECTED);
    expect(first.changed).toBe(6);
    expect((await markActivityExclusions(t.db, workspaceId, stored)).changed).toBe(0);

    // As an import writes them: a10 undeleted, a1 deleted, each with its row-level reason.
    await setDeleted(workspaceId, 'a10', false);
    await setDeleted(workspaceId, 'a1', true);
    await storeRowReasons(['a1', 'a10']);
    const counts = await markActivityExclusions(t.db, workspaceId, stored);
    expect(await reasons(workspaceId)).toEqual(A10_UNDELETED_A1_DELETED);
    expect(counts.changed).toBe(4);
  });

  it("follows the workspace's tolerance; at 0 only identical instants are duplicates", async () => {
    const { workspaceId } = await seedFixture();
    await markActivityExclusions(t.db, workspaceId);
    await t.db
      .updateTable('workspaces')
      .set({ duplicate_tolerance_seconds: 0 })
      .where('id', '=', workspaceId)
      .execute();
    const counts = await markActivityExclusions(t.db, workspaceId);
    const expected = { ...EXPECTED, a2: null, a3: null, a5: null, a19: null, a21: null };
    expect(await reasons(workspaceId)).toEqual(expected);
    expect(counts).toEqual({
      counted: 14,
      excluded: { deleted: 2, no_contact: 1, internal_note: 2, system_event: 1, duplicate: 1 },
      changed: 5,
    });
  });

  it('re-marks only rows from `since` on, anchored by the counted rows just before it', async () => {
    const { workspaceId, ids } = await seedFixture();
    await markActivityExclusions(t.db, workspaceId);
    // a22 is 100 s after the counted a18 (a duplicate); a23 is 125 s after a18 (counted)
    // even though it is 65 s after the duplicate a19.
    await insertRows(workspaceId, ids, [
      { key: 'a22', contact: 'c3', rep: 'r1', channel: 'email', seconds: DAY + 100 },
      { key: 'a23', contact: 'c3', rep: 'r1', channel: 'email', seconds: DAY + 125 },
    ]);
    // A stale mark before `since` stays as it is: the pass does not look there.
    await sql`update activities set excluded_reason = null where workspace_id = ${workspaceId} and external_id = 'a14'`.execute(
      t.db,
    );
    const counts = await markActivityExclusions(t.db, workspaceId, { since: at(DAY + 30) });
    expect(counts.changed).toBe(1);
    expect(await reasons(workspaceId)).toEqual({
      ...EXPECTED,
      a14: null,
      a22: 'duplicate',
      a23: null,
    });

    const full = await markActivityExclusions(t.db, workspaceId);
    expect(full.changed).toBe(1);
    expect(await reasons(workspaceId)).toEqual({ ...EXPECTED, a22: 'duplicate', a23: null });
  });

  it('leaves other workspaces alone', async () => {
    const mine = await seedFixture();
    const theirs = await seedFixture();
    await markActivityExclusions(t.db, mine.workspaceId);
    const untouched = await reasons(theirs.workspaceId);
    expect(Object.values(untouched).every((r) => r === null)).toBe(true);
    await expect(
      markActivityExclusions(t.db, '00000000-0000-0000-0000-000000000000'),
    ).rejects.toThrow(/does not exist/);
  });
});
