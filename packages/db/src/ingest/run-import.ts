/**
 * One import, start to finish, in ONE transaction: stream normalized rows into staging,
 * resolve them in one set-based pass (references, keys repeated in the import, the stored
 * rows), reject what that pass found wrong, write the new and changed rows, re-mark the
 * counting rules over the time the import touched, record the import with its counts and
 * emit its event. A crash or a killed process mid-way rolls everything back; a refused
 * import leaves only its record and the report of its rejected rows.
 *
 * Modes (docs/decisions/0014-import-modes.md):
 * - all_or_nothing (CSV files): any rejected row refuses the whole import.
 * - commit_valid (the bulk API): valid rows commit, rejected rows come back with reasons.
 */
import {
  DomainError,
  type ImportEntity,
  type ImportRowError,
  type NormalizedRecord,
} from '@treeline/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { markActivityExclusions, noExclusions } from '../counting/mark-activity-exclusions';
import { recordDomainEvent } from '../events/domain-event.repository';
import type { CopyFrom } from '../open-database';
import { refreshActivityRollup } from '../rollups/refresh-activity-rollup';
import type { Database, ExcludedReason, ImportMode } from '../schema/database';
import { bumpDataVersion } from '../workspaces/workspace.repository';
import { dropRejectedRows, findStagedRowErrors } from './find-staged-row-errors';
import { type ImportEventRecord, insertImportRecord } from './import.repository';
import { STAGING_SPECS } from './staging-spec';
import { createStagingWriter, dropStagingTable, stagingTableOf } from './staging-writer';
import {
  holdsRows,
  markRepeatedKeys,
  RESOLVED_TABLE,
  resolveStagedRows,
  targetTableOf,
  type UpsertOutcome,
  writeResolvedRows,
} from './upsert-staged-rows';

/** A record as a reader yields it: its 1-based data row number and the normalized result. */
export interface NumberedRecord<E extends ImportEntity> {
  rowNumber: number;
  result: NormalizedRecord<E>;
}

export interface ImportRequest<E extends ImportEntity> {
  workspaceId: string;
  entity: E;
  origin: 'api' | 'csv' | 'cli';
  mode: ImportMode;
  /** Run every step, report the counts, commit nothing and record nothing. */
  dryRun?: boolean;
  fileName?: string | null;
  /** The column mapping used, kept with the record. */
  mapping?: unknown;
  /** Records one by one, or in batches (fewer awaits per row). */
  records: AsyncIterable<NumberedRecord<E> | readonly NumberedRecord<E>[]>;
  /** The file's column for one of our fields (for errors found after normalizing). */
  columnOf?: (field: string) => string | null;
  /** More rows than this refuses the import (the bulk API's per-request cap). */
  maxRows?: number;
}

export interface ImportResult {
  importId: string | null;
  status: 'committed' | 'refused' | 'dry_run';
  entity: ImportEntity;
  mode: ImportMode;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Of the rows this import holds after commit, how many each counting rule excludes. */
  excluded: Record<ExcludedReason, number>;
  /** The first rejected rows (all of them are in the report). */
  errors: ImportRowError[];
  errorsTruncated: boolean;
  message: string | null;
  /** Why a refused import was refused: 'rows_rejected' or the file's problem code. */
  refusal: string | null;
  /** The workspace's data version after a commit. */
  dataVersion: number | null;
  /** The event a committed import emitted (publish it after the commit). */
  event: ImportEventRecord | null;
}

export interface ImportDeps {
  db: Kysely<Database>;
  copyFrom?: CopyFrom;
  now?: () => Date;
  /** Told how long each phase took (benchmarks report the breakdown). */
  onPhase?: (phase: ImportPhase, ms: number) => void;
  /** Written rows from which the import analyses its tables (default 100 000; tests lower it). */
  analyzeAfterRows?: number;
}

export type ImportPhase =
  | 'stage'
  | 'resolve'
  | 'check'
  | 'upsert'
  | 'mark_exclusions'
  | 'count_excluded'
  | 'rollup'
  | 'record';

/** Rejected rows kept for the report; beyond this only their count is kept. */
export const MAX_REPORTED_ERRORS = 10_000;
const ERRORS_IN_RESULT = 200;
const DAY_MS = 86_400_000;

