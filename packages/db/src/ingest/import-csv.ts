/**
 * A CSV file through a column mapping into the workspace: the shared path of the API's
 * upload import and the CLI's `treeline import`. A file that cannot be read at all (empty,
 * header only, not UTF-8, a mapping that does not fit its header) is a refused import like
 * one with bad rows: recorded, with the reason, and nothing written.
 */
import type { Readable } from 'node:stream';
import type { ColumnMapping, ImportEntity } from '@treeline/core';
import type { ImportMode } from '../schema/database';
import { type CsvDelimiter, openCsvImport } from './open-csv-import';
import { type ImportDeps, type ImportResult, type NumberedRecord, runImport } from './run-import';

export interface CsvImportRequest {
  workspaceId: string;
  origin: 'csv' | 'cli';
  mapping: ColumnMapping;
  source: Readable;
  fileName?: string | null;
  delimiter?: CsvDelimiter;
  /** Default all_or_nothing: a file is fixed and imported again, never half-applied. */
  mode?: ImportMode;
  dryRun?: boolean;
}

/**
 * @example
 * const result = await importCsv({ db, copyFrom }, {
 *   workspaceId, origin: 'cli', mapping, source: createReadStream('calls.csv'), fileName: 'calls.csv',
 * });
 */
export async function importCsv(
  deps: ImportDeps,
  request: CsvImportRequest,
): Promise<ImportResult> {
  const entity = request.mapping.entity as ImportEntity;
  async function* records(): AsyncIterable<NumberedRecord<ImportEntity>[]> {
    const csv = await openCsvImport<ImportEntity>(
      request.source,
      request.mapping,
      request.delimiter,
    );
    yield* csv.records;
  }
  return runImport(deps, {
    workspaceId: request.workspaceId,
    entity,
    origin: request.origin,
    mode: request.mode ?? 'all_or_nothing',
    dryRun: request.dryRun ?? false,
    fileName: request.fileName ?? null,
    mapping: request.mapping,
    records: records(),
    columnOf: mappedColumn(request.mapping),
  });
}

/** The file's column a mapping reads a field from (the first, when it names several). */
export function mappedColumn(mapping: ColumnMapping): (field: string) => string | null {
  return (field) => {
    const spec = mapping.fields[field];
    if (!spec) return null;
    return spec.column ?? spec.columns?.[0] ?? null;
  };
}
