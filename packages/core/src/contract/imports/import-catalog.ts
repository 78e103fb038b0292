/**
 * What the import screens choose from (GET /api/import-presets): the presets for HubSpot
 * and Salesforce exports, the fields each entity takes (core's ImportFieldSpec), and the
 * column mappings a workspace saved. Mappings answered are core's ColumnMapping.
 */
import { z } from 'zod';
import { columnMappingSchema } from '../../ingest/column-mapping';
import type { ImportFieldSpec } from '../../ingest/import-fields';
import { describes } from '../describes';
import { ImportEntitySchema } from './import-result';
import { MappingJsonSchema } from './upload';

export const ColumnMappingSchema = columnMappingSchema.meta({
  id: 'ColumnMapping',
  description: 'How the columns of a CSV file become one entity’s fields',
});

export const ImportFieldSpecSchema = describes<ImportFieldSpec>()(
  z
    .object({
      name: z.string(),
      label: z.string(),
      type: z.enum(['text', 'instant', 'day', 'enum', 'boolean', 'decimal', 'json-properties']),
      required: z.boolean(),
      description: z.string(),
      values: z.array(z.string()).readonly().optional(),
      defaultValue: z.union([z.string(), z.boolean()]).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      maxLength: z.number().int().optional(),
    })
    .meta({ id: 'ImportField' }),
);

export const ImportPresetSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    system: z.string(),
    entity: ImportEntitySchema,
    description: z.string(),
    mapping: ColumnMappingSchema,
  })
  .meta({ id: 'ImportPreset' });

export const ImportCatalogSchema = z.object({
  presets: z.array(ImportPresetSchema),
  fields: z.record(ImportEntitySchema, z.array(ImportFieldSpecSchema)),
});

export const SavedMappingSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    entity: ImportEntitySchema,
    mapping: ColumnMappingSchema,
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedMapping' });

export const SaveMappingBodySchema = z
  .object({ name: z.string().trim().min(1).max(200), mapping: MappingJsonSchema })
  .meta({ id: 'SaveMappingBody' });

export type ImportPresetInfo = z.infer<typeof ImportPresetSchema>;
export type ImportCatalog = z.infer<typeof ImportCatalogSchema>;
export type SavedMapping = z.infer<typeof SavedMappingSchema>;
