/**
 * The Data screen's calls: CSV uploads (raw body, with progress), imports and dry runs,
 * presets and saved mappings, the import history, data health and the counting settings.
 * JSON routes go through the typed Hono client, so a drift from the API fails the typecheck;
 * a refused import (422) keeps every extension member of its problem body (counts, row errors,
 * the report's address), which the generic problem readers drop.
 */
import { createTreelineClient } from '@treeline/client';
import type {
  ColumnMapping,
  Grain,
  ImportEntity,
  ImportFieldSpec,
  ImportRowError,
  PeriodView,
} from '@treeline/core';
import { ApiProblem, type Problem } from '../lib/api';

/** What POST /api/uploads answers: the stored file's header, first rows and matching preset. */
export interface Upload {
  uploadId: string;
  fileName: string | null;
  bytes: number;
  delimiter: string;
  header: string[];
  sampleRows: string[][];
  detectedPreset: string | null;
}

export interface ImportPresetInfo {
  key: string;
  label: string;
  system: string;
  entity: ImportEntity;
  description: string;
  mapping: ColumnMapping;
}

export interface ImportCatalog {
  presets: ImportPresetInfo[];
  fields: Record<ImportEntity, ImportFieldSpec[]>;
}

export interface SavedMapping {
  id: string;
  name: string;
  entity: ImportEntity;
  mapping: ColumnMapping;
  updatedAt: string;
}

export type ExcludedCounts = Record<string, number>;

/** The outcome of POST /api/imports: committed, or what a dry run would do. */
export interface ImportResult {
  importId: string | null;
  status: 'committed' | 'refused' | 'dry_run';
  entity: ImportEntity;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  excluded: ExcludedCounts;
  errors: ImportRowError[];
  errorsTruncated: boolean;
  message: string | null;
  reportUrl: string | null;
}

/** A past import, committed or refused. */
export interface ImportRecord {
  id: string;
  entity: ImportEntity;
  origin: 'api' | 'csv' | 'cli';
  fileName: string | null;
  status: 'committed' | 'refused';
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  excluded: ExcludedCounts;
  message: string | null;
  startedAt: string;
  finishedAt: string;
  reportUrl: string | null;
}

export interface DataHealth {
  grain: Grain;
  periods: Array<{ period: PeriodView; counted: number; excluded: ExcludedCounts }>;
  totals: Record<string, number>;
  freshness: Array<{
    entity: string;
    importId: string;
    finishedAt: string;
    rowsRead: number;
    origin: string;
  }>;
  lastImportAt: string | null;
}

export type CountingPolicy = 'all_touches' | 'manual_only';

export interface CountingSettings {
  timeZone: string;
  countingPolicy: CountingPolicy;
  duplicateToleranceSeconds: number;
}

/** Which mapping an import uses: exactly one of inline, preset or saved. */
export type MappingChoice =
  | { mapping: ColumnMapping }
  | { presetKey: string }
  | { mappingId: string };

/** An import either returns its result, or was refused with its row errors (nothing written). */
export type ImportOutcome =
  | { kind: 'result'; result: ImportResult }
  | { kind: 'refused'; problem: Problem; result: ImportResult };

const client = createTreelineClient(
  typeof location === 'undefined' ? 'http://localhost' : location.origin,
);
const accept = { headers: { accept: 'application/json' } };
const withSignal = (signal?: AbortSignal) => ({
  init: { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) },
});

/** The problem body of a failed response, with every extension member kept. */
export async function problemOf(response: Response, path: string): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title:
      response.status >= 502 && response.status <= 504
        ? 'The Treeline API is not reachable'
        : response.statusText || `Request failed with status ${response.status}`,
    status: response.status,
    detail: `The server answered ${response.status} to ${path}.`,
  };
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && typeof (body as Problem).title === 'string') {
      return { ...fallback, ...(body as Problem) };
    }
  } catch {
    // not JSON: the fallback says what happened
  }
  return fallback;
}

async function json<T>(path: string, pending: Promise<Response>): Promise<T> {
  const response = await pending;
  if (!response.ok) throw new ApiProblem(await problemOf(response, path));
  return (await response.json()) as T;
}

/**
 * Sends a CSV file as the raw request body, so the server streams it to disk. XMLHttpRequest
 * rather than fetch because only it reports upload progress.
 *
 * @example
 * const upload = await uploadCsv(file, (sent, total) => setProgress(sent / total));
 */
