/**
 * CSV import in two steps, as the web app does it: POST /api/uploads streams the file to
 * disk (never into memory) and answers with its header, first rows and the preset that
 * matches its columns; POST /api/imports then imports the upload through a mapping (a
 * preset, a saved mapping or one sent inline), as a dry run that shows the row errors
 * first, or for real: all or nothing, with a downloadable report of rejected rows.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  type ColumnMapping,
  columnMappingSchema,
  DomainError,
  detectPreset,
  IMPORT_PRESETS,
  ImportProblemSchema,
  ImportResultSchema,
  type ImportUploadBody,
  ImportUploadBodySchema,
  UploadSchema,
} from '@treeline/core';
import { type CsvDelimiter, findImportMapping, importCsv, previewCsv } from '@treeline/db';
import type { AppDeps, AppEnv } from '../../context';
import { jsonContent, problemContent, problemOfKind } from '../openapi-content';
import { importResultJson, refusedImportResponse } from './import-response';

interface UploadMeta {
  fileName: string | null;
  bytes: number;
  delimiter: CsvDelimiter;
}

const uploadRoute = createRoute({
  method: 'post',
  path: '/uploads',
  tags: ['imports'],
  summary: 'Upload a CSV file (raw body) for import',
  description:
    'Send the file as the raw request body (`Content-Type: text/csv`), its name in `X-File-Name` (percent-encoded when not ASCII). The answer holds the header, the first 20 rows and the preset matching the columns, for choosing a mapping. Files over the server limit (1 GiB by default) are refused: import those with the CLI, which streams any size.',
  responses: {
    201: jsonContent(UploadSchema, 'Stored'),
    413: problemContent('The file is larger than the upload limit'),
    422: problemContent('Empty, header only, not UTF-8, or not CSV'),
  },
});

const importRoute = createRoute({
  method: 'post',
  path: '/imports',
  tags: ['imports'],
  summary: 'Import an uploaded CSV through a mapping (all or nothing), or dry-run it',
  request: {
    body: { content: { 'application/json': { schema: ImportUploadBodySchema } }, required: true },
  },
  responses: {
    200: jsonContent(
      ImportResultSchema,
      'Committed, or (dryRun) what would happen, with every row error found',
    ),
    404: problemContent('No such upload or saved mapping'),
    422: problemOfKind(
      ImportProblemSchema,
      'The import was refused: nothing was written; the body lists the row errors',
    ),
  },
});

export const uploadRoutes = new OpenAPIHono<AppEnv>()
  .openapi(uploadRoute, async (c) => {
    const deps = c.get('deps');
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    if (declared > deps.maxUploadBytes) throw tooLarge(deps.maxUploadBytes);
    const dir = uploadFolder(deps, c.get('workspace').id);
    await mkdir(dir, { recursive: true });
    const uploadId = randomUUID();
    const path = join(dir, `${uploadId}.csv`);
    let bytes = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        if (bytes > deps.maxUploadBytes) callback(tooLarge(deps.maxUploadBytes));
        else callback(null, chunk);
      },
    });
    const body = c.req.raw.body;
    try {
      await pipeline(
        body ? Readable.fromWeb(body as never) : Readable.from([]),
        limit,
        createWriteStream(path),
      );
      const preview = await previewCsv(createReadStream(path), 20);
      const fileName = fileNameOf(c.req.header('x-file-name'));
      const meta: UploadMeta = { fileName, bytes, delimiter: preview.delimiter };
      await writeFile(join(dir, `${uploadId}.json`), JSON.stringify(meta));
      return c.json(
        {
          uploadId,
          fileName,
          bytes,
          delimiter: preview.delimiter,
          header: preview.header,
          sampleRows: preview.rows,
          detectedPreset: detectPreset(preview.header)?.key ?? null,
        },
        201,
      );
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  })
  .openapi(importRoute, async (c) => {
    const deps = c.get('deps');
    const workspace = c.get('workspace');
    const body = c.req.valid('json');
    const dir = uploadFolder(deps, workspace.id);
    const meta = await readUploadMeta(dir, body.uploadId);
    const mapping = await resolveMapping(deps, workspace.id, body);
    const result = await importCsv(
      { db: deps.db, copyFrom: deps.copyFrom },
      {
        workspaceId: workspace.id,
        origin: 'csv',
        mapping: { ...mapping, timeZone: mapping.timeZone ?? workspace.time_zone },
        source: createReadStream(join(dir, `${body.uploadId}.csv`)),
        fileName: meta.fileName,
        delimiter: body.delimiter ?? meta.delimiter,
        dryRun: body.dryRun ?? false,
      },
    );
    if (result.status === 'refused') return refusedImportResponse(c, result);
    if (result.status === 'committed') await removeUpload(dir, body.uploadId);
    return c.json(importResultJson(result), 200);
  });

/** Header values are Latin-1, so clients percent-encode other names: decoded here. */
function fileNameOf(header: string | undefined): string | null {
  const raw = header?.trim();
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function uploadFolder(deps: AppDeps, workspaceId: string): string {
  return join(deps.uploadDir, workspaceId);
}

function tooLarge(max: number): DomainError {
  const gib = (max / 1024 ** 3).toFixed(max % 1024 ** 3 === 0 ? 0 : 1);
  return new DomainError(
    'file_too_large',
    `The file is larger than the upload limit of ${gib} GiB. Split it, or import it with the CLI (\`pnpm treeline import <entity> <file> --mapping <file>\`), which streams files of any size.`,
  );
}

async function readUploadMeta(dir: string, uploadId: string): Promise<UploadMeta> {
  if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw unknownUpload(uploadId);
  try {
    return JSON.parse(await readFile(join(dir, `${uploadId}.json`), 'utf8')) as UploadMeta;
  } catch {
    throw unknownUpload(uploadId);
  }
}

function unknownUpload(uploadId: string): DomainError {
  return new DomainError(
    'unknown_upload',
    `No upload ${uploadId}: it was already imported or never finished uploading. Upload the file again.`,
  );
}

async function removeUpload(dir: string, uploadId: string): Promise<void> {
  await rm(join(dir, `${uploadId}.csv`), { force: true });
  await rm(join(dir, `${uploadId}.json`), { force: true });
}

/** Exactly one of an inline mapping, a preset key or a saved mapping id. */
async function resolveMapping(
  deps: AppDeps,
  workspaceId: string,
  body: ImportUploadBody,
): Promise<ColumnMapping> {
  const given = [body.mapping, body.presetKey, body.mappingId].filter((v) => v !== undefined);
  if (given.length !== 1) {
    throw new DomainError(
      'invalid_mapping',
      'Give exactly one of `mapping` (inline), `presetKey` or `mappingId`.',
    );
  }
  if (body.presetKey !== undefined) {
    const preset = IMPORT_PRESETS.find((p) => p.key === body.presetKey);
    if (!preset) {
      throw new DomainError(
        'unknown_preset',
        `No preset '${body.presetKey}'; presets: ${IMPORT_PRESETS.map((p) => p.key).join(', ')}.`,
      );
    }
    return preset.mapping;
  }
  if (body.mappingId !== undefined) {
    const saved = await findImportMapping(deps.db, workspaceId, body.mappingId);
    if (!saved) throw new DomainError('unknown_mapping', `No saved mapping ${body.mappingId}.`);
    return parseMapping(saved.mapping);
  }
  return parseMapping(body.mapping);
}

export function parseMapping(value: unknown): ColumnMapping {
  const parsed = columnMappingSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError(
    'invalid_mapping',
    `The mapping is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    { errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
  );
}
