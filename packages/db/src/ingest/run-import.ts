/**
 * One import, start to finish, in ONE transaction, as a sequence of phases, each a function
 * that takes what the ones before it returned: stage the rows (stage-import-rows.ts),
 * resolve them against the stored rows in one set-based pass, check them, write the new
 * and changed rows, re-mark the counting rules over the time the import touched and count
 * its exclusions, refresh the data version and the activity rollup, record the import and
 * its event. The transaction is a controlled one, ended as the phases' outcome says: a
 * committed import commits, a dry run and a refused import roll back (a refused one is
 * then recorded on its own). A crash or a killed process mid-way rolls everything back; a
 * refused import leaves only its record and the report of its rejected rows.
 *
 * Modes (docs/decisions/0014-import-modes.md):
 * - all_or_nothing (CSV files): any rejected row refuses the whole import.
 * - commit_valid (the bulk API): valid rows commit, rejected rows come back with reasons.
 */
import type { DomainError, ImportEntity, ImportRowError } from '@treeline/core';
import { type ControlledTransaction, type Kysely, sql, type Transaction } from 'kysely';
import { markActivityExclusions, noExclusions } from '../counting/mark-activity-exclusions';
import { recordDomainEvent } from '../events/domain-event.repository';
import type { CopyFrom } from '../open-database';
import { refreshActivityRollup } from '../rollups/refresh-activity-rollup';
import type { Database, ExcludedReason, ImportMode } from '../schema/database';
import { bumpDataVersion } from '../workspaces/workspace.repository';
import {
  ANALYZE_AFTER_ROWS,
  analyzeIfUncontended,
  refreshStatisticsAfter,
} from './analyze-import-tables';
import { excludedAmongImported, excludedAsStored } from './count-imported-exclusions';
import { dropRejectedRows, findStagedRowErrors } from './find-staged-row-errors';
import { type ImportEventRecord, insertImportRecord } from './import.repository';
import { type NumberedRecord, type StagedRows, stageImportRows } from './stage-import-rows';
import { STAGING_SPECS, type StagingSpec } from './staging-spec';
import { dropStagingTable } from './staging-writer';
import {
  holdsRows,
  markRepeatedKeys,
  resolveStagedRows,
  targetTableOf,
  type UpsertOutcome,
  writeResolvedRows,
} from './upsert-staged-rows';

export type { NumberedRecord } from './stage-import-rows';

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

/** What every phase may read: the request and what was fixed when the import started. */
interface ImportRun<E extends ImportEntity> {
  deps: ImportDeps;
  request: ImportRequest<E>;
  spec: StagingSpec<E>;
  columnOf: (field: string) => string | null;
  startedAt: Date;
  analyzeAfterRows: number;
}

/** How the import's transaction ends: only a committed import keeps what it wrote. */
type ImportEnding =
  | { kind: 'committed'; result: ImportResult }
  | { kind: 'dry_run'; result: ImportResult }
  /** Rolled back, then recorded with `report`, the errors of every rejected row kept. */
  | { kind: 'refused'; result: ImportResult; report: readonly ImportRowError[] };

/** The rows checked: how many are rejected and every error kept for the report, by row. */
interface CheckedRows {
  rejected: number;
  report: ImportRowError[];
  /** Rows rejected by the checks of the staged rows (they are dropped before the write). */
  stagedRejected: number;
  repeatsMarked: boolean;
}

interface WrittenRows extends UpsertOutcome {
  checked: CheckedRows;
  unchanged: number;
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
  const run: ImportRun<E> = {
    deps,
    request,
    spec: STAGING_SPECS[request.entity],
    columnOf: request.columnOf ?? ((field: string) => field),
    startedAt: (deps.now ?? (() => new Date()))(),
    analyzeAfterRows: deps.analyzeAfterRows ?? ANALYZE_AFTER_ROWS,
  };
  const ending = await inImportTransaction(deps.db, (trx) => importInTransaction(trx, run));
  if (ending.kind === 'refused') return recordRefusal(run, ending.result, ending.report);
  const { result } = ending;
  if (ending.kind === 'committed' && result.inserted + result.updated >= run.analyzeAfterRows) {
    await refreshStatisticsAfter(deps.db, request.entity);
  }
  return result;
}

