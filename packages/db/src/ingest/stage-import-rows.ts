/**
 * The first phase of an import (see run-import.ts): the reader's rows streamed into the
 * import's staging table, the rows the reader rejected (bad cells) counted and their errors
 * kept. A problem with the input as a whole (a file that cannot be read, a mapping that
 * does not fit, more rows than allowed) comes back as a value, for the import to refuse.
 */
import {
  DomainError,
  type ImportEntity,
  type ImportRowError,
  type NormalizedRecord,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import type { CopyFrom } from '../open-database';
import type { Database } from '../schema/database';
import type { StagingSpec } from './staging-spec';
import { createStagingWriter, stagingTableOf } from './staging-writer';

/** A record as a reader yields it: its 1-based data row number and the normalized result. */
export interface NumberedRecord<E extends ImportEntity> {
  rowNumber: number;
  result: NormalizedRecord<E>;
}

export interface StagingInput<E extends ImportEntity> {
  spec: StagingSpec<E>;
  /** COPY on PostgreSQL; absent on PGlite (batched inserts). */
  copyFrom: CopyFrom | undefined;
  /** Records one by one, or in batches (fewer awaits per row). */
  records: AsyncIterable<NumberedRecord<E> | readonly NumberedRecord<E>[]>;
  /** More rows than this refuses the import. */
  maxRows: number | undefined;
  /** Errors of rejected rows kept (beyond this only their rows are counted). */
  maxErrors: number;
}

export interface StagedRows {
  /** The staging table holding the valid rows (dropped before the import commits). */
  table: string;
  rowsRead: number;
  /** Rows the reader rejected; they are not staged. */
  parseRejected: number;
  /** Their errors, in file order, at most `maxErrors`. */
  parseErrors: ImportRowError[];
}

export type Staging =
  | { ok: true; staged: StagedRows }
  /** The input as a whole cannot be imported; `rowsRead` rows were read before it showed. */
  | { ok: false; problem: DomainError; rowsRead: number };

/**
 * Streams the records into a new staging table inside the import's transaction. A reader
 * failure that is not a DomainError (a lost connection, a bug) is thrown, after the COPY in
 * flight is stopped; the transaction then rolls back.
 * @example
 * const staging = await stageImportRows(trx, {
 *   spec: STAGING_SPECS.activities, copyFrom, records, maxRows: undefined, maxErrors: 10_000,
 * });
 * if (staging.ok) staging.staged.rowsRead; // 200_000
 */
export async function stageImportRows<E extends ImportEntity>(
  trx: Kysely<Database>,
  input: StagingInput<E>,
): Promise<Staging> {
  const table = await stagingTableOf(trx);
  const writer = await createStagingWriter(trx, input.spec, input.copyFrom, table);
  let rowsRead = 0;
  let parseRejected = 0;
  const parseErrors: ImportRowError[] = [];
  try {
    for await (const item of input.records) {
      const batch: readonly NumberedRecord<E>[] = Array.isArray(item) ? item : [item];
      for (const { rowNumber, result } of batch) {
        rowsRead++;
        if (input.maxRows !== undefined && rowsRead > input.maxRows) {
          const problem = new DomainError(
            'too_many_rows',
            `This request has more than ${input.maxRows} rows; send at most ${input.maxRows} rows per request (split the batch).`,
          );
          writer.abort(problem);
          return { ok: false, problem, rowsRead };
        }
        if (result.ok) {
          const flushing = writer.add(rowNumber, result.row);
          if (flushing) await flushing;
        } else {
          parseRejected++;
          for (const error of result.errors) {
            if (parseErrors.length < input.maxErrors) parseErrors.push(error);
          }
        }
      }
    }
    await writer.finish();
  } catch (error) {
    writer.abort(error instanceof Error ? error : new Error(String(error)));
    if (error instanceof DomainError) return { ok: false, problem: error, rowsRead };
    throw error;
  }
  return { ok: true, staged: { table, rowsRead, parseRejected, parseErrors } };
}
