/** The periods every series and view is cut into, as they cross the wire. */
import { z } from 'zod';
import { COMPARE_MODES } from '../periods/comparison-period';
import { GRAINS } from '../periods/periods';

export const GrainSchema = z.enum(GRAINS);
export const CompareModeSchema = z.enum(COMPARE_MODES);

/** A half-open window [start, end) cut in the workspace time zone; instants are ISO strings (UTC). */
export const PeriodViewSchema = z
  .object({
    grain: GrainSchema,
    start: z.string().meta({ description: 'Inclusive start, UTC ISO instant' }),
    end: z.string().meta({ description: 'Exclusive end, UTC ISO instant' }),
    /** Human label in the workspace's terms, e.g. "Oct 2026" or "W41 2026". */
    label: z.string().meta({ example: 'Oct 2026' }),
    toDate: z.boolean().meta({ description: 'The current, unfinished period' }),
  })
  .meta({ id: 'PeriodView' });

export type PeriodView = z.infer<typeof PeriodViewSchema>;
