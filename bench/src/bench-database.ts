/**
 * The 5 M-row bench data set lives in its own PostgreSQL database (`treeline_bench` by
 * default), seeded once and reused by every later run: seeding takes minutes, timing
 * takes seconds. `reseed` drops and rebuilds it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  ensureDemoWorkspace,
  migrateToLatest,
  type OpenDatabase,
  openDatabase,
  type Workspace,
} from '@treeline/db';
import { sql } from 'kysely';

const dataDir = new URL('../data/', import.meta.url).pathname;

/** Months of data: 52 complete weekly periods fit in 13. */
export const BENCH_MONTHS = 13;

export interface BenchDatabase extends OpenDatabase {
  workspace: Workspace;
  /** Seeding time in ms (recorded in bench/data/seed.json when seeded; null if unknown). */
  seedMs: number | null;
  /** Whether this run seeded the data set (else it was reused). */
  seededThisRun: boolean;
  url: string;
}

/**
 * Opens (creating, migrating and seeding when needed) the bench database.
 * @example const bench = await openBenchDatabase('postgres://postgres@127.0.0.1:5432/treeline_bench', { reseed: false, log: console.log });
 */
export async function openBenchDatabase(
  url: string,
  options: { reseed: boolean; log: (line: string) => void },
): Promise<BenchDatabase> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const { db: admin, close: closeAdmin } = await openDatabase({
    kind: 'postgres',
    url: adminUrl.toString(),
    maxConnections: 1,
  });
  try {
    if (options.reseed) {
      options.log(`dropping database ${name}`);
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
    }
    const { rows } = await sql<{
      present: boolean;
    }>`select exists (select 1 from pg_database where datname = ${name}) as present`.execute(admin);
    if (!rows[0]?.present) {
      options.log(`creating database ${name}`);
      await sql`create database ${sql.id(name)}`.execute(admin);
    }
  } finally {
    await closeAdmin();
  }
  const opened = await openDatabase({ kind: 'postgres', url, maxConnections: 5 });
  await migrateToLatest(opened.db);
  const start = performance.now();
  let lastLog = 0;
  const { workspace, created } = await ensureDemoWorkspace(opened.db, {
    scale: 'bench',
    seed: 7,
    months: BENCH_MONTHS,
    concurrency: 2,
    onProgress: (entity, done, total) => {
      const now = performance.now();
      if (now - lastLog > 10_000 || done === total) {
        lastLog = now;
        options.log(
          `seeding ${entity}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`,
        );
      }
    },
  });
  const seedFile = `${dataDir}seed.json`;
  let seedMs: number | null = null;
  if (created) {
    seedMs = performance.now() - start;
    options.log(`seeded in ${(seedMs / 1000).toFixed(1)} s; analyzing`);
    await sql`analyze`.execute(opened.db);
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(seedFile, JSON.stringify({ workspaceId: workspace.id, seedMs }));
  } else {
    options.log(`reusing the data set seeded ${workspace.created_at.toISOString()}`);
    const recorded = existsSync(seedFile) ? JSON.parse(readFileSync(seedFile, 'utf8')) : null;
    if (recorded?.workspaceId === workspace.id) seedMs = recorded.seedMs;
  }
  return { ...opened, workspace, seedMs, seededThisRun: created, url };
}
