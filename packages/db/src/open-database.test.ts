import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseSetupError } from './errors';
import { migrateToLatest, migrationLevel } from './migrate';
import { latestMigration } from './migrations';
import { databaseConfigFromEnv, openDatabase } from './open-database';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from './testing';

describe('databaseConfigFromEnv', () => {
  it('defaults to the embedded database in the data folder', () => {
    expect(databaseConfigFromEnv({}, { dataDir: '/tmp/x' })).toEqual({
      kind: 'pglite',
      dataDir: '/tmp/x',
    });
    expect(databaseConfigFromEnv({ TREELINE_DATA_DIR: '/tmp/y' }, { dataDir: '/tmp/x' })).toEqual({
      kind: 'pglite',
      dataDir: '/tmp/y',
    });
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    expect(
      databaseConfigFromEnv({ DATABASE_URL: 'postgres://u@localhost/db' }, { dataDir: 'd' }),
    ).toEqual({
      kind: 'postgres',
      url: 'postgres://u@localhost/db',
    });
  });

  it.each([
    ['not a url', /not a valid URL/],
    ['mysql://root@localhost/db', /must start with postgres:\/\//],
    ['postgres://', /names no host|not a valid URL/],
  ])('rejects DATABASE_URL=%s with one clear sentence', (url, message) => {
    const attempt = () => databaseConfigFromEnv({ DATABASE_URL: url }, { dataDir: 'd' });
    expect(attempt).toThrow(DatabaseSetupError);
    expect(attempt).toThrow(message);
  });
});

describe('openDatabase', () => {
  it('names the server when PostgreSQL cannot be reached', async () => {
    const attempt = openDatabase({
      kind: 'postgres',
      url: 'postgres://nobody@127.0.0.1:1/nothing',
    });
    await expect(attempt).rejects.toThrow(DatabaseSetupError);
    await expect(
      openDatabase({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/nothing' }),
    ).rejects.toThrow(/Cannot reach PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/nothing/);
  });
});

describe.each(databaseKindsUnderTest())('schema and migrations on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { migrate: false });
  });
  afterAll(() => t.close());

  it('migrates an empty database to the latest level, and again is a no-op', async () => {
    expect(await migrationLevel(t.db)).toEqual({
      current: null,
      latest: latestMigration,
      applied: 0,
    });
    const level = await migrateToLatest(t.db);
    expect(level.current).toBe(latestMigration);
    expect(await migrateToLatest(t.db)).toEqual(level);
  });

  it('returns the same value types as the other driver', async () => {
    const row = await sql<{ n: number; d: string; x: string; c: number }>`
      select 5000000000::int8 as n, '2026-03-29'::date as d, 12.50::numeric(6,2) as x, count(*) as c
      from generate_series(1, 3)`.execute(t.db);
    expect(row.rows[0]).toEqual({ n: 5_000_000_000, d: '2026-03-29', x: '12.50', c: 3 });
  });

  it('leads every primary key with workspace_id', async () => {
    const keys = await sql<{ table_name: string; first_column: string }>`
      select c.conrelid::regclass::text as table_name, a.attname as first_column
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'p' and c.connamespace = current_schema()::regnamespace
        and c.conrelid::regclass::text not in ('workspaces', 'kysely_migration', 'kysely_migration_lock',
          -- identity is global (decision 0037): a user belongs to several workspaces
          'auth_users', 'auth_sessions', 'auth_accounts', 'auth_verifications', 'api_tokens',
          'instance_settings')`.execute(t.db);
    expect(keys.rows.length).toBeGreaterThanOrEqual(12);
    for (const key of keys.rows)
      expect(key, key.table_name).toMatchObject({ first_column: 'workspace_id' });
  });

  it('allows at most one Accountable per node', async () => {
    const ws = await t.db
      .insertInto('workspaces')
      .values({ slug: 'acc', name: 'Acc' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [a, b] = await t.db
      .insertInto('people')
      .values([
        { workspace_id: ws.id, name: 'Ann', email: 'ann@example.com', role: 'editor' },
        { workspace_id: ws.id, name: 'Bo', email: 'bo@example.com', role: 'editor' },
      ])
      .returning('id')
      .execute();
    const metric = await t.db
      .insertInto('metrics')
      .values({
        workspace_id: ws.id,
        key: 'm',
        name: 'M',
        unit: 'count',
        direction: 'higher_is_better',
        kind: 'output',
        definition: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tree = await t.db
      .insertInto('trees')
      .values({ workspace_id: ws.id, name: 'T', template_key: null, motion: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const node = await t.db
      .insertInto('tree_nodes')
      .values({
        workspace_id: ws.id,
        tree_id: tree.id,
        metric_id: metric.id,
        label: 'M',
        target: null,
        alert_rule: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('node_assignments')
      .values({ workspace_id: ws.id, node_id: node.id, person_id: a!.id, role: 'accountable' })
      .execute();
    await expect(
      t.db
        .insertInto('node_assignments')
        .values({ workspace_id: ws.id, node_id: node.id, person_id: b!.id, role: 'accountable' })
        .execute(),
    ).rejects.toThrow(/node_assignments_one_accountable|duplicate key/);
    await t.db
      .insertInto('node_assignments')
      .values({ workspace_id: ws.id, node_id: node.id, person_id: b!.id, role: 'responsible' })
      .execute();
  });
});

describe('the embedded database', () => {
  it('refuses a data folder migrated by a newer Treeline', async () => {
    const t = await createTestDatabase('pglite');
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01T0000-from-the-future', now()::text)`.execute(
        t.db,
      );
      await expect(migrateToLatest(t.db)).rejects.toThrow(
        /migrated by a newer Treeline \(unknown migration 2099-01-01T0000-from-the-future\)/,
      );
    } finally {
      await t.close();
    }
  });

  it('does not run another caller’s query inside an open transaction', async () => {
    const t = await createTestDatabase('pglite');
    try {
      const ws = await t.db
        .insertInto('workspaces')
        .values({ slug: 'tx', name: 'Tx' })
        .returning('id')
        .executeTakeFirstOrThrow();
      let releaseTransaction!: () => void;
      let signalInside!: () => void;
      const released = new Promise<void>((resolve) => {
        releaseTransaction = resolve;
      });
      const inside = new Promise<void>((resolve) => {
        signalInside = resolve;
      });
      const failing = t.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('people')
          .values({ workspace_id: ws.id, name: 'Rolled', email: 'r@example.com', role: 'viewer' })
          .execute();
        signalInside();
        await released;
        throw new Error('boom');
      });
      await inside;
      // Issued while the transaction is open: it must wait, not join the transaction.
      const outside = t.db
        .insertInto('people')
        .values({ workspace_id: ws.id, name: 'Kept', email: 'k@example.com', role: 'viewer' })
        .execute();
      await new Promise((resolve) => setTimeout(resolve, 50));
      releaseTransaction();
      await expect(failing).rejects.toThrow('boom');
      await outside;
      const names = await t.db
        .selectFrom('people')
        .select('name')
        .where('workspace_id', '=', ws.id)
        .execute();
      expect(names.map((n) => n.name)).toEqual(['Kept']);
    } finally {
      await t.close();
    }
  });
});
