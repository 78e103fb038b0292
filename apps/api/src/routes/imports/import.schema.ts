/** Request and response shapes of the import routes (bulk API, uploads, imports, mappings). */
import { z } from '@hono/zod-openapi';
import { IMPORT_ENTITIES } from '@treeline/core';

export const ImportEntitySchema = z.enum(IMPORT_ENTITIES).openapi('ImportEntity', {
  example: 'activities',
});

export const ImportRowErrorSchema = z
  .object({
    row: z.number().int().openapi({ description: '1-based data row (the header is row 0)' }),
    column: z.string().nullable().openapi({ description: "The file's column, when known" }),
    field: z.string().nullable(),
    value: z.string().nullable(),
    reason: z.string(),
  })
  .openapi('ImportRowError');

const ExcludedSchema = z
  .object({
    deleted: z.number().int(),
    no_contact: z.number().int(),
    internal_note: z.number().int(),
    system_event: z.number().int(),
    duplicate: z.number().int(),
  })
  .openapi('ExcludedCounts');

export const ImportResultSchema = z
  .object({
    importId: z.string().nullable(),
    status: z.enum(['committed', 'refused', 'dry_run']),
    entity: ImportEntitySchema,
    mode: z.enum(['all_or_nothing', 'commit_valid']),
    rowsRead: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    excluded: ExcludedSchema,
    errors: z.array(ImportRowErrorSchema),
    errorsTruncated: z.boolean(),
    message: z.string().nullable(),
    dataVersion: z.number().int().nullable(),
    reportUrl: z.string().nullable(),
  })
  .openapi('ImportResult');

export const ImportRecordSchema = z
  .object({
    id: z.string(),
    entity: ImportEntitySchema,
    origin: z.enum(['api', 'csv', 'cli']),
    fileName: z.string().nullable(),
    mode: z.enum(['all_or_nothing', 'commit_valid']),
    status: z.enum(['committed', 'refused']),
    rowsRead: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    excluded: z.record(z.string(), z.number()),
    message: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string(),
    reportUrl: z.string().nullable(),
  })
  .openapi('ImportRecord');

export const UploadSchema = z
  .object({
    uploadId: z.string(),
    fileName: z.string().nullable(),
    bytes: z.number().int(),
    delimiter: z.string(),
    header: z.array(z.string()),
    sampleRows: z.array(z.array(z.string())),
    detectedPreset: z.string().nullable().openapi({ description: 'Key of the matching preset' }),
  })
  .openapi('Upload');

const MappingJsonSchema = z
  .record(z.string(), z.unknown())
  .openapi({ description: 'A column mapping (see GET /api/import-presets for examples)' });

export const ImportUploadBodySchema = z
  .object({
    uploadId: z.string().min(1),
    mapping: MappingJsonSchema.optional(),
    presetKey: z.string().optional(),
    mappingId: z.string().optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    dryRun: z.boolean().optional(),
  })
  .openapi('ImportUploadBody');

export const ImportPresetSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    system: z.string(),
    entity: ImportEntitySchema,
    description: z.string(),
    mapping: MappingJsonSchema,
  })
  .openapi('ImportPreset');

export const SavedMappingSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    entity: ImportEntitySchema,
    mapping: MappingJsonSchema,
    updatedAt: z.string(),
  })
  .openapi('SavedMapping');

export const SaveMappingBodySchema = z
  .object({ name: z.string().trim().min(1).max(200), mapping: MappingJsonSchema })
  .openapi('SaveMappingBody');
