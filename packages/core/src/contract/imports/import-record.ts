/** A past import, committed or refused, as GET /api/imports lists it. */
import { z } from 'zod';
import { ImportEntitySchema, ImportModeSchema } from './import-result';

export const ImportRecordSchema = z
  .object({
    id: z.string(),
    entity: ImportEntitySchema,
    origin: z.enum(['api', 'csv', 'cli']),
    fileName: z.string().nullable(),
    mode: ImportModeSchema,
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
  .meta({ id: 'ImportRecord' });

export type ImportRecord = z.infer<typeof ImportRecordSchema>;
