/**
 * Loads normalized rows into the import's staging table, inside the import's transaction:
 * through COPY on PostgreSQL (rows stream to the server while the file is still being
 * parsed, with backpressure, so memory stays flat), through batched inserts of JSON record
 * sets on PGlite. The table is unlogged, not temporary: parallel workers can read it (the
 * resolve pass joins and sorts millions of its rows). It is created inside the transaction,
 * so a rollback or a crash removes it; the import drops it before it commits.
 */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ImportEntity, ImportRowOf } from '@treeline/core';
import { type Kysely, sql } from 'kysely';
import type { CopyFrom } from '../open-database';
import type { Database } from '../schema/database';
import { type StagedValue, type StagingSpec, stagedColumnType } from './staging-spec';

/**
 * The staging table of this connection's import: named after the server process, so
 * imports on other connections (other workspaces) each have their own.
 * @example await stagingTableOf(trx); // 'import_stage_4711'
 */
export async function stagingTableOf(trx: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  return `import_stage_${Number(rows[0]?.pid)}`;
}

/** Drops the staging table (before the import commits). */
export async function dropStagingTable(trx: Kysely<Database>, table: string): Promise<void> {
  await sql`drop table if exists ${sql.table(table)}`.execute(trx);
}

export interface StagingWriter<E extends ImportEntity> {
  /** Adds a row; returns a promise only when the caller must wait (a flush or backpressure). */
  add(rowNumber: number, row: ImportRowOf<E>): Promise<void> | undefined;
  /** Flushes and waits until every added row is in the staging table. */
  finish(): Promise<void>;
  /** Stops a COPY in flight (the transaction is being rolled back). */
  abort(error: Error): void;
}

const BATCH_ROWS = 2000;
const COPY_CHUNK_CHARS = 256 * 1024;

/**
 * Creates the staging table `table` (see stagingTableOf) and returns its writer.
 * @example
 * const table = await stagingTableOf(trx);
 * const writer = await createStagingWriter(trx, STAGING_SPECS.activities, copyFrom, table);
 * await writer.add(1, row); await writer.finish();
 */
export async function createStagingWriter<E extends ImportEntity>(
  trx: Kysely<Database>,
  spec: StagingSpec<E>,
  copyFrom: CopyFrom | undefined,
  table: string,
): Promise<StagingWriter<E>> {
  const columns = spec.columns.map((c) => `${c.name} ${stagedColumnType(c)}`).join(', ');
  // One left behind (by an import that committed without dropping it) would be stale.
  await dropStagingTable(trx, table);
  await sql
    .raw(`create unlogged table ${table} (row_number bigint not null, ${columns})`)
    .execute(trx);
  return copyFrom ? copyWriter(trx, spec, copyFrom, table) : batchWriter(trx, spec, table);
}

function copyWriter<E extends ImportEntity>(
  trx: Kysely<Database>,
  spec: StagingSpec<E>,
  copyFrom: CopyFrom,
  table: string,
): StagingWriter<E> {
  const stream = new PassThrough({ highWaterMark: 4 * COPY_CHUNK_CHARS });
  // Failures reach the caller through `copying` or the import's own throw; an aborted
  // stream must not also raise an unhandled 'error' event.
  stream.on('error', () => {});
  const names = ['row_number', ...spec.columns.map((c) => c.name)].join(', ');
  const copying = copyFrom(trx, `copy ${table} (${names}) from stdin`, stream);
  // Surfaces a failed COPY at the next add instead of waiting for a drain that never comes.
  let failure: unknown = null;
  copying.catch((error) => {
    failure = error;
  });
  let chunk = '';
  // Instants (epoch milliseconds) and booleans ('t', 'f') never need escaping.
  const verbatim = spec.columns.map((c) => c.type === 'timestamptz' || c.type === 'boolean');

  async function flush() {
    if (!chunk) return;
    const ok = stream.write(chunk);
    chunk = '';
    if (!ok) await Promise.race([once(stream, 'drain'), copying]);
    if (failure) throw failure;
  }

  return {
    add(rowNumber, row) {
      if (failure) return Promise.reject(failure);
      chunk += copyLine(rowNumber, spec.values(row), verbatim);
      return chunk.length >= COPY_CHUNK_CHARS ? flush() : undefined;
    },
    async finish() {
      await flush();
      stream.end();
      await copying;
    },
    abort(error) {
      stream.destroy(error);
      copying.catch(() => {});
    },
  };
}

function batchWriter<E extends ImportEntity>(
  trx: Kysely<Database>,
  spec: StagingSpec<E>,
  table: string,
): StagingWriter<E> {
  let batch: Record<string, StagedValue | number>[] = [];
  const names = spec.columns.map((c) => c.name);

  async function flush() {
    if (batch.length === 0) return;
    const json = JSON.stringify(batch);
    batch = [];
    await sql`insert into ${sql.table(table)}
      select * from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(trx);
  }

  return {
    add(rowNumber, row) {
      const values = spec.values(row);
      const record: Record<string, StagedValue | number> = { row_number: rowNumber };
      for (let i = 0; i < names.length; i++) record[names[i] as string] = values[i] ?? null;
      batch.push(record);
      return batch.length >= BATCH_ROWS ? flush() : undefined;
    },
    finish: flush,
    abort() {
      batch = [];
    },
  };
}

/**
 * One row in COPY's text format: tab-separated, `\N` for null, with escapes (except for
 * the columns `verbatim` marks, whose values cannot hold a tab, line break or backslash).
 */
function copyLine(rowNumber: number, values: StagedValue[], verbatim: boolean[]): string {
  let line = String(rowNumber);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? null;
    line += `\t${value === null ? '\\N' : verbatim[i] ? value : escapeCopy(value)}`;
  }
  return `${line}\n`;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeCopy(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll('\t', '\\t')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r');
}
