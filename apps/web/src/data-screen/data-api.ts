/**
 * The Data screen's calls: CSV uploads (raw body, with progress), imports and dry runs,
 * presets and saved mappings, the import history, data health and the counting settings.
 * JSON routes go through the typed Hono client, so a drift from the API fails the typecheck;
 * the upload, sent without it for its progress, is read with the contract's schema. A
 * refused import (422) is told from other problems by the contract's ImportRefusal: its
 * counts, row errors and the report's address.
 */
import { ApiProblem, createTreelineClient, okJson, readProblem } from '@treeline/client';
import {
  type ColumnMapping,
  type Grain,
  type ImportRefusal,
  ImportRefusalSchema,
  type ImportResult,
  type Upload,
  UploadSchema,
  type Workspace,
} from '@treeline/core';
import type { Problem } from '../lib/api';
import { requestWorkspace, WORKSPACE_HEADER, withWorkspace } from '../lib/request-workspace';

export type {
  CountingPolicy,
  DataHealth,
  ExcludedCounts,
  ImportCatalog,
  ImportPresetInfo,
  ImportRecord,
  ImportResult,
  SavedMapping,
  Upload,
} from '@treeline/core';

/** The workspace's counting settings, as the Data screen shows and changes them. */
export type CountingSettings = Pick<
  Workspace,
  'timeZone' | 'countingPolicy' | 'duplicateToleranceSeconds'
>;

/** Which mapping an import uses: exactly one of inline, preset or saved. */
export type MappingChoice =
  | { mapping: ColumnMapping }
  | { presetKey: string }
  | { mappingId: string };

/** An import either returns its result, or was refused with its row errors (nothing written). */
export type ImportOutcome =
  | { kind: 'result'; result: ImportResult }
  | { kind: 'refused'; problem: Problem; result: ImportResult };

/** A success whose body is not what the route answers: said as a problem, not a crash. */
function unexpectedAnswer(status: number, path: string): Problem {
  return {
    type: 'about:blank',
    title: 'Unexpected answer from the server',
    status,
    detail: `The server's answer to ${path} is not what this app expects; reload the page, and report it if it persists.`,
  };
}

const client = createTreelineClient(
  typeof location === 'undefined' ? 'http://localhost' : location.origin,
  { fetch: withWorkspace((input, init) => fetch(input, init)) },
);
const accept = { headers: { accept: 'application/json' } };
const withSignal = (signal?: AbortSignal) => ({
  init: { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) },
});

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
    const workspace = requestWorkspace();
    if (workspace) request.setRequestHeader(WORKSPACE_HEADER, workspace);
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
      if (request.status !== 201) {
        readProblem(response, '/api/uploads').then((problem) => reject(new ApiProblem(problem)));
        return;
      }
      response.json().then((body: unknown) => {
        const upload = UploadSchema.safeParse(body);
        if (upload.success) resolve(upload.data);
        else reject(new ApiProblem(unexpectedAnswer(request.status, '/api/uploads')));
      }, reject);
    };
    request.onerror = () => reject(new Error('The upload was interrupted'));
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}

export const dataApi = {
  getImportCatalog: (signal?: AbortSignal) =>
    okJson(client.api['import-presets'].$get(undefined, withSignal(signal))),

  listMappings: async (signal?: AbortSignal) =>
    (await okJson(client.api['import-mappings'].$get(undefined, withSignal(signal)))).mappings,

  saveMapping: (name: string, mapping: ColumnMapping) =>
    okJson(client.api['import-mappings'].$post({ json: { name, mapping } }, accept)),

  /** A dry run (`dryRun`) or the import itself; a refusal comes back, other failures throw. */
  runImport: async (
    uploadId: string,
    choice: MappingChoice,
    dryRun: boolean,
  ): Promise<ImportOutcome> => {
    const response = await client.api.imports.$post(
      { json: { uploadId, dryRun, ...choice } },
      accept,
    );
    if (response.ok) return { kind: 'result', result: await response.json() };
    const problem = await readProblem(response, '/api/imports');
    const refusal = response.status === 422 ? ImportRefusalSchema.safeParse(problem) : null;
    if (refusal?.success) return { kind: 'refused', problem, result: refusedResult(refusal.data) };
    throw new ApiProblem(problem);
  },

  listImports: async (signal?: AbortSignal) =>
    (await okJson(client.api.imports.$get(undefined, withSignal(signal)))).imports,

  getDataHealth: (grain: Grain, periods: number, signal?: AbortSignal) =>
    okJson(
      client.api['data-health'].$get(
        { query: { grain, periods: String(periods) } },
        withSignal(signal),
      ),
    ),

  getCountingSettings: (signal?: AbortSignal): Promise<CountingSettings> =>
    okJson(client.api.workspace.$get(undefined, withSignal(signal))),

  saveCountingSettings: (
    settings: Partial<Omit<CountingSettings, 'timeZone'>>,
  ): Promise<CountingSettings> => okJson(client.api.workspace.$patch({ json: settings }, accept)),
};

/** A refused import's problem body (counts, first rejected rows, report) as an ImportResult. */
export function refusedResult(refusal: ImportRefusal): ImportResult {
  const {
    type: _type,
    title: _title,
    status: _status,
    detail,
    errors,
    message,
    ...counts
  } = refusal;
  return {
    ...counts,
    status: 'refused',
    errors: errors.map(({ row, column, field, value, reason }) => ({
      row,
      column,
      field,
      value,
      reason,
    })),
    message: message ?? detail,
  };
}