class Outcome extends Error {
  constructor(readonly result: ImportResult) {
    super(result.status);
  }
}

/**
 * Runs one import.
 * @example
 * const result = await runImport({ db, copyFrom }, {
 *   workspaceId, entity: 'activities', origin: 'api', mode: 'commit_valid', records,
 * });
 * result.inserted; // 99_998
 */
export async function runImport<E extends ImportEntity>(
  deps: ImportDeps,
  request: ImportRequest<E>,
): Promise<ImportResult> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const spec = STAGING_SPECS[request.entity];
  const columnOf = request.columnOf ?? ((field: string) => field);
  const analyzeAfterRows = deps.analyzeAfterRows ?? ANALYZE_AFTER_ROWS;
  const errors: ImportRowError[] = [];
  let phaseStart = performance.now();
  const phase = (name: ImportPhase) => {
    const now = performance.now();
    deps.onPhase?.(name, now - phaseStart);
    phaseStart = now;
  };
  let rowsRead = 0;
  let parseRejected = 0;
  const base = {
    entity: request.entity,
    mode: request.mode,
    excluded: noExclusions(),
    event: null,
    dataVersion: null,
    refusal: null,
  };

  // The errors the reader found, then those of the checks of the staged rows (run again
  // when repeated keys are looked for after all).
  let reported: ImportRowError[] = errors;
  const countsOf = (staged: { errors: ImportRowError[]; rejectedRows: number }) => {
    const all = [...errors, ...staged.errors].sort((a, b) => a.row - b.row);
    reported = all;
    const rejected = parseRejected + staged.rejectedRows;
    return {
      ...base,
      rowsRead,
      rejected,
      errors: all.slice(0, ERRORS_IN_RESULT),
      errorsTruncated: all.length > ERRORS_IN_RESULT || rejected > all.length,
    };
  };
  try {
    const result = await deps.db.transaction().execute(async (trx): Promise<ImportResult> => {
      await sql`select pg_advisory_xact_lock(hashtext('treeline.import'), hashtext(${request.workspaceId}))`.execute(
        trx,
      );
      // The checks, upsert and exclusion pass sort and hash millions of rows: in memory,
      // not in temporary files (the default 4 MB spills at a few hundred thousand rows).
      await sql`set local work_mem = '256MB'`.execute(trx);
      const stagingTable = await stagingTableOf(trx);
      const writer = await createStagingWriter(trx, spec, deps.copyFrom, stagingTable);
      try {
        for await (const item of request.records) {
          const batch: readonly NumberedRecord<E>[] = Array.isArray(item) ? item : [item];
          for (const { rowNumber, result } of batch) {
            rowsRead++;
            if (request.maxRows !== undefined && rowsRead > request.maxRows) {
              throw new DomainError(
                'too_many_rows',
                `This request has more than ${request.maxRows} rows; send at most ${request.maxRows} rows per request (split the batch).`,
              );
            }
            if (result.ok) {
              const flushing = writer.add(rowNumber, result.row);
              if (flushing) await flushing;
            } else {
              parseRejected++;
              for (const error of result.errors) {
                if (errors.length < MAX_REPORTED_ERRORS) errors.push(error);
              }
            }
          }
        }
        await writer.finish();
        phase('stage');
      } catch (error) {
        writer.abort(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
      // A new table has no statistics until analysed; the joins below need them.
      await sql.raw(`analyze ${stagingTable}`).execute(trx);

      // Keys repeated within the import are looked for as the rows are resolved when the
      // workspace holds rows of the entity (two rows repeating a stored key would both
      // update it); otherwise only when the file has other errors (its report lists every
      // problem) or after the table's unique key refused a repeated key (the write is then
      // undone and done again without the repeats).
      const firstLoad = !(await holdsRows(trx, request.entity, request.workspaceId));
      let repeatsMarked = !firstLoad;
      await resolveStagedRows(trx, request.entity, request.workspaceId, {
        holdsRows: !firstLoad,
        stagingTable,
      });
      phase('resolve');
      const reportable = Math.max(0, MAX_REPORTED_ERRORS - errors.length);
      const markRepeats = async () => {
        await markRepeatedKeys(trx, request.entity, stagingTable);
        repeatsMarked = true;
      };
      let written: UpsertOutcome | null = null;
      let counts: ReturnType<typeof countsOf> | null = null;
      while (!written) {
        let staged = await findStagedRowErrors(trx, spec, columnOf, reportable);
        if (staged.rejectedRows > 0 && !repeatsMarked) {
          await markRepeats();
          staged = await findStagedRowErrors(trx, spec, columnOf, reportable);
        }
        phase('check');
        counts = countsOf(staged);
        const { rejected } = counts;
        if (rejected > 0 && request.mode === 'all_or_nothing' && !request.dryRun) {
          throw new Outcome({
            ...counts,
            importId: null,
            status: 'refused',
            refusal: 'rows_rejected',
            inserted: 0,
            updated: 0,
            unchanged: 0,
            message: `Nothing was imported: ${rejected} of ${rowsRead} rows have errors. Fix them (see the report) and import the file again.`,
          });
        }
        if (staged.rejectedRows > 0) await dropRejectedRows(trx);
        await sql`savepoint write_rows`.execute(trx);
        try {
          written = await writeResolvedRows(trx, request.entity, request.workspaceId);
          await sql`release savepoint write_rows`.execute(trx);
        } catch (error) {
          // Once the repeats are noted, a refused key is not one of them: a real failure.
          if (repeatsMarked || !isUniqueViolation(error)) throw error;
          // A key repeated in the import: undo the write, note the repeats, check again.
          await sql`rollback to savepoint write_rows`.execute(trx);
          await markRepeats();
        }
      }
      if (!counts) throw new Error('unreachable: rows were written without being checked');
      await dropStagingTable(trx, stagingTable);
      const { inserted, updated, span } = written;
      const { rejected } = counts;
      const unchanged = rowsRead - rejected - inserted - updated;
      const changed = inserted + updated > 0;
      // The statements that follow plan by the table's statistics, which still describe it
      // as it was before a large import: refresh them now (a sample; our own rows count).
      if (inserted + updated >= analyzeAfterRows) {
        await analyzeIfUncontended(trx, [targetTableOf(request.entity)]);
      }
      phase('upsert');

      // The counting rules are re-marked over the time the written rows cover (old values
      // of updated rows included); an import that changed nothing has nothing to re-mark.
      // After a first load the workspace's activities are the import's rows: the pass counts
      // their exclusions as it goes; any other import counts its own rows after it.
      let excluded = noExclusions();
      if (span) {
        const marked = await markActivityExclusions(trx, request.workspaceId, {
          since: span.from,
          countWorkspace: firstLoad,
          // Every write stores the row-level reason with the row (the upsert plan derives it).
          rowReasonsStored: true,
        });
        if (firstLoad) excluded = marked.excluded;
        phase('mark_exclusions');
      }
      if (request.entity === 'activities' && !firstLoad) {
        excluded = span
          ? await excludedAmongImported(trx, request.workspaceId, rowsRead - rejected)
          : await excludedAsStored(trx);
        phase('count_excluded');
      }
      const result = { ...counts, inserted, updated, unchanged, excluded };
      if (request.dryRun) {
        throw new Outcome({
          ...result,
          importId: null,
          status: 'dry_run',
          message: dryRunMessage(request.mode, rejected, inserted, updated, unchanged),
        });
      }

      // An import that changed nothing leaves the data version, and so every cached value
      // and the activity rollup, as they are; it is still recorded (data freshness).
      const dataVersion = changed
        ? await bumpDataVersion(trx, request.workspaceId)
        : await currentDataVersion(trx, request.workspaceId);
      // The metric engine reads the activity rollup only when it was built at the current
      // data version: the days the written rows touch are recomputed (a duplicate found
      // after the last row can be up to the tolerance later: a day of margin), and any
      // other import just records the new version.
      if (span) {
        await refreshActivityRollup(trx, request.workspaceId, {
          from: span.from,
          to: new Date(span.to.getTime() + DAY_MS),
        });
      } else if (changed) {
        await refreshActivityRollup(trx, request.workspaceId, { from: startedAt, to: startedAt });
      }
      phase('rollup');
      const importId = await insertImportRecord(
        trx,
        {
          workspace_id: request.workspaceId,
          entity: request.entity,
          origin: request.origin,
          file_name: request.fileName ?? null,
          mode: request.mode,
          status: 'committed',
          mapping: request.mapping,
          rows_read: rowsRead,
          inserted,
          updated,
          unchanged,
          rejected,
          excluded,
          message: null,
          started_at: startedAt,
        },
        reported,
      );
      const event = await recordDomainEvent(trx, request.workspaceId, {
        type: 'import.committed',
        payload: {
          importId,
          entity: request.entity,
          dataVersion,
          changedFrom: span?.from.toISOString() ?? null,
          changedTo: span?.to.toISOString() ?? null,
        },
      });
      phase('record');
      return { ...result, importId, status: 'committed', message: null, dataVersion, event };
    });
    if (result.inserted + result.updated >= analyzeAfterRows) {
      await refreshStatisticsAfter(deps.db, request.entity);
    }
    return result;
  } catch (error) {
    // Refusals and dry runs end by throwing, so that the transaction rolls back.
    if (error instanceof Outcome) {
      if (error.result.status === 'refused') {
        return recordRefusal(deps.db, request, startedAt, error.result, reported);
      }
      return error.result;
    }
    if (error instanceof DomainError) {
      // A file-level problem (e.g. a mapping that does not fit the header) may name cells.
      const fileErrors = Array.isArray(error.details.errors)
        ? (error.details.errors as ImportRowError[])
        : [];
      const result: ImportResult = {
        ...base,
        importId: null,
        status: 'refused',
        refusal: error.code,
        rowsRead,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        errors: fileErrors,
        errorsTruncated: false,
        message: `Nothing was imported: ${error.message}`,
      };
      return recordRefusal(deps.db, request, startedAt, result, fileErrors);
    }
    throw error;
  }
}

async function recordRefusal<E extends ImportEntity>(
  db: Kysely<Database>,
  request: ImportRequest<E>,
  startedAt: Date,
  result: ImportResult,
  errors: readonly ImportRowError[],
): Promise<ImportResult> {
  if (request.dryRun) return result;
  const importId = await db.transaction().execute((trx) =>
    insertImportRecord(
      trx,
      {
        workspace_id: request.workspaceId,
        entity: request.entity,
        origin: request.origin,
        file_name: request.fileName ?? null,
        mode: request.mode,
        status: 'refused',
        mapping: request.mapping,
        rows_read: result.rowsRead,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected: result.rejected,
        excluded: result.excluded,
        message: result.message,
        started_at: startedAt,
      },
      errors,
    ),
  );
  return { ...result, importId };
}

/** Imported rows from which an import counts its duplicates from a collected table. */
const COLLECT_DUPLICATES_FROM_ROWS = 10_000;

/** Written rows from which an import refreshes the planner's statistics of its tables. */
const ANALYZE_AFTER_ROWS = 100_000;

/**
 * After a large import, the planner's statistics of the tables it wrote, as committed (the
 * analysis inside the import ran before the exclusion marks and the rollup were written):
 * the next imports and the metric engine plan by them, and a server with autovacuum off
 * (or slow to get to it) would keep planning for the tables as they were. Run after the
 * commit, in its own short transaction. A failure only leaves the statistics as they were.
 */
async function refreshStatisticsAfter(db: Kysely<Database>, entity: ImportEntity): Promise<void> {
  const tables = [targetTableOf(entity), ...(entity === 'activities' ? ['activity_rollups'] : [])];
  try {
    await db.transaction().execute((trx) => analyzeIfUncontended(trx, tables));
  } catch {
    // Statistics are an optimisation; the import itself is committed.
  }
}

/**
 * ANALYZE of tables inside a transaction, which then holds their statistics lock (SHARE
 * UPDATE EXCLUSIVE) to its commit: taken only if no one else holds it within a second (a
 * vacuum, another import's analysis), else skipped. Statistics only make plans better or
 * worse, never results, so a failure leaves them as they were and the transaction going.
 */
async function analyzeIfUncontended(trx: Kysely<Database>, tables: string[]): Promise<void> {
  await sql`savepoint analyze_tables`.execute(trx);
  try {
    await sql`set local lock_timeout = '1s'`.execute(trx);
    await sql.raw(`analyze ${tables.join(', ')}`).execute(trx);
    await sql`release savepoint analyze_tables`.execute(trx);
  } catch {
    await sql`rollback to savepoint analyze_tables`.execute(trx);
  }
  // A SET LOCAL inside a released savepoint lasts to the commit: put the default back.
  await sql`set local lock_timeout = default`.execute(trx);
}

async function currentDataVersion(trx: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await trx
    .selectFrom('workspaces')
    .select('data_version')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row?.data_version ?? 0;
}

/**
 * How many of the import's rows each counting rule excludes. A row-level reason is the one
 * the resolved row carries (written rows store it; an unchanged row's stored values, and so
 * its reason, equal the resolved ones); only duplicates, marked by the pass over the
 * stored rows, are looked up there. A small import looks its rows up by key. A large one
 * first collects and analyses the workspace's duplicates (a few percent of its rows) and
 * probes them once per row: planned for their real number (the table's statistics may
 * predate the marks, and a nested loop over "one" duplicate row would be quadratic), and
 * cheaper than joining every row of a large import with the stored rows.
 */
async function excludedAmongImported(
  trx: Kysely<Database>,
  workspaceId: string,
  rows: number,
): Promise<Record<ExcludedReason, number>> {
  let stored: RawBuilder<unknown>;
  if (rows < COLLECT_DUPLICATES_FROM_ROWS) {
    // Every stored row of the workspace on the inner side, so the estimate is large and a
    // nested loop can only be one of key lookups.
    stored = sql`activities d on d.workspace_id = ${workspaceId}
      and d.external_id = s.external_id and d.source_system = s.source_system`;
  } else {
    await sql`create temp table import_duplicates on commit drop as
      select external_id, source_system, excluded_reason from activities
      where workspace_id = ${workspaceId} and excluded_reason = 'duplicate'`.execute(trx);
    await sql`analyze import_duplicates`.execute(trx);
    stored = sql`import_duplicates d
      on d.external_id = s.external_id and d.source_system = s.source_system`;
  }
  const { rows: counts } = await sql<{ reason: ExcludedReason | null; n: number | string }>`
    select coalesce(s.excluded_reason,
        case when d.excluded_reason = 'duplicate' then 'duplicate' end) as reason,
      count(*) as n
    from ${sql.table(RESOLVED_TABLE)} s
    left join ${stored}
    group by 1`.execute(trx);
  return tally(counts);
}

/**
 * How many of the import's rows each counting rule excludes when the import wrote nothing:
 * every row is stored as it was and no mark was redone, so each row's mark is the one its
 * stored row had when the resolve pass read it (one scan of the resolved rows instead of
 * a join with the workspace's duplicates).
 */
async function excludedAsStored(trx: Kysely<Database>): Promise<Record<ExcludedReason, number>> {
  const { rows: counts } = await sql<{ reason: ExcludedReason | null; n: number | string }>`
    select previous_excluded_reason as reason, count(*) as n
    from ${sql.table(RESOLVED_TABLE)} group by 1`.execute(trx);
  return tally(counts);
}

/** Rows counted per reason (the null reason, counted rows, left out) as a full record. */
function tally(
  counts: readonly { reason: ExcludedReason | null; n: number | string }[],
): Record<ExcludedReason, number> {
  const excluded = noExclusions();
  for (const row of counts) if (row.reason) excluded[row.reason] = Number(row.n);
  return excluded;
}

/** A unique constraint refused a row (SQLSTATE 23505), on PostgreSQL and PGlite alike. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

function dryRunMessage(
  mode: ImportMode,
  rejected: number,
  inserted: number,
  updated: number,
  unchanged: number,
): string {
  const would = `would insert ${inserted}, update ${updated} and leave ${unchanged} unchanged`;
  if (rejected === 0) return `Ready: importing ${would}.`;
  return mode === 'all_or_nothing'
    ? `${rejected} rows have errors, so importing would change nothing; without them it ${would}.`
    : `${rejected} rows have errors and would be skipped; the rest ${would}.`;
}
