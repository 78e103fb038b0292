/**
 * Database isolation for tests: a fresh in-memory PGlite per call, and on PostgreSQL
 * (when TEST_DATABASE_URL is set) a schema of its own with search_path set, and another
 * for the job queue's tables, both dropped on close. The same suite runs on both; nothing
 * is mocked.
 *
 * @example
 * describe.each(databaseKindsUnderTest())('contacts on %s', (kind) => {
 *   let t: TestDatabase;
 *   beforeAll(async () => { t = await createTestDatabase(kind); });
 *   afterAll(() => t.close());
 * });
 */
import { randomBytes } from 'node:crypto';
import { type DomainError, isDomainError } from '@treeline/core';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../migrate';
import {
  type DatabaseConfig,
  type DatabaseKind,
  type OpenDatabase,
  openDatabase,
} from '../open-database';

export type TestDatabase = OpenDatabase & {
  /**
   * How another process opens this same database (child-process tests); null on PGlite,
   * whose in-memory database is this process's alone.
   */
  sharedConfig: DatabaseConfig | null;
};

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function databaseKindsUnderTest(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A migrated, empty database of the given kind that no other test file sees. */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === 'pglite') {
    const opened = await openDatabase({ kind: 'pglite', dataDir: null });
    if (migrate) await migrateToLatest(opened.db);
    return { ...opened, sharedConfig: null };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const suffix = randomBytes(6).toString('hex');
  const schema = `test_${suffix}`;
  const jobQueueSchema = `pgboss_${suffix}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const sharedConfig: DatabaseConfig = { kind: 'postgres', url, schema, jobQueueSchema };
  const opened = await openDatabase({ ...sharedConfig, maxConnections: 5 });
  if (migrate) await migrateToLatest(opened.db);
  return {
    ...opened,
    sharedConfig,
    location: `${opened.location} (schema ${schema})`,
    async close() {
      await opened.close();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await sql`drop schema if exists ${sql.id(jobQueueSchema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

/**
 * The DomainError `promise` rejects with (any other outcome fails the test).
 *
 * @example expect((await domainErrorOf(createTree(db, ws, {}))).code).toBe('invalid_tree');
 */
export async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