/**
 * Runs `work` in a controlled transaction and ends it as the work's ending says: commits a
 * committed import, rolls back a dry run or a refusal. A throw rolls back and is rethrown.
 */
async function inImportTransaction(
  db: Kysely<Database>,
  work: (trx: ControlledTransaction<Database>) => Promise<ImportEnding>,
): Promise<ImportEnding> {
  const trx = await db.startTransaction().execute();
  try {
    const ending = await work(trx);
    if (ending.kind === 'committed') await trx.commit().execute();
    else await trx.rollback().execute();
    return ending;
  } catch (error) {
    if (!trx.isCommitted && !trx.isRolledBack) {
      // The failure is what the caller must see; a rollback that fails too (the
      // connection is gone) leaves nothing behind either.
      await trx
        .rollback()
        .execute()
        .catch(() => {});
    }
    throw error;
  }
}

/** The phases, in order, inside the import's transaction. */
async function importInTransaction<E extends ImportEntity>(
  trx: ControlledTransaction<Database>,
  run: ImportRun<E>,
): Promise<ImportEnding> {
  const staging = await timed(run, 'stage', async () => {
    await prepareTransaction(trx, run.request.workspaceId);
    return stageImportRows(trx, {
      spec: run.spec,
      copyFrom: run.deps.copyFrom,
      records: run.request.records,
      maxRows: run.request.maxRows,
      maxErrors: MAX_REPORTED_ERRORS,
    });
  });
  if (!staging.ok) return inputRefusal(run, staging.problem, staging.rowsRead);
  const { staged } = staging;
  const firstLoad = await timed(run, 'resolve', () => resolveRows(trx, run, staged));
  const written = await checkAndWriteRows(trx, run, staged, { repeatsMarked: !firstLoad });
  if (written.kind === 'refused') return written;
  const excluded = await countExclusions(trx, run, written, firstLoad);
  if (run.request.dryRun) {
    return { kind: 'dry_run', result: dryRunResult(run, staged, written, excluded) };
  }
  const dataVersion = await timed(run, 'rollup', () => refreshDerivedData(trx, run, written));
  const recorded = await timed(run, 'record', () =>
    recordImport(trx, run, staged, written, excluded, dataVersion),
  );
  return {
    kind: 'committed',
    result: {
      ...rowCounts(run, staged, written.checked),
      importId: recorded.importId,
      status: 'committed',
      inserted: written.inserted,
      updated: written.updated,
      unchanged: written.unchanged,
      excluded,
      message: null,
      refusal: null,
      dataVersion,
      event: recorded.event,
    },
  };
}

/**
 * Serializes the workspace's imports, and gives the checks, the upsert and the exclusion
 * pass the memory to sort and hash millions of rows in (the default 4 MB spills to
 * temporary files at a few hundred thousand rows).
 */
