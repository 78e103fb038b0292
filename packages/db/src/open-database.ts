/**
 * Chooses and opens the database: PGlite (PostgreSQL compiled to WASM) persisted in a
 * data folder by default, real PostgreSQL through `pg` when DATABASE_URL is set. Both
 * return the same value types (bigint → number, numeric → decimal string, date →
 * "YYYY-MM-DD"), so every query behaves the same on either. Kysely queues callers on
 * PGlite's single connection (its adapter declares no multiple connections).
 */
import { mkdirSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  Kysely,
  PGliteDialect,
  PostgresDialect,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { DatabaseSetupError } from './errors';
import { foregroundFirst } from './foreground-first';
import { PostgresListener } from './postgres-listener';
import type { Database } from './schema/database';

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseConfig =
  | { kind: 'pglite' /** null keeps the database in memory (tests). */; dataDir: string | null }
  | {
      kind: 'postgres';
      url: string /** Schema to put first on the search_path (test isolation). */;
      schema?: string;
      /** Schema for the job queue's tables (default `pgboss`; tests give each their own). */
      jobQueueSchema?: string;
      maxConnections?: number;
    };

export interface OpenDatabase {
  db: Kysely<Database>;
  /**
   * The handle background work (the in-process worker) uses: on PGlite it shares the one
   * connection but yields it to requests (foreground-first.ts); on PostgreSQL it is `db`.
   */
  backgroundDb: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, safe to print (no password). */
  location: string;
  /**
   * PostgreSQL only: streams `source` (COPY text format) into `COPY <table> FROM STDIN` on
   * the connection of `trx`, inside its transaction. Absent on PGlite (batched inserts).
   */
  copyFrom?: CopyFrom;
  /**
   * LISTEN: calls `onNotify` on each NOTIFY of `channel` (and once after a lost listening
   * connection is back); resolves, once listening, to the function that stops it.
   */
  listen: Listen;
  /**
   * Runs SQL that a library brings (the job queue) outside any Kysely transaction: one
   * statement with `values`, or, without values, a script of several statements, whose
   * last result is returned. On PGlite it waits for a running Kysely transaction to end.
   */
  executeSql: ExecuteSql;
  /** The schema the job queue (packages/worker) keeps its tables in. */
  jobQueueSchema: string;
  close(): Promise<void>;
}

/** @example const stop = await listen('treeline_domain_events', () => feed.wake()); */
export type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

/** @example const { rows } = await executeSql('select $1::int as n', [1]); */
export type ExecuteSql = (
  text: string,
  values?: readonly unknown[],
) => Promise<{ rows: Record<string, unknown>[] }>;

export const DEFAULT_JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * `ExecuteSql` inside a Kysely transaction: what a library (the job queue) runs through it
 * joins the transaction, so its rows exist exactly when the transaction commits.
 *
 * @example await boss.send('queue', data, { db: { executeSql: executeSqlIn(trx) } });
 */
export function executeSqlIn(trx: Transaction<Database>): ExecuteSql {
  return async (text, values) => {
    const result = await trx.executeQuery(CompiledQuery.raw(text, [...(values ?? [])]));
    return { rows: [...result.rows] as Record<string, unknown>[] };
  };
}

/**
 * @example await copyFrom(trx, 'copy staging (a, b) from stdin', Readable.from(['1\tx\n']))
 */
export type CopyFrom = (
  trx: Kysely<Database>,
  statement: string,
  source: Readable | AsyncIterable<string | Buffer>,
) => Promise<void>;

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

const parseInt8 = (value: string) => Number(value);
const keepText = (value: string) => value;

/**
 * Reads DATABASE_URL and TREELINE_DATA_DIR.
 * @example databaseConfigFromEnv(process.env, { dataDir: './data' }) // { kind: 'pglite', dataDir: './data' }
 */
export function databaseConfigFromEnv(
  env: Record<string, string | undefined>,
  defaults: { dataDir: string },
): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url: validatePostgresUrl(url, 'DATABASE_URL') };
  return { kind: 'pglite', dataDir: env.TREELINE_DATA_DIR?.trim() || defaults.dataDir };
}

/** Throws a DatabaseSetupError naming the variable when `url` is not a PostgreSQL URL. */
export function validatePostgresUrl(url: string, variable: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseSetupError(
      'invalid_database_url',
      `${variable} is not a valid URL; expected postgres://user:password@host:5432/database`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseSetupError(
      'invalid_database_url',
      `${variable} must start with postgres:// or postgresql:// (got ${parsed.protocol}//)`,
    );
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) {
    throw new DatabaseSetupError(
      'invalid_database_url',
      `${variable} names no host; expected postgres://user:password@host:5432/database`,
    );
  }
  return url;
}

