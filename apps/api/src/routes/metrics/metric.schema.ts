/**
 * OpenAPI schemas of metrics: definitions (core's MetricDefinition), the catalog entry
 * (with the dimensions it can be split by), a custom metric's body, and a metric's series. metrics.test.ts locks the definition
 * schema to core's type.
 */
import { z } from '@hono/zod-openapi';
import { dimensionsOf } from '@treeline/core';
import { PeriodViewSchema } from '../trees/tree-view.schema';

const Filter = z.record(z.string(), z.string());
const Source = z.enum(['activities', 'contacts', 'deals', 'engagement_events', 'capacity']);
const AsOf = z.enum(['period_start', 'period_end']);
const row = {
  source: Source,
  filter: Filter.optional(),
  at: z.string().optional().openapi({
    description: "The timestamp that places a row in a period (the source's default when absent)",
  }),
};

const Count = z.object({ type: z.literal('count'), ...row, asOf: AsOf.optional() });
const CountDistinct = z.object({
  type: z.literal('count_distinct'),
  ...row,
  column: z.string(),
  union: z
    .array(
      z.object({
        source: Source,
        column: z.string(),
        filter: Filter.optional(),
        at: z.string().optional(),
      }),
    )
    .optional(),
});
const Sum = z.object({ type: z.literal('sum'), ...row, column: z.string(), asOf: AsOf.optional() });
const Avg = z.object({ type: z.literal('avg'), ...row, column: z.string() });
const Percentile = z.object({
  type: z.literal('percentile'),
  ...row,
  column: z.string(),
  percentile: z.number().min(0).max(1),
});
const Ratio = z.object({
  type: z.literal('ratio'),
  numerator: z.string(),
  denominator: z.string(),
  denominatorIgnores: z.array(z.string()).optional(),
});
const Formula = z.object({
  type: z.literal('formula'),
  expression: z.string().min(1).max(2000).openapi({ example: 'activities_total / reps_active' }),
});
const Cohort = z.object({
  type: z.literal('cohort'),
  source: Source,
  cohortAt: z.string(),
  convertedAt: z.array(z.string()),
  withinDays: z.number().optional(),
  filter: Filter.optional(),
  convertedFilter: Filter.optional(),
});
const FirstTouchLatency = z.object({
  type: z.literal('first_touch_latency'),
  percentile: z.number(),
  touch: Filter.optional(),
  filter: Filter.optional(),
});

export const MetricDefinitionSchema = z
  .discriminatedUnion('type', [
    Count,
    CountDistinct,
    Sum,
    Avg,
    Percentile,
    Ratio,
    Formula,
    Cohort,
    FirstTouchLatency,
  ])
  .openapi('MetricDefinition');

/** What a custom metric may be: row aggregates with filters, a ratio, a formula. */
export const CustomMetricDefinitionSchema = z
  .discriminatedUnion('type', [Count, CountDistinct, Sum, Avg, Percentile, Ratio, Formula])
  .openapi('CustomMetricDefinition');

const Unit = z.enum(['count', 'ratio', 'percent', 'hours', 'duration']);
const Direction = z.enum(['higher_is_better', 'lower_is_better', 'within_band']);
const Kind = z.enum(['input', 'output']);

export const MetricSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    unit: Unit,
    direction: Direction,
    kind: Kind,
    definition: MetricDefinitionSchema,
    builtIn: z.boolean().openapi({ description: 'Built-in metrics are read-only' }),
    dimensions: z.array(z.string()).openapi({
      description:
        "The dimensions the metric can be filtered and split by: its source's, or for a ratio or formula those every input has (a ratio's denominator may ignore some). `properties.<key>` stands for custom contact properties.",
      example: dimensionsOf('contacts'),
    }),
  })
  .openapi('Metric');

export const CreateMetricBodySchema = z
  .object({
    key: z.string().min(1).max(63).openapi({
      example: 'calls_per_rep',
      description: 'Lower-case snake_case, usable in formulas',
    }),
    name: z.string().min(1).max(200),
    description: z.string().max(2000).default(''),
    unit: Unit,
    direction: Direction,
    kind: Kind,
    definition: CustomMetricDefinitionSchema,
  })
  .openapi('CreateMetric');

export const UpdateMetricBodySchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    description: z.string().max(2000).optional(),
    unit: Unit.optional(),
    direction: Direction.optional(),
    kind: Kind.optional(),
    definition: CustomMetricDefinitionSchema.optional(),
  })
  .openapi('UpdateMetric');

const Values = z
  .array(z.number().nullable())
  .openapi({ description: 'One per period; null means "no data"' });

export const MetricSeriesSchema = z
  .object({
    metricKey: z.string(),
    grain: z.enum(['day', 'week', 'month', 'quarter', 'year']),
    filter: Filter,
    splitBy: z.string().nullable(),
    periods: z.array(PeriodViewSchema),
    values: Values,
    numerators: Values.nullable(),
    denominators: Values.nullable(),
    splits: z
      .array(
        z.object({
          value: z
            .string()
            .nullable()
            .openapi({ description: 'The dimension value; null: rows without one' }),
          values: Values,
          numerators: Values.nullable(),
          denominators: Values.nullable(),
        }),
      )
      .nullable(),
  })
  .openapi('MetricSeries');
