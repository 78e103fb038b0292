import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markActivityExclusions } from '../counting/mark-activity-exclusions';
import type { ExcludedReason } from '../schema/database';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import type { DemoDataOptions } from './demo-options';
import { generateDemoData } from './generate-demo-data';
import { type DemoEntity, insertDemoData } from './insert-demo-data';

const OPTIONS: DemoDataOptions = {
  seed: 11,
  end: new Date('2026-11-23T05:00:00Z'),
  scale: { reps: 6, contacts: 300, activities: 4_000 },
  batchSize: 1_500,
};

describe.each(databaseKindsUnderTest())('insertDemoData on %s', (kind) => {
  let t: TestDatabase;
  let slug = 0;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t.close());

  const newWorkspace = async () =>
    (
      await t.db
        .insertInto('workspaces')
        .values({ slug: `demo-${++slug}`, name: 'Demo', time_zone: 'America/New_York' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const countRows = async (workspaceId: string) => {
    const count = async (
      table: 'reps' | 'capacity' | 'contacts' | 'deals' | 'engagement_events' | 'activities',
    ) =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('workspace_id', '=', workspaceId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      reps: await count('reps'),
      capacity: await count('capacity'),
      contacts: await count('contacts'),
      deals: await count('deals'),
      engagementEvents: await count('engagement_events'),
      activities: await count('activities'),
    };
  };

  it('stores exactly the generated rows, mapped to database ids, and marks exclusions', async () => {
    const workspaceId = await newWorkspace();
    const progress = new Map<DemoEntity, { done: number; total: number }>();
    const inserted = await insertDemoData(t.db, workspaceId, {
      ...OPTIONS,
      onProgress: (entity, done, total) => {
        expect(done).toBeGreaterThanOrEqual(progress.get(entity)?.done ?? 0);
        progress.set(entity, { done, total });
      },
    });
    const data = generateDemoData(OPTIONS);
    const { exclusions, ...counts } = inserted;
    expect(counts).toEqual(data.counts);
    expect(await countRows(workspaceId)).toEqual(data.counts);
    for (const [entity, p] of progress) expect(p.done, entity).toBe(p.total);
    expect([...progress.keys()]).toEqual([
      'reps',
      'capacity',
      'contacts',
      'deals',
      'engagement_events',
      'activities',
      'activity_exclusions',
    ]);

    // Every activity is stored with the contact and rep the generator meant.
    const activities = [...data.activities()].flat();
    const contacts = [...data.contacts()].flat();
    const stored = await sql<{ key: string; contact: string | null; rep: string | null }>`
      select a.source_system || '/' || a.external_id as key, c.external_id as contact, r.external_id as rep
      from activities a
      left join contacts c on c.workspace_id = a.workspace_id and c.id = a.contact_id
      left join reps r on r.workspace_id = a.workspace_id and r.id = a.rep_id
      where a.workspace_id = ${workspaceId}`.execute(t.db);
    const byKey = new Map(stored.rows.map((row) => [row.key, row]));
    for (const a of activities) {
      const row = byKey.get(`${a.sourceSystem}/${a.externalId}`);
      expect(row?.contact ?? null).toBe(
        a.contactIndex === null ? null : contacts[a.contactIndex]?.externalId,
      );
      expect(row?.rep).toBe(data.reps[a.repIndex ?? -1]?.externalId);
    }

    // The rule-based exclusions are exactly the planted ones; duplicates add the odd
    // accidental one (two real touches of a contact by a rep on a channel within 2 min).
    const planted = (reason: ExcludedReason) =>
      activities.filter((a) => a.plantedExclusion === reason).length;
    for (const reason of ['deleted', 'no_contact', 'internal_note', 'system_event'] as const) {
      expect(exclusions.excluded[reason], reason).toBe(planted(reason));
      expect(exclusions.excluded[reason], reason).toBeGreaterThan(0);
    }
    expect(exclusions.excluded.duplicate).toBeGreaterThanOrEqual(planted('duplicate'));
    expect(exclusions.excluded.duplicate).toBeLessThanOrEqual(planted('duplicate') * 1.2 + 5);
    const excludedTotal = Object.values(exclusions.excluded).reduce((a, b) => a + b, 0);
    expect(exclusions.counted + excludedTotal).toBe(data.counts.activities);

    const again = await markActivityExclusions(t.db, workspaceId);
    expect(again).toEqual({ ...exclusions, changed: 0 });
  });

  it('writes nothing when it fails part-way', async () => {
    const workspaceId = await newWorkspace();
    await expect(
      insertDemoData(t.db, workspaceId, {
        ...OPTIONS,
        onProgress: (entity, done) => {
          if (entity === 'activities' && done > 2_000) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await countRows(workspaceId)).toEqual({
      reps: 0,
      capacity: 0,
      contacts: 0,
      deals: 0,
      engagementEvents: 0,
      activities: 0,
    });
  });

  it('writes the same data over several connections, outside a transaction only', async () => {
    const workspaceId = await newWorkspace();
    const inserted = await insertDemoData(t.db, workspaceId, { ...OPTIONS, concurrency: 3 });
    expect(await countRows(workspaceId)).toEqual(generateDemoData(OPTIONS).counts);
    const again = await markActivityExclusions(t.db, workspaceId);
    expect(again).toEqual({ ...inserted.exclusions, changed: 0 });
    await expect(
      t.db
        .transaction()
        .execute((trx) => insertDemoData(trx, workspaceId, { ...OPTIONS, concurrency: 2 })),
    ).rejects.toThrow(/needs a database, not a transaction/);
  });

  it("joins the caller's transaction when given one", async () => {
    const workspaceId = await newWorkspace();
    await expect(
      t.db.transaction().execute(async (trx) => {
        const inserted = await insertDemoData(trx, workspaceId, OPTIONS);
        expect(inserted.activities).toBe(4_000);
        throw new Error('caller rolls back');
      }),
    ).rejects.toThrow('caller rolls back');
    expect((await countRows(workspaceId)).activities).toBe(0);
  });
});
