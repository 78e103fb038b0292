/**
 * OpenAPI schemas of the tree contract. They describe core's TreeView and TreeSummary
 * types; trees.test.ts locks the two together with type tests.
 */
import { z } from '@hono/zod-openapi';

const Grain = z.enum(['day', 'week', 'month', 'quarter', 'year']);
const Compare = z.enum(['previous', 'year']);

export const PeriodViewSchema = z
  .object({
    grain: Grain,
    start: z.string().openapi({ description: 'Inclusive start, UTC ISO instant' }),
    end: z.string().openapi({ description: 'Exclusive end, UTC ISO instant' }),
    label: z.string().openapi({ example: 'Oct 2026' }),
    toDate: z.boolean().openapi({ description: 'The current, unfinished period' }),
  })
  .openapi('PeriodView');

const PersonRef = z
  .object({ id: z.string(), name: z.string(), initials: z.string() })
  .openapi('PersonRef');

export const NodeBandViewSchema = z
  .object({
    kind: z.enum(['target', 'benchmark']),
    min: z.number().nullable(),
    max: z.number().nullable(),
    motion: z
      .string()
      .nullable()
      .openapi({ description: 'The benchmark motion, e.g. "Mid-market outbound"' }),
    value: z.number().nullable().openapi({
      description:
        "The value judged: the period's value for a target; touches per contact over the outbound window for a benchmark",
    }),
    window: z
      .object({ start: z.string(), end: z.string(), days: z.number().int() })
      .nullable()
      .openapi({ description: 'The outbound window a benchmark is compared over' }),
    status: z.enum(['below', 'within', 'above']).nullable(),
  })
  .openapi('NodeBandView');

export const NodeViewSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    metricKey: z.string(),
    metricName: z.string(),
    unit: z.enum(['count', 'ratio', 'percent', 'hours', 'duration']),
    direction: z.enum(['higher_is_better', 'lower_is_better', 'within_band']),
    kind: z.enum(['input', 'output']),
    filter: z.record(z.string(), z.string()),
    position: z.object({ x: z.number(), y: z.number() }),
    value: z.number().nullable().openapi({ description: 'null means "no data", never 0' }),
    previousValue: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    change: z
      .object({ absolute: z.number(), percent: z.number().nullable() })
      .nullable()
      .openapi({ description: 'percent: 12.5 means +12.5 % of the previous value' }),
    series: z.array(
      z.object({ periodStart: z.string(), label: z.string(), value: z.number().nullable() }),
    ),
    accountable: PersonRef.nullable(),
    responsibleCount: z.number().int(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    band: NodeBandViewSchema.nullable().optional(),
  })
  .openapi('NodeView');

export const EdgeViewSchema = z
  .object({
    id: z.string(),
    source: z.string().openapi({ description: 'Parent node id' }),
    target: z.string().openapi({ description: 'Child node id' }),
    relation: z.enum(['sum', 'product', 'ratio', 'segments', 'formula', 'driver']),
    role: z
      .enum(['numerator', 'denominator'])
      .nullable()
      .openapi({ description: 'Ratio edges: which side of the parent the child is' }),
    exponent: z
      .union([z.literal(1), z.literal(-1)])
      .openapi({ description: 'Product edges: 1 multiplies, -1 divides' }),
    contribution: z.number().nullable(),
  })
  .openapi('EdgeView');

export const TreeViewSchema = z
  .object({
    tree: z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      version: z.number().int(),
      templateKey: z.string().nullable(),
    }),
    workspace: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
    period: PeriodViewSchema.openapi({ description: 'The period the values are for (focus)' }),
    previousPeriod: PeriodViewSchema.openapi({
      description:
        'The period changes and contributions compare with: the one before, or a year earlier',
    }),
    compare: Compare.openapi({ description: 'How previousPeriod was chosen' }),
    latestPeriod: PeriodViewSchema.openapi({
      description: 'The last complete period at this grain: the latest the view can show',
    }),
    filter: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'The tree-wide filter the values were evaluated under' }),
    nodes: z.array(NodeViewSchema),
    edges: z.array(EdgeViewSchema),
    residuals: z.array(
      z.object({
        nodeId: z.string(),
        value: z.number(),
        relation: z
          .enum(['sum', 'product', 'ratio', 'segments', 'formula', 'driver'])
          .optional()
          .openapi({ description: 'The decomposition that leaves the gap' }),
      }),
    ),
  })
  .openapi('TreeView');

export const TreeSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    templateKey: z.string().nullable(),
    nodeCount: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('TreeSummary');

export const GrainSchema = Grain;
export const CompareSchema = Compare;
