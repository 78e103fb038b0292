import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate';
import { type OpenDatabase, openDatabase } from '../open-database';
import { analyzeStaleTables } from './analyze-stale-tables';

describe('planner statistics on the embedded database', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateToLatest(database.db);
  });
  afterAll(() => database.close());

  const estimatedRows = async (table: string) =>
    (
      await sql<{
        reltuples: number;
      }>`select reltuples::float8 as reltuples from pg_class where relname = ${table}`.execute(
        database.db,
      )
    ).rows[0]!.reltuples;

  it('analyzes a table once enough of it changed, and only then', async () => {
    await analyzeStaleTables(database.db);
    await sql`insert into workspaces (slug, name) select 'ws-' || g, 'Workspace ' || g from generate_series(1, 500) g`.execute(
      database.db,
    );
    expect(await estimatedRows('workspaces')).toBeLessThan(500);
    expect(await analyzeStaleTables(database.db)).toContain('workspaces');
    expect(await estimatedRows('workspaces')).toBeGreaterThanOrEqual(500);
    // Nothing changed since: nothing to do.
    expect(await analyzeStaleTables(database.db)).not.toContain('workspaces');
  });
});
