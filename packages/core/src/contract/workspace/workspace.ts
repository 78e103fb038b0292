/**
 * The workspace a request acts in (GET /api/workspace), with its calendar and counting
 * settings, and the body that changes the counting settings (PATCH /api/workspace).
 */
import { z } from 'zod';
import { COUNTING_POLICIES, MAX_DUPLICATE_TOLERANCE_SECONDS } from '../../counting/counting-rules';

export const CountingPolicySchema = z.enum(COUNTING_POLICIES);

export const WorkspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    /** ISO weekday weeks start on (1 = Monday). */
    weekStart: z.number().int(),
    /** Month (1–12) the fiscal year starts in. */
    fiscalYearStartMonth: z.number().int(),
    countingPolicy: CountingPolicySchema,
    duplicateToleranceSeconds: z.number().int(),
    dataVersion: z.number().int(),
  })
  .meta({ id: 'Workspace' });

export const WorkspaceSettingsSchema = z
  .object({
    countingPolicy: CountingPolicySchema.optional().meta({
      description: 'Count automated sequence emails too (all_touches) or manual touches only',
    }),
    duplicateToleranceSeconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_DUPLICATE_TOLERANCE_SECONDS)
      .optional()
      .meta({
        description: 'Same contact, rep and channel within this many seconds is a duplicate',
      }),
  })
  .meta({ id: 'WorkspaceSettings' });

export type Workspace = z.infer<typeof WorkspaceSchema>;
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;
