/**
 * How an import's outcome and records go back over HTTP, in the contract's shapes:
 * committed imports and dry runs are 200 with the counts; a refused import is a 422
 * problem+json carrying the same counts, the first rejected rows and the address of the
 * full report.
 */

import type { ImportRecord, ImportRefusal, ImportResult, SavedMapping } from '@treeline/core';
import type {
  ImportMappingRecord,
  ImportResult as ImportOutcome,
  ImportRecord as ImportRow,
} from '@treeline/db';
import type { Context } from 'hono';

export const reportUrlOf = (importId: string) => `/api/imports/${importId}/report.csv`;

export function importResultJson(result: ImportOutcome): ImportResult {
  const { event: _event, refusal: _refusal, ...rest } = result;
  return {
    ...rest,
    reportUrl: result.importId && result.rejected > 0 ? reportUrlOf(result.importId) : null,
  };
}

/** A refused import as problem+json (422). */
export function refusedImportResponse(c: Context, result: ImportOutcome) {
  const { status: _status, errors, ...body } = importResultJson(result);
  const refusal: ImportRefusal = {
    type: 'https://treeline.dev/problems/import-refused',
    title: 'Import refused',
    status: 422,
    detail: result.message ?? 'Nothing was imported.',
    ...body,
    errors: errors.map((e) => ({ path: `rows.${e.row}`, message: e.reason, ...e })),
  };
  return c.json(refusal, 422, { 'content-type': 'application/problem+json' });
}

export function importRecordJson(record: ImportRow): ImportRecord {
  return {
    id: record.id,
    entity: record.entity,
    origin: record.origin,
    fileName: record.file_name,
    mode: record.mode,
    status: record.status,
    rowsRead: record.rows_read,
    inserted: record.inserted,
    updated: record.updated,
    unchanged: record.unchanged,
    rejected: record.rejected,
    excluded: record.excluded,
    message: record.message,
    startedAt: record.started_at.toISOString(),
    finishedAt: record.finished_at.toISOString(),
    reportUrl: record.rejected > 0 ? reportUrlOf(record.id) : null,
  };
}

export function savedMappingJson(saved: ImportMappingRecord): SavedMapping {
  return {
    id: saved.id,
    name: saved.name,
    entity: saved.entity,
    mapping: saved.mapping,
    updatedAt: saved.updated_at.toISOString(),
  };
}
