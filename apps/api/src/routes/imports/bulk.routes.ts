/**
 * POST /api/bulk/{entity}: the bulk API. NDJSON (`application/x-ndjson`) or a JSON array
 * (`application/json`) of records in our field names, up to 100 000 per request, read as a
 * stream. Valid rows commit and rejected rows come back with row, field and reason
 * (commit_valid); re-sending the same batch changes nothing.
 */
import { Readable } from 'node:stream';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  DomainError,
  ImportEntitySchema,
  ImportProblemSchema,
  ImportResultSchema,
} from '@treeline/core';
import { readJsonRecords, runImport } from '@treeline/db';
import type { AppEnv } from '../../context';
import { jsonContent, problemContent, problemOfKind } from '../openapi-content';
import { importResultJson, refusedImportResponse } from './import-response';

export const MAX_BULK_ROWS = 100_000;

const bulkRoute = createRoute({
  method: 'post',
  path: '/bulk/{entity}',
  tags: ['imports'],
  summary: 'Upsert up to 100 000 records of one entity (NDJSON or a JSON array)',
  description:
    'Send `Content-Type: application/x-ndjson` (one JSON object per line) or `application/json` (an array). Records use the field names of GET /api/import-fields, instants in ISO 8601 with an offset or Z. Rows are upserted by external id per workspace; the response counts inserted, updated, unchanged, rejected (with reasons) and, for activities, those stored but excluded by the counting rules. `?dryRun=true` reports without writing.',
  request: {
    params: z.object({ entity: ImportEntitySchema }),
    query: z.object({
      dryRun: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'Report what would change and write nothing' }),
    }),
  },
  responses: {
    200: jsonContent(
      ImportResultSchema,
      'Valid rows committed (or, for a dry run, counted); rejected rows listed',
    ),
    413: problemContent('More than 100 000 records'),
    415: problemContent('Neither NDJSON nor JSON'),
    422: problemOfKind(
      ImportProblemSchema,
      'The body is not an array of records, or is not JSON; or the import was refused (its counts and first rejected rows)',
    ),
  },
});

export const bulkRoutes = new OpenAPIHono<AppEnv>().openapi(bulkRoute, async (c) => {
  const { entity } = c.req.valid('param');
  const { dryRun } = c.req.valid('query');
  const deps = c.get('deps');
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  const format =
    type === 'application/x-ndjson' || type === 'application/jsonl'
      ? 'ndjson'
      : type === 'application/json'
        ? 'json'
        : null;
  if (!format) {
    throw new DomainError(
      'unsupported_media_type',
      `Send the records as application/x-ndjson or application/json (got ${type || 'no Content-Type'}).`,
    );
  }
  const body = c.req.raw.body;
  const source = body ? Readable.fromWeb(body as never) : Readable.from([]);
  const result = await runImport(
    { db: deps.db, copyFrom: deps.copyFrom },
    {
      workspaceId: c.get('workspace').id,
      entity,
      origin: 'api',
      mode: 'commit_valid',
      dryRun: dryRun === 'true',
      records: readJsonRecords(entity, source, format),
      maxRows: MAX_BULK_ROWS,
    },
  );
  if (result.status === 'refused') {
    if (result.refusal === 'too_many_rows') {
      throw new DomainError('too_many_rows', result.message ?? 'Too many rows.');
    }
    return refusedImportResponse(c, result);
  }
  return c.json(importResultJson(result), 200);
});