function describePostgres(url: string): string {
  const parsed = new URL(url);
  return `postgres://${parsed.hostname || parsed.searchParams.get('host')}:${parsed.port || 5432}${parsed.pathname}`;
}

/**
 * Opens the database and checks it answers. Does not migrate (see migrateToLatest).
 * @example const { db, close } = await openDatabase({ kind: 'pglite', dataDir: null });
 */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  return config.kind === 'pglite' ? openPglite(config.dataDir) : openPostgres(config);
}

async function openPglite(dataDir: string | null): Promise<OpenDatabase> {
  let pglite: PGlite;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    pglite = new PGlite({
      ...(dataDir ? { dataDir } : {}),
      parsers: { [INT8]: parseInt8, [NUMERIC]: keepText, [DATE]: keepText },
    });
    await pglite.waitReady;
  } catch (cause) {
    throw new DatabaseSetupError(
      'data_folder_unusable',
      `The data folder ${dataDir ?? '(in memory)'} could not be opened by the embedded database (${errorText(cause)}); it may have been written by another PostgreSQL/PGlite version. Move it aside or set TREELINE_DATA_DIR to another folder.`,
      { cause },
    );
  }
  const dialects = foregroundFirst(new PGliteDialect({ pglite }));
  const db = new Kysely<Database>({ dialect: dialects.foreground });
  const backgroundDb = new Kysely<Database>({ dialect: dialects.background });
  const instance = pglite;
  return {
    db,
    backgroundDb,
    kind: 'pglite',
    location: dataDir ? `pglite:${dataDir}` : 'pglite:memory',
    listen: async (channel, onNotify) => {
      const unlisten = await instance.listen(channel, () => onNotify());
      return async () => {
        if (!instance.closed) await unlisten();
      };
    },
    // PGlite runs each call under its own lock, which a Kysely transaction holds for its
    // whole length: these wait for it rather than slipping into it.
    executeSql: async (text, values) => {
      if (!values || values.length === 0) {
        const results = await instance.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      }
      const result = await instance.query<Record<string, unknown>>(text, [...values]);
      return { rows: result.rows };
    },
    jobQueueSchema: DEFAULT_JOB_QUEUE_SCHEMA,
    close: () => db.destroy(),
  };
}

async function openPostgres(
  config: Extract<DatabaseConfig, { kind: 'postgres' }>,
): Promise<OpenDatabase> {
  const url = validatePostgresUrl(config.url, 'DATABASE_URL');
  const listener = new PostgresListener({ connectionString: url, connectionTimeoutMillis: 5000 });
  const pool = new pg.Pool({
    connectionString: url,
    max: config.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
    // JIT off: the metric engine's grouped scans are costed far above the JIT thresholds,
    // and compiling them (hundreds of ms, in every parallel worker) costs more than it saves.
    options: [
      '-c jit=off',
      '-c temp_buffers=256MB',
      ...(config.schema ? [`-c search_path=${config.schema}`] : []),
    ].join(' '),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return parseInt8;
        if (oid === NUMERIC || oid === DATE) return keepText;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  // Kysely hides the pg client of a transaction; COPY needs it, so clients are found by
  // their server process id.
  const clientsByPid = new Map<number, pg.PoolClient>();
  pool.on('connect', (client) => {
    const pid = (client as { processID?: number }).processID;
    if (pid) clientsByPid.set(pid, client);
  });
  pool.on('remove', (client) => {
    const pid = (client as { processID?: number }).processID;
    if (pid) clientsByPid.delete(pid);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (cause) {
    await db.destroy().catch(() => {});
    throw new DatabaseSetupError(
      'database_unreachable',
      `Cannot reach PostgreSQL at ${describePostgres(url)} (${errorText(cause)}). Check that the server is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.`,
      { cause },
    );
  }
  const copyFrom: CopyFrom = async (trx, statement, source) => {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
    const client = clientsByPid.get(Number(rows[0]?.pid));
    if (!client) throw new Error("COPY: the transaction's connection is not known to the pool");
    await pipeline(source, client.query(copyFromStdin(statement)));
  };
  return {
    db,
    backgroundDb: db,
    kind: 'postgres',
    location: describePostgres(url),
    copyFrom,
    listen: (channel, onNotify) => listener.listen(channel, onNotify),
    executeSql: async (text, values) => {
      // Without values pg sends the simple protocol, which runs a script of statements and
      // answers with one result per statement.
      const result = (await pool.query(text, values ? [...values] : undefined)) as
        | pg.QueryResult
        | pg.QueryResult[];
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    jobQueueSchema: config.jobQueueSchema ?? DEFAULT_JOB_QUEUE_SCHEMA,
    close: async () => {
      await listener.close();
      await db.destroy();
    },
  };
}

function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorText(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return error.message || code || error.name;
  }
  return String(error);
}
