/**
 * GET /api/data-health: per period, activities counted as touches vs stored but excluded
 * (by reason), rows held per entity, and how fresh each entity's last import is.
 */
import { z } from 'zod';
import { GrainSchema, PeriodViewSchema } from '../periods';

export const DataHealthQuerySchema = z.object({
  grain: GrainSchema.optional().meta({ description: 'Default week' }),
  periods: z.coerce.number().int().min(1).max(104).optional().meta({
    description: 'How many periods, ending with the current one (default 12)',
  }),
});

const Counts = z.record(z.string(), z.number().int());

export const DataHealthSchema = z
  .object({
    grain: GrainSchema,
    periods: z.array(
      z.object({ period: PeriodViewSchema, counted: z.number().int(), excluded: Counts }),
    ),
    /** Rows held per entity (activities: all stored, counted or not). */
    totals: Counts,
    /** The newest committed import per entity; absent entities were never imported. */
    freshness: z.array(
      z.object({
        entity: z.string(),
        importId: z.string(),
        finishedAt: z.string(),
        rowsRead: z.number().int(),
        origin: z.string(),
      }),
    ),
    lastImportAt: z.string().nullable(),
  })
  .meta({ id: 'DataHealth' });

export type DataHealth = z.infer<typeof DataHealthSchema>;
