/**
 * The outcome of an import as the API answers it: committed or dry-run counts (200), or a
 * refused import as problem+json (422) carrying the same counts, the first rejected rows
 * (core's ImportRowError) and the address of the full report.
 */
import { z } from 'zod';
import type { ExcludedReason } from '../../counting/counting-rules';
import { IMPORT_ENTITIES } from '../../ingest/import-entity';
import type { ImportRowError } from '../../ingest/import-row-error';
import { describes } from '../describes';
import { ProblemSchema, problemMembers } from '../problem';

export const ImportEntitySchema = z.enum(IMPORT_ENTITIES).meta({
  id: 'ImportEntity',
  example: 'activities',
});

export const ImportModeSchema = z.enum(['all_or_nothing', 'commit_valid']);

export const ImportRowErrorSchema = describes<ImportRowError>()(
  z
    .object({
      row: z.number().int().meta({ description: '1-based data row (the header is row 0)' }),
      column: z.string().nullable().meta({ description: "The file's column, when known" }),
      field: z.string().nullable(),
      value: z.string().nullable(),
      reason: z.string(),
    })
    .meta({ id: 'ImportRowError' }),
);

/** Of the rows an import holds, how many each counting rule excludes. */
const count = z.number().int();
export const ExcludedCountsSchema = describes<Record<ExcludedReason, number>>()(
  z
    .object({
      deleted: count,
      no_contact: count,
      internal_note: count,
      system_event: count,
      duplicate: count,
    })
    .meta({ id: 'ExcludedCounts' }),
);

const countFields = {
  entity: ImportEntitySchema,
  mode: ImportModeSchema,
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  excluded: ExcludedCountsSchema,
};

export const ImportResultSchema = z
  .object({
    importId: z.string().nullable(),
    status: z.enum(['committed', 'refused', 'dry_run']),
    ...countFields,
    /** The first rejected rows (all of them are in the report). */
    errors: z.array(ImportRowErrorSchema),
    errorsTruncated: z.boolean(),
    message: z.string().nullable(),
    /** The workspace's data version after a commit. */
    dataVersion: z.number().int().nullable(),
    reportUrl: z.string().nullable(),
  })
  .meta({ id: 'ImportResult' });

/** A refused import (422): nothing was written; its counts, first rejected rows and report. */
export const ImportRefusalSchema = z
  .object({
    ...problemMembers,
    importId: z.string().nullable(),
    ...countFields,
    /** The first rejected rows, each with the path of its row in the input (rows.<n>). */
    errors: z.array(ImportRowErrorSchema.extend({ path: z.string(), message: z.string() })),
    errorsTruncated: z.boolean(),
    message: z.string().nullable(),
    dataVersion: z.number().int().nullable(),
    reportUrl: z.string().nullable(),
  })
  .meta({
    id: 'ImportRefused',
    description:
      'problem+json of a refused import: nothing was written; the counts, the first rejected rows and the address of the full report',
  });

/** What a 422 of an import is: a refused import, or another problem (an invalid mapping). */
export const ImportProblemSchema = z.union([ImportRefusalSchema, ProblemSchema]);

export type ImportResult = z.infer<typeof ImportResultSchema>;
export type ImportRefusal = z.infer<typeof ImportRefusalSchema>;
export type ExcludedCounts = z.infer<typeof ExcludedCountsSchema>;