async function prepareTransaction(trx: Kysely<Database>, workspaceId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('treeline.import'), hashtext(${workspaceId}))`.execute(
    trx,
  );
  await sql`set local work_mem = '256MB'`.execute(trx);
}

/**
 * Resolves the staged rows against the stored ones (resolveStagedRows); returns whether
 * this is a first load, the workspace holding no rows of the entity. Keys repeated within
 * the import are looked for as the rows are resolved only when it holds some (two rows
 * repeating a stored key would both update it); on a first load, only when a row is
 * rejected (a refused file's report lists every problem) or after the table's unique key
 * refused a repeated key (decision 0027).
 */
async function resolveRows<E extends ImportEntity>(
  trx: Kysely<Database>,
  run: ImportRun<E>,
  staged: StagedRows,
): Promise<boolean> {
  const { entity, workspaceId } = run.request;
  // A new table has no statistics until analysed; the joins of the resolve pass need them.
  await sql.raw(`analyze ${staged.table}`).execute(trx);
  const firstLoad = !(await holdsRows(trx, entity, workspaceId));
  await resolveStagedRows(trx, entity, workspaceId, {
    holdsRows: !firstLoad,
    stagingTable: staged.table,
  });
  return firstLoad;
}

/**
 * Checks the resolved rows, refuses an all-or-nothing import with a rejected row, and
 * writes the rest. A write the table's unique key refuses (a key repeated in a first load,
 * not looked for yet) is undone to a savepoint; the repeats are then noted and the rows
 * checked and written again.
 */
async function checkAndWriteRows<E extends ImportEntity>(
  trx: ControlledTransaction<Database>,
  run: ImportRun<E>,
  staged: StagedRows,
  options: { repeatsMarked: boolean },
): Promise<({ kind: 'written' } & WrittenRows) | Extract<ImportEnding, { kind: 'refused' }>> {
  const checked = await timed(run, 'check', () =>
    checkRows(trx, run, staged, options.repeatsMarked),
  );
  const { mode, dryRun } = run.request;
  if (checked.rejected > 0 && mode === 'all_or_nothing' && !dryRun) {
    return rowsRefusal(run, staged, checked);
  }
  const written = await timed(run, 'upsert', () => writeRows(trx, run, staged, checked));
  if (written !== 'repeated_key') return { kind: 'written', ...written, checked };
  // A key repeated in the import: the write was undone; note the repeats, check again.
  await timed(run, 'check', () => markRepeatedKeys(trx, run.request.entity, staged.table));
  return checkAndWriteRows(trx, run, staged, { repeatsMarked: true });
}

/**
 * The rejected rows: the reader's and those the checks of the resolved rows find. A row
 * rejected for any reason has the repeated keys looked for first (if they were not yet),
 * so that a refused file's report names every problem (decision 0027).
 */
async function checkRows<E extends ImportEntity>(
  trx: Kysely<Database>,
  run: ImportRun<E>,
  staged: StagedRows,
  repeatsMarked: boolean,
): Promise<CheckedRows> {
  const reportable = Math.max(0, MAX_REPORTED_ERRORS - staged.parseErrors.length);
  const check = () => findStagedRowErrors(trx, run.spec, run.columnOf, reportable);
  const first = await check();
  const lookForRepeats = !repeatsMarked && staged.parseRejected + first.rejectedRows > 0;
  if (lookForRepeats) await markRepeatedKeys(trx, run.request.entity, staged.table);
  const found = lookForRepeats ? await check() : first;
  return {
    rejected: staged.parseRejected + found.rejectedRows,
    report: [...staged.parseErrors, ...found.errors].sort((a, b) => a.row - b.row),
    stagedRejected: found.rejectedRows,
    repeatsMarked: repeatsMarked || lookForRepeats,
  };
}

/**
 * Writes the checked rows (the rejected ones dropped first) inside a savepoint, then drops
 * the staging table and, after a large write, refreshes the table's statistics (the
 * statements that follow plan by them, and they still describe the table as it was). Returns
 * 'repeated_key' when the table's unique key refused a row before the repeats were looked
 * for: the write is then undone. Once they were, a refused key is a real failure.
 */
async function writeRows<E extends ImportEntity>(
  trx: ControlledTransaction<Database>,
  run: ImportRun<E>,
  staged: StagedRows,
  checked: CheckedRows,
): Promise<Omit<WrittenRows, 'checked'> | 'repeated_key'> {
  const { entity, workspaceId } = run.request;
  if (checked.stagedRejected > 0) await dropRejectedRows(trx);
  const beforeWrite = await trx.savepoint('write_rows').execute();
  let written: UpsertOutcome;
  try {
    written = await writeResolvedRows(beforeWrite, entity, workspaceId);
  } catch (error) {
    if (checked.repeatsMarked || !isUniqueViolation(error)) throw error;
    const undone = await beforeWrite.rollbackToSavepoint('write_rows').execute();
    await undone.releaseSavepoint('write_rows').execute();
    return 'repeated_key';
  }
  await beforeWrite.releaseSavepoint('write_rows').execute();
  await dropStagingTable(trx, staged.table);
  if (written.inserted + written.updated >= run.analyzeAfterRows) {
    await analyzeIfUncontended(trx, [targetTableOf(entity)]);
  }
  const unchanged = staged.rowsRead - checked.rejected - written.inserted - written.updated;
  return { ...written, unchanged };
}

/**
 * Re-marks the counting rules over the time the written rows cover (old values of updated
 * rows included; an import that changed nothing has nothing to re-mark) and counts how many
 * of the import's rows each rule excludes. After a first load the workspace's activities
 * are the import's rows: the pass counts them as it goes; any other import of activities
 * counts its own rows after it.
 */
async function countExclusions<E extends ImportEntity>(
  trx: Kysely<Database>,
  run: ImportRun<E>,
  written: WrittenRows,
  firstLoad: boolean,
): Promise<Record<ExcludedReason, number>> {
  const { entity, workspaceId } = run.request;
  // Only activities are counted: another entity's span (engagement events) re-marks nothing.
  const span = entity === 'activities' ? written.span : null;
  const marked = span
    ? await timed(run, 'mark_exclusions', () =>
        markActivityExclusions(trx, workspaceId, {
          since: span.from,
          countWorkspace: firstLoad,
          // Every write stores the row-level reason with the row (the upsert plan derives it).
          rowReasonsStored: true,
        }),
      )
    : null;
  if (firstLoad) return marked?.excluded ?? noExclusions();
  if (entity !== 'activities') return noExclusions();
  const kept = written.unchanged + written.inserted + written.updated;
  return timed(run, 'count_excluded', () =>
    span ? excludedAmongImported(trx, workspaceId, kept) : excludedAsStored(trx),
  );
}

/**
 * Bumps the workspace's data version when the import changed a row (an import that changed
 * nothing leaves it, and so every cached value and the activity rollup, as they are), and
 * recomputes the activity rollup for the days the written rows touch (a duplicate found
 * after the last row can be up to the tolerance later: a day of margin); any other import
 * that changed rows just records the new version with it. The metric engine reads the
 * rollup only when it was built at the current data version. Returns the data version.
 */
async function refreshDerivedData<E extends ImportEntity>(
  trx: Kysely<Database>,
  run: ImportRun<E>,
  written: WrittenRows,
): Promise<number> {
  const { workspaceId, entity } = run.request;
  const span = entity === 'activities' ? written.span : null;
  const changed = written.inserted + written.updated > 0;
  const dataVersion = changed
    ? await bumpDataVersion(trx, workspaceId)
    : await currentDataVersion(trx, workspaceId);
  if (span) {
    await refreshActivityRollup(trx, workspaceId, {
      from: span.from,
      to: new Date(span.to.getTime() + DAY_MS),
    });
  } else if (changed) {
    await refreshActivityRollup(trx, workspaceId, { from: run.startedAt, to: run.startedAt });
  }
  return dataVersion;
}

/** Records the committed import with its counts and report, and its event. */
async function recordImport<E extends ImportEntity>(
  trx: Transaction<Database>,
  run: ImportRun<E>,
  staged: StagedRows,
  written: WrittenRows,
  excluded: Record<ExcludedReason, number>,
  dataVersion: number,
): Promise<{ importId: string; event: ImportEventRecord }> {
  const { request } = run;
  const importId = await insertImportRecord(
    trx,
    {
      ...recordFields(run),
      status: 'committed',
      rows_read: staged.rowsRead,
      inserted: written.inserted,
      updated: written.updated,
      unchanged: written.unchanged,
      rejected: written.checked.rejected,
      excluded,
      message: null,
    },
    written.checked.report,
  );
  const event = await recordDomainEvent(trx, request.workspaceId, {
    type: 'import.committed',
    payload: {
      importId,
      entity: request.entity,
      dataVersion,
      changedFrom: written.span?.from.toISOString() ?? null,
      changedTo: written.span?.to.toISOString() ?? null,
    },
  });
  return { importId, event };
}

/**
 * Records a refused import (after its transaction rolled back), with `report`, in a
 * transaction of its own; a dry run records nothing.
 */
async function recordRefusal<E extends ImportEntity>(
  run: ImportRun<E>,
  result: ImportResult,
  report: readonly ImportRowError[],
): Promise<ImportResult> {
  if (run.request.dryRun) return result;
  const importId = await run.deps.db.transaction().execute((trx) =>
    insertImportRecord(
      trx,
      {
        ...recordFields(run),
        status: 'refused',
        rows_read: result.rowsRead,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected: result.rejected,
        excluded: result.excluded,
        message: result.message,
      },
      report,
    ),
  );
  return { ...result, importId };
}

/** The fields of an import's record that the request and its start fix. */
function recordFields<E extends ImportEntity>(run: ImportRun<E>) {
  const { request } = run;
  return {
    workspace_id: request.workspaceId,
    entity: request.entity,
    origin: request.origin,
    file_name: request.fileName ?? null,
    mode: request.mode,
    mapping: request.mapping,
    started_at: run.startedAt,
  };
}

/** An all-or-nothing import with rejected rows: nothing written, every error reported. */
function rowsRefusal<E extends ImportEntity>(
  run: ImportRun<E>,
  staged: StagedRows,
  checked: CheckedRows,
): Extract<ImportEnding, { kind: 'refused' }> {
  const result: ImportResult = {
    ...rowCounts(run, staged, checked),
    ...nothingWritten(),
    status: 'refused',
    refusal: 'rows_rejected',
    message: `Nothing was imported: ${checked.rejected} of ${staged.rowsRead} rows have errors. Fix them (see the report) and import the file again.`,
  };
  return { kind: 'refused', result, report: checked.report };
}

/** Input that cannot be imported as a whole (a file that cannot be read, too many rows). */
function inputRefusal<E extends ImportEntity>(
  run: ImportRun<E>,
  problem: DomainError,
  rowsRead: number,
): Extract<ImportEnding, { kind: 'refused' }> {
  // A file-level problem (e.g. a mapping that does not fit the header) may name cells.
  const fileErrors = Array.isArray(problem.details.errors)
    ? (problem.details.errors as ImportRowError[])
    : [];
  const result: ImportResult = {
    entity: run.request.entity,
    mode: run.request.mode,
    ...nothingWritten(),
    status: 'refused',
    refusal: problem.code,
    rowsRead,
    rejected: 0,
    errors: fileErrors,
    errorsTruncated: false,
    message: `Nothing was imported: ${problem.message}`,
  };
  return { kind: 'refused', result, report: fileErrors };
}

function dryRunResult<E extends ImportEntity>(
  run: ImportRun<E>,
  staged: StagedRows,
  written: WrittenRows,
  excluded: Record<ExcludedReason, number>,
): ImportResult {
  const { inserted, updated, unchanged } = written;
  return {
    ...rowCounts(run, staged, written.checked),
    importId: null,
    status: 'dry_run',
    inserted,
    updated,
    unchanged,
    excluded,
    message: dryRunMessage(
      run.request.mode,
      written.checked.rejected,
      inserted,
      updated,
      unchanged,
    ),
    refusal: null,
    dataVersion: null,
    event: null,
  };
}

/** The counts every result of checked rows reports (the first errors, all in the report). */
function rowCounts<E extends ImportEntity>(
  run: ImportRun<E>,
  staged: StagedRows,
  checked: CheckedRows,
) {
  const { rejected, report } = checked;
  return {
    entity: run.request.entity,
    mode: run.request.mode,
    rowsRead: staged.rowsRead,
    rejected,
    errors: report.slice(0, ERRORS_IN_RESULT),
    errorsTruncated: report.length > ERRORS_IN_RESULT || rejected > report.length,
  };
}

function nothingWritten() {
  return {
    importId: null,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    excluded: noExclusions(),
    dataVersion: null,
    event: null,
  };
}

/** Runs one phase, telling `onPhase` how long it took. */
async function timed<E extends ImportEntity, T>(
  run: ImportRun<E>,
  phase: ImportPhase,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const result = await work();
  run.deps.onPhase?.(phase, performance.now() - started);
  return result;
}

async function currentDataVersion(trx: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await trx
    .selectFrom('workspaces')
    .select('data_version')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row?.data_version ?? 0;
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
