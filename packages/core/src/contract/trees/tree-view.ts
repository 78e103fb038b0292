/**
 * A tree as the canvas shows it: nodes with their live values for one period, edges with
 * the child's contribution to the parent's change. Core assembles it (assembleTreeView),
 * the API sends it and the web app renders it; these schemas are its only definition.
 */
import { z } from 'zod';
import { METRIC_DIRECTIONS, METRIC_KINDS, METRIC_UNITS } from '../../metrics/metric-definition';
import { BAND_STATUSES } from '../../trees/benchmark-motions';
import { EDGE_RELATIONS } from '../../trees/tree-draft';
import { withDescription } from '../describes';
import { CompareModeSchema, PeriodViewSchema } from '../periods';

export const MetricUnitSchema = z.enum(METRIC_UNITS);
export const MetricDirectionSchema = z.enum(METRIC_DIRECTIONS);
export const MetricKindSchema = z.enum(METRIC_KINDS);
export const EdgeRelationSchema = z.enum(EDGE_RELATIONS);
const DimensionFilterSchema = z.record(z.string(), z.string());

export const PersonRefSchema = z
  .object({ id: z.string(), name: z.string(), initials: z.string() })
  .meta({ id: 'PersonRef' });

export const SeriesPointSchema = z.object({
  periodStart: z.string(),
  label: z.string(),
  /** null means "no data" (e.g. a ratio whose denominator is 0), never 0. */
  value: z.number().nullable(),
});

/**
 * A band and the value judged against it: a target band judges the period's value; a
 * benchmark band judges touches per contact over the tree's outbound window (never a
 * weekly value), whatever the grain on screen.
 */
export const NodeBandViewSchema = z
  .object({
    kind: z.enum(['target', 'benchmark']),
    min: z.number().nullable(),
    max: z.number().nullable(),
    /** The benchmark motion's name; null for a target. */
    motion: z
      .string()
      .nullable()
      .meta({ description: 'The benchmark motion, e.g. "Mid-market outbound"' }),
    value: z.number().nullable().meta({
      description:
        "The value judged: the period's value for a target; touches per contact over the outbound window for a benchmark",
    }),
    /** null for a target. */
    window: z
      .object({ start: z.string(), end: z.string(), days: z.number().int() })
      .nullable()
      .meta({ description: 'The outbound window a benchmark is compared over' }),
    /** null when the value is "no data". */
    status: z.enum(BAND_STATUSES).nullable(),
  })
  .meta({ id: 'NodeBandView' });

export const NodeViewSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    metricKey: z.string(),
    metricName: z.string(),
    unit: MetricUnitSchema,
    direction: MetricDirectionSchema,
    kind: MetricKindSchema,
    filter: DimensionFilterSchema,
    position: z.object({ x: z.number(), y: z.number() }),
    value: z.number().nullable().meta({ description: 'null means "no data", never 0' }),
    /** The value in the comparison period (TreeView.previousPeriod). */
    previousValue: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    /**
     * Current minus comparison value, and that change in percent of the comparison value
     * (null when the previous value is 0). null when either is "no data".
     */
    change: z
      .object({ absolute: z.number(), percent: z.number().nullable() })
      .nullable()
      .meta({ description: 'percent: 12.5 means +12.5 % of the previous value' }),
    series: z.array(SeriesPointSchema),
    accountable: PersonRefSchema.nullable(),
    responsibleCount: z.number().int(),
    /** Why this node could not be evaluated (the rest of the tree still is), else null. */
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    /** The node's target or benchmark band and where its value sits; absent or null without one. */
    band: NodeBandViewSchema.nullable().optional(),
  })
  .meta({ id: 'NodeView' });

export const EdgeViewSchema = z
  .object({
    id: z.string(),
    /** The parent node id (React Flow source). */
    source: z.string().meta({ description: 'Parent node id' }),
    /** The child node id (React Flow target). */
    target: z.string().meta({ description: 'Child node id' }),
    relation: EdgeRelationSchema,
    /** null on other edges. */
    role: z
      .enum(['numerator', 'denominator'])
      .nullable()
      .meta({ description: 'Ratio edges: which side of the parent the child is' }),
    /** 1 on other edges. */
    exponent: z
      .union([z.literal(1), z.literal(-1)])
      .meta({ description: 'Product edges: 1 multiplies, -1 divides' }),
    /** The child's contribution to the parent's change between the comparison and the focus period. */
    contribution: z.number().nullable(),
  })
  .meta({ id: 'EdgeView' });

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
    period: withDescription(PeriodViewSchema, 'The period the values are for (focus)'),
    previousPeriod: withDescription(
      PeriodViewSchema,
      'The period changes and contributions compare with: the one before, or a year earlier',
    ),
    compare: CompareModeSchema.meta({ description: 'How previousPeriod was chosen' }),
    latestPeriod: withDescription(
      PeriodViewSchema,
      'The last complete period at this grain: the latest the view can show',
    ),
    filter: DimensionFilterSchema.optional().meta({
      description: 'The tree-wide filter the values were evaluated under',
    }),
    nodes: z.array(NodeViewSchema),
    edges: z.array(EdgeViewSchema),
    /**
     * Where a node's children do not give back its value (a sum's children not adding up, a
     * segments split not covering every row), the gap shown as "other".
     */
    residuals: z.array(
      z.object({
        nodeId: z.string(),
        value: z.number(),
        /** A node may have several decompositions. */
        relation: EdgeRelationSchema.optional().meta({
          description: 'The decomposition that leaves the gap',
        }),
      }),
    ),
  })
  .meta({ id: 'TreeView' });

export const TreeSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    templateKey: z.string().nullable(),
    nodeCount: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TreeSummary' });

export type PersonRef = z.infer<typeof PersonRefSchema>;
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;
export type NodeBandView = z.infer<typeof NodeBandViewSchema>;
export type NodeView = z.infer<typeof NodeViewSchema>;
export type EdgeView = z.infer<typeof EdgeViewSchema>;
export type TreeView = z.infer<typeof TreeViewSchema>;
export type TreeSummary = z.infer<typeof TreeSummarySchema>;
