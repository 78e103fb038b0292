/**
 * Metrics as the catalog lists them and custom metrics are written: core's MetricDefinition
 * and MetricSpec (the schemas are checked against them), the catalog entry with the
 * dimensions it can be split by, and the bodies that create and change a custom metric.
 */
import { z } from 'zod';
import type { MetricDefinition, MetricSpec } from '../../metrics/metric-definition';
import { METRIC_SOURCES } from '../../metrics/metric-source-catalog';
import { dimensionsOf } from '../../metrics/source-dimensions';
import { describes } from '../describes';
import { MetricDirectionSchema, MetricKindSchema, MetricUnitSchema } from '../trees/tree-view';

export const MetricSourceSchema = z.enum(METRIC_SOURCES);
const Filter = z.record(z.string(), z.string());
const AsOf = z.enum(['period_start', 'period_end']);
const row = {
  source: MetricSourceSchema,
  filter: Filter.optional(),
  at: z.string().optional().meta({
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
        source: MetricSourceSchema,
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
  expression: z.string().min(1).max(2000).meta({ example: 'activities_total / reps_active' }),
});
const Cohort = z.object({
  type: z.literal('cohort'),
  source: MetricSourceSchema,
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

export const MetricDefinitionSchema = describes<MetricDefinition>()(
  z
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
    .meta({ id: 'MetricDefinition' }),
);

/** What a custom metric may be: row aggregates with filters, a ratio, a formula. */
export const CustomMetricDefinitionSchema = z
  .discriminatedUnion('type', [Count, CountDistinct, Sum, Avg, Percentile, Ratio, Formula])
  .meta({ id: 'CustomMetricDefinition' });

const specFields = {
  key: z.string(),
  name: z.string(),
  description: z.string(),
  unit: MetricUnitSchema,
  direction: MetricDirectionSchema,
  kind: MetricKindSchema,
  definition: MetricDefinitionSchema,
};

/** core's MetricSpec as JSON. */
export const MetricSpecSchema = describes<MetricSpec>()(z.object(specFields));

/** A metric of the catalog, with the dimensions it can be filtered and split by. */
export const MetricEntrySchema = z
  .object({
    ...specFields,
    builtIn: z.boolean().meta({ description: 'Built-in metrics are read-only' }),
    /** In knownDimensions() order; custom properties as `properties.<key>`. */
    dimensions: z.array(z.string()).meta({
      description:
        "The dimensions the metric can be filtered and split by: its source's, or for a ratio or formula those every input has (a ratio's denominator may ignore some). `properties.<key>` stands for custom contact properties.",
      example: dimensionsOf('contacts'),
    }),
  })
  .meta({ id: 'Metric' });

export const CreateMetricBodySchema = z
  .object({
    key: z.string().min(1).max(63).meta({
      example: 'calls_per_rep',
      description: 'Lower-case snake_case, usable in formulas',
    }),
    name: z.string().min(1).max(200),
    description: z.string().max(2000).default(''),
    unit: MetricUnitSchema,
    direction: MetricDirectionSchema,
    kind: MetricKindSchema,
    definition: CustomMetricDefinitionSchema,
  })
  .meta({ id: 'CreateMetric' });

export const UpdateMetricBodySchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    description: z.string().max(2000).optional(),
    unit: MetricUnitSchema.optional(),
    direction: MetricDirectionSchema.optional(),
    kind: MetricKindSchema.optional(),
    definition: CustomMetricDefinitionSchema.optional(),
  })
  .meta({ id: 'UpdateMetric' });

export type CustomMetricDefinition = z.infer<typeof CustomMetricDefinitionSchema>;
export type MetricEntry = z.infer<typeof MetricEntrySchema>;
/** A custom metric as it is created (its description defaults to ''). */
export type CreateMetricBody = z.output<typeof CreateMetricBodySchema>;
/** The changes to a custom metric (its key stays). */
export type UpdateMetricBody = z.output<typeof UpdateMetricBodySchema>;
