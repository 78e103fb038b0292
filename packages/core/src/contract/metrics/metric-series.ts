/**
 * A metric's values per period over a range (GET /api/metrics/{key}/series): the query and
 * the series, optionally split by one dimension.
 */
import { z } from 'zod';
import { GrainSchema, PeriodViewSchema } from '../periods';

export const MetricSeriesQuerySchema = z.object({
  from: z.string().meta({
    description: 'Inclusive start: a local date (2026-01-01) or an ISO instant with offset',
    example: '2026-01-01',
  }),
  to: z.string().meta({ description: 'Exclusive end, same forms', example: '2026-07-01' }),
  grain: GrainSchema.default('month'),
  split: z.string().optional().meta({ description: 'A dimension to split by, e.g. channel' }),
});

const Values = z
  .array(z.number().nullable())
  .meta({ description: 'One per period; null means "no data"' });

export const MetricRangeSeriesSchema = z
  .object({
    metricKey: z.string(),
    grain: GrainSchema,
    filter: z.record(z.string(), z.string()),
    splitBy: z.string().nullable(),
    periods: z.array(PeriodViewSchema),
    values: Values,
    numerators: Values.nullable(),
    denominators: Values.nullable(),
    /** With splitBy: one series per dimension value (ascending, null last); else null. */
    splits: z
      .array(
        z.object({
          value: z
            .string()
            .nullable()
            .meta({ description: 'The dimension value; null: rows without one' }),
          values: Values,
          numerators: Values.nullable(),
          denominators: Values.nullable(),
        }),
      )
      .nullable(),
  })
  .meta({ id: 'MetricSeries' });

export type MetricRangeSeries = z.infer<typeof MetricRangeSeriesSchema>;