export function uploadCsv(
  file: File,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/uploads');
    request.setRequestHeader('content-type', 'text/csv');
    request.setRequestHeader('accept', 'application/json');
    // Header values must be ISO-8859-1: a name with other characters is sent percent-encoded.
    request.setRequestHeader(
      'x-file-name',
      /^[\x20-\x7e]*$/.test(file.name) ? file.name : encodeURIComponent(file.name),
    );
    request.upload.onprogress = (event) => {
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    };
    request.onload = () => {
      const response = new Response(request.responseText, {
        status: request.status,
        statusText: request.statusText,
        headers: { 'content-type': request.getResponseHeader('content-type') ?? '' },
      });
      if (request.status === 201) {
        response.json().then((body) => resolve(body as Upload), reject);
      } else {
        problemOf(response, '/api/uploads').then((problem) => reject(new ApiProblem(problem)));
      }
    };
    request.onerror = () => reject(new Error('The upload was interrupted'));
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}

export const dataApi = {
  getImportCatalog: (signal?: AbortSignal) =>
    json<ImportCatalog>(
      '/api/import-presets',
      client.api['import-presets'].$get(undefined, withSignal(signal)),
    ),

  listMappings: async (signal?: AbortSignal) =>
    (
      await json<{ mappings: SavedMapping[] }>(
        '/api/import-mappings',
        client.api['import-mappings'].$get(undefined, withSignal(signal)),
      )
    ).mappings,

  saveMapping: (name: string, mapping: ColumnMapping) =>
    json<SavedMapping>(
      '/api/import-mappings',
      client.api['import-mappings'].$post(
        { json: { name, mapping: mapping as Record<string, unknown> } },
        accept,
      ),
    ),

  /** A dry run (`dryRun`) or the import itself; a refusal comes back, other failures throw. */
  runImport: async (
    uploadId: string,
    choice: MappingChoice,
    dryRun: boolean,
  ): Promise<ImportOutcome> => {
    const body =
      'mapping' in choice
        ? { uploadId, dryRun, mapping: choice.mapping as Record<string, unknown> }
        : { uploadId, dryRun, ...choice };
    const response = await client.api.imports.$post({ json: body }, accept);
    if (response.ok) return { kind: 'result', result: (await response.json()) as ImportResult };
    const problem = await problemOf(response, '/api/imports');
    if (response.status === 422 && typeof problem.rowsRead === 'number') {
      return { kind: 'refused', problem, result: refusedResult(problem) };
    }
    throw new ApiProblem(problem);
  },

  listImports: async (signal?: AbortSignal) =>
    (
      await json<{ imports: ImportRecord[] }>(
        '/api/imports',
        client.api.imports.$get(undefined, withSignal(signal)),
      )
    ).imports,

  getDataHealth: (grain: Grain, periods: number, signal?: AbortSignal) =>
    json<DataHealth>(
      '/api/data-health',
      client.api['data-health'].$get(
        { query: { grain, periods: String(periods) } },
        withSignal(signal),
      ),
    ),

  getCountingSettings: (signal?: AbortSignal) =>
    json<CountingSettings>(
      '/api/workspace',
      client.api.workspace.$get(undefined, withSignal(signal)),
    ),

  saveCountingSettings: (settings: Partial<Omit<CountingSettings, 'timeZone'>>) =>
    json<CountingSettings>(
      '/api/workspace',
      client.api.workspace.$patch({ json: settings }, accept),
    ),
};

/** The counts and row errors a refused import's problem body carries, as an ImportResult. */
export function refusedResult(problem: Problem): ImportResult {
  const number = (key: string) => (typeof problem[key] === 'number' ? (problem[key] as number) : 0);
  const rowErrors = Array.isArray(problem.errors)
    ? (problem.errors as Array<Partial<ImportRowError>>).map(
        (error): ImportRowError => ({
          row: typeof error.row === 'number' ? error.row : 0,
          column: error.column ?? null,
          field: error.field ?? null,
          value: error.value ?? null,
          reason: error.reason ?? (error as { message?: string }).message ?? 'refused',
        }),
      )
    : [];
  return {
    importId: typeof problem.importId === 'string' ? problem.importId : null,
    status: 'refused',
    entity: problem.entity as ImportEntity,
    rowsRead: number('rowsRead'),
    inserted: number('inserted'),
    updated: number('updated'),
    unchanged: number('unchanged'),
    rejected: number('rejected'),
    excluded: (problem.excluded as ExcludedCounts | undefined) ?? {},
    errors: rowErrors,
    errorsTruncated: problem.errorsTruncated === true,
    message: typeof problem.message === 'string' ? problem.message : (problem.detail ?? null),
    reportUrl: typeof problem.reportUrl === 'string' ? problem.reportUrl : null,
  };
}
