import { sql } from 'kysely';
import { type MigrationProvider, Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { createWorkspace } from '../workspaces/workspace.repository';
import { migrations } from '.';

const provider: MigrationProvider = { getMigrations: async () => migrations };
const BEFORE_OUTBOX = '2026-11-24T0100-activity-rollup-day-index';

describe.each(databaseKindsUnderTest())('the outbox migration on %s', (kind) => {
  let t: TestDatabase;
  let migrator: Migrator;

  beforeAll(async () => {
    t = await createTestDatabase(kind, { migrate: false });
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
    migrator = new Migrator({
      db: t.db,
      provider,
      ...(rows[0]?.schema ? { migrationTableSchema: rows[0].schema } : {}),
    });
    expect((await migrator.migrateTo(BEFORE_OUTBOX)).error).toBeUndefined();
  });
  afterAll(() => t.close());

  it('moves import events across as import.committed, already dispatched, and back down', async () => {
    const ws = await createWorkspace(t.db, { slug: 'migrated', name: 'Migrated' });
    await sql`
      insert into import_events (workspace_id, import_id, entity, data_version, changed_from, changed_to)
      values
        (${ws.id}, '00000000-0000-4000-8000-000000000001', 'activities', 4,
         '2026-03-02T10:00:00Z', '2026-03-05T13:00:00Z'),
        (${ws.id}, '00000000-0000-4000-8000-000000000002', 'reps', 5, null, null)
    `.execute(t.db);
    await sql`insert into event_cursors (subscriber, last_event_id) values ('alerts', 2)`.execute(
      t.db,
    );

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const moved = await t.db
      .selectFrom('domain_events')
      .select(['id', 'type', 'payload', 'dispatched_at'])
      .orderBy('id')
      .execute();
    expect(moved.map((e) => [e.id, e.type, e.payload])).toEqual([
      [
        1,
        'import.committed',
        {
          importId: '00000000-0000-4000-8000-000000000001',
          entity: 'activities',
          dataVersion: 4,
          changedFrom: '2026-03-02T10:00:00.000Z',
          changedTo: '2026-03-05T13:00:00.000Z',
        },
      ],
      [
        2,
        'import.committed',
        {
          importId: '00000000-0000-4000-8000-000000000002',
          entity: 'reps',
          dataVersion: 5,
          changedFrom: null,
          changedTo: null,
        },
      ],
    ]);
    expect(moved.every((e) => e.dispatched_at !== null)).toBe(true);
    const { rows: left } = await sql<{ name: string | null }>`
      select coalesce(to_regclass('import_events')::text, to_regclass('event_cursors')::text) as name
    `.execute(t.db);
    expect(left[0]?.name).toBeNull();
    const next = await t.db
      .insertInto('domain_events')
      .values({ workspace_id: ws.id, type: 'counting.changed', payload: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next.id).toBe(3);

    expect((await migrator.migrateTo(BEFORE_OUTBOX)).error).toBeUndefined();
    const back = await sql<{ id: number; entity: string; changed_from: Date | null }>`
      select id, entity, changed_from from import_events order by id
    `.execute(t.db);
    expect(back.rows.map((r) => [r.id, r.entity, r.changed_from?.toISOString() ?? null])).toEqual([
      [1, 'activities', '2026-03-02T10:00:00.000Z'],
      [2, 'reps', null],
    ]);
  });
});
