/**
 * The record of imports (list, one, the CSV report of its rejected rows), the presets for
 * HubSpot and Salesforce exports, the fields each entity takes, and the column mappings a
 * workspace saved.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  IMPORT_FIELDS,
  IMPORT_PRESETS,
  ImportCatalogSchema,
  ImportRecordSchema,
  notFound,
  SavedMappingSchema,
  SaveMappingBodySchema,
} from '@treeline/core';
import {
  deleteImportMapping,
  findImport,
  listImportMappings,
  listImportRejections,
  listImports,
  rejectionReportCsv,
  saveImportMapping,
} from '@treeline/db';
import type { AppEnv } from '../../context';
import { IdParam, jsonContent, problemContent } from '../openapi-content';
import { importRecordJson, savedMappingJson } from './import-response';
import { parseMapping } from './uploads.routes';

const listRoute = createRoute({
  method: 'get',
  path: '/imports',
  tags: ['imports'],
  summary: 'Recent imports, newest first (committed and refused)',
  responses: {
    200: jsonContent(z.object({ imports: z.array(ImportRecordSchema) }), 'The last 50 imports'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/imports/{id}',
  tags: ['imports'],
  summary: 'One import with its counts',
  request: { params: IdParam },
  responses: {
    200: jsonContent(ImportRecordSchema, 'It'),
    404: problemContent('No such import'),
  },
});

const reportRoute = createRoute({
  method: 'get',
  path: '/imports/{id}/report.csv',
  tags: ['imports'],
  summary: 'The rejected rows of an import as CSV (row, column, field, value, reason)',
  request: { params: IdParam },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'The report' },
    404: problemContent('No such import'),
  },
});

const presetsRoute = createRoute({
  method: 'get',
  path: '/import-presets',
  tags: ['imports'],
  summary: 'Column mappings for HubSpot and Salesforce exports, and the fields of each entity',
  responses: {
    200: jsonContent(ImportCatalogSchema, 'Presets and fields'),
  },
});

const listMappingsRoute = createRoute({
  method: 'get',
  path: '/import-mappings',
  tags: ['imports'],
  summary: "The workspace's saved column mappings",
  responses: {
    200: jsonContent(z.object({ mappings: z.array(SavedMappingSchema) }), 'By name'),
  },
});

const saveMappingRoute = createRoute({
  method: 'post',
  path: '/import-mappings',
  tags: ['imports'],
  summary: 'Save a column mapping under a name (replacing one of the same name)',
  request: {
    body: { content: { 'application/json': { schema: SaveMappingBodySchema } }, required: true },
  },
  responses: {
    200: jsonContent(SavedMappingSchema, 'Saved'),
    422: problemContent('The mapping is invalid'),
  },
});

const deleteMappingRoute = createRoute({
  method: 'delete',
  path: '/import-mappings/{id}',
  tags: ['imports'],
  summary: 'Delete a saved column mapping',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 404: problemContent('No such mapping') },
});

export const importRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const rows = await listImports(c.get('deps').db, c.get('workspace').id);
    return c.json({ imports: rows.map(importRecordJson) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const record = await findImport(
      c.get('deps').db,
      c.get('workspace').id,
      c.req.valid('param').id,
    );
    if (!record) throw notFound('Import', c.req.valid('param').id);
    return c.json(importRecordJson(record), 200);
  })
  .openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const record = await findImport(db, workspaceId, id);
    if (!record) throw notFound('Import', id);
    const rows = await listImportRejections(db, workspaceId, id);
    return c.body(rejectionReportCsv(rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="import-${id}-rejected-rows.csv"`,
    });
  })
  .openapi(presetsRoute, (c) =>
    c.json(
      {
        presets: IMPORT_PRESETS.map((p) => ({
          key: p.key,
          label: p.label,
          system: p.system,
          entity: p.entity,
          description: p.description,
          mapping: p.mapping,
        })),
        fields: IMPORT_FIELDS,
      },
      200,
    ),
  )
  .openapi(listMappingsRoute, async (c) => {
    const rows = await listImportMappings(c.get('deps').db, c.get('workspace').id);
    return c.json({ mappings: rows.map(savedMappingJson) }, 200);
  })
  .openapi(saveMappingRoute, async (c) => {
    const body = c.req.valid('json');
    const mapping = parseMapping(body.mapping);
    const saved = await saveImportMapping(c.get('deps').db, c.get('workspace').id, {
      name: body.name,
      entity: mapping.entity,
      mapping,
    });
    return c.json(savedMappingJson(saved), 200);
  })
  .openapi(deleteMappingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const deleted = await deleteImportMapping(c.get('deps').db, c.get('workspace').id, id);
    if (!deleted) throw notFound('Saved mapping', id);
    return c.body(null, 204);
  });
