/**
 * What a tree's values are asked for: the canvas's view (a focus period of a grain,
 * compared with another) and a range of periods. The tree-wide filter travels beside them
 * as `filter[<dimension>]=<value>` parameters, which the route reads itself.
 */
import { z } from 'zod';
import { CompareModeSchema, GrainSchema } from '../periods';

const GrainParam = GrainSchema.default('month').meta({
  description: 'Period grain (default month)',
});

export const TreeViewQuerySchema = z.object({
  grain: GrainParam,
  periods: z.coerce.number().int().min(2).max(104).default(6).meta({
    description: 'How many periods the series holds, ending with the focus (2–104)',
  }),
  at: z.string().optional().meta({
    description:
      'A local date (YYYY-MM-DD) inside the period to show; default and latest: the last complete period',
    example: '2026-09-01',
  }),
  compare: CompareModeSchema.default('previous').meta({
    description:
      'What changes compare with: the period before (previous) or the same period a year earlier (year)',
  }),
});

/** A date (local midnight in the workspace zone) or an instant with Z or an offset. */
const RangeEdge = z.string().regex(/^\d{4}-\d{2}-\d{2}(T.+(Z|[+-]\d{2}:?\d{2}))?$/, {
  message: 'a date (YYYY-MM-DD, local midnight) or an instant with Z or an offset',
});

export const TreeValuesQuerySchema = z.object({
  from: RangeEdge.meta({ example: '2026-01-01' }),
  to: RangeEdge.meta({ example: '2026-04-01' }),
  grain: GrainParam,
});
