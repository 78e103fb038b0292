/**
 * A CSV upload (POST /api/uploads: the stored file's header, first rows and matching
 * preset) and the body that imports it through a mapping (POST /api/imports).
 */
import { z } from 'zod';

export const UploadSchema = z
  .object({
    uploadId: z.string(),
    fileName: z.string().nullable(),
    bytes: z.number().int(),
    delimiter: z.string(),
    header: z.array(z.string()),
    sampleRows: z.array(z.array(z.string())),
    detectedPreset: z.string().nullable().meta({ description: 'Key of the matching preset' }),
  })
  .meta({ id: 'Upload' });

/**
 * A column mapping as a request carries it: any object here, checked as a mapping by the
 * route, so a bad one is a 422 naming what is wrong in it.
 */
export const MappingJsonSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: 'A column mapping (see GET /api/import-presets for examples)' });

export const ImportUploadBodySchema = z
  .object({
    uploadId: z.string().min(1),
    mapping: MappingJsonSchema.optional(),
    presetKey: z.string().optional(),
    mappingId: z.string().optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    dryRun: z.boolean().optional(),
  })
  .meta({ id: 'ImportUploadBody' });

export type Upload = z.infer<typeof UploadSchema>;
export type ImportUploadBody = z.input<typeof ImportUploadBodySchema>;
