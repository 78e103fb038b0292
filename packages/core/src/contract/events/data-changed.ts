/**
 * The `data-changed` message of the live stream (GET /api/events, server-sent events):
 * after every committed import of the workspace (its id, entity and the span of time it
 * touched) and every counting-setting change (those null), with the new data version.
 */
import { z } from 'zod';
import { ImportEntitySchema } from '../imports/import-result';

export const DataChangedSchema = z
  .object({
    importId: z.string().nullable(),
    entity: ImportEntitySchema.nullable(),
    dataVersion: z.number().int(),
    changedFrom: z.string().nullable(),
    changedTo: z.string().nullable(),
  })
  .meta({ id: 'DataChanged' });

export type DataChanged = z.infer<typeof DataChangedSchema>;
