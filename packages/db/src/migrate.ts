/**
 * Runs the static migrations on start, and refuses a database that a newer Treeline
 * has already migrated (it would otherwise fail later in confusing ways).
 */
import { type Kysely, sql } from 'kysely';
import { type MigrationProvider, Migrator } from 'kysely/migration';
import { DatabaseSetupError } from './errors';
import { latestMigration, migrations } from './migrations';

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationLevel {
  /** The newest migration applied, or null for an empty database. */
  current: string | null;
  latest: string;
  applied: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
type AnyDb = Kysely<any>;

async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const exists = await sql<{
    present: boolean;
  }>`select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    db,
  );
  return rows.rows.map((r) => r.name);
}

/**
 * Brings the schema to the latest migration.
 * @example await migrateToLatest(db) // { current: '2026-11-23T0000-crm-and-trees', ... }
 */
export async function migrateToLatest(db: AnyDb): Promise<MigrationLevel> {
  const unknown = (await appliedMigrations(db)).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new DatabaseSetupError(
      'data_folder_too_new',
      `This database was migrated by a newer Treeline (unknown migration ${unknown.at(-1)}); upgrade Treeline, or point it at another data folder or database.`,
    );
  }
  // The migration tables live in the schema being migrated: Kysely otherwise takes a
  // kysely_migration table in any schema of the database as its own (a race between the
  // per-schema test databases on one PostgreSQL).
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrationTableSchema = rows[0]?.schema;
  const migrator = new Migrator({
    db,
    provider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`,
      {
        cause: error,
      },
    );
  }
  return migrationLevel(db);
}

/** Reports the schema level, for /api/health. */
export async function migrationLevel(db: AnyDb): Promise<MigrationLevel> {
  const applied = await appliedMigrations(db);
  return { current: applied.at(-1) ?? null, latest: latestMigration, applied: applied.length };
}
