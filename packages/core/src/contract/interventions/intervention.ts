/**
 * Interventions on the wire (docs/product.md §6): what a team changed, for whom, from when,
 * which node it should move; the create and edit bodies, the list query, and what the API
 * sends back (with the latest verdicts, and on the detail the weekly series for the chart).
 */
import { z } from 'zod';
import { InterventionVerdictSchema, VerdictSchema } from './intervention-verdict';

/** The dimensions a treated or comparison scope can name (see the dimension catalog). */
export const INTERVENTION_SCOPE_DIMENSIONS = ['team', 'rep_segment', 'segment', 'rep'] as const;
export const InterventionScopeDimensionSchema = z.enum(INTERVENTION_SCOPE_DIMENSIONS);

const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-09-14')
  .meta({ example: '2026-09-14' });
const ScopeValue = z.string().trim().min(1).max(200);

export const TreatedScopeSchema = z
  .object({
    dimension: InterventionScopeDimensionSchema,
    values: z.array(ScopeValue).min(1).max(200),
  })
  .meta({ id: 'TreatedScope', description: "e.g. { dimension: 'team', values: ['Team A'] }" });

export const ComparisonScopeSchema = z
  .object({
    dimension: InterventionScopeDimensionSchema,
    values: z
      .array(ScopeValue)
      .min(1)
      .max(200)
      .nullable()
      .meta({ description: 'null: every other value of the dimension (e.g. the other teams)' }),
  })
  .meta({ id: 'ComparisonScope' });

export type TreatedScope = z.infer<typeof TreatedScopeSchema>;
export type ComparisonScope = z.infer<typeof ComparisonScopeSchema>;

export const InterventionCreateSchema = z
  .object({
    treeId: z.string().uuid(),
    targetNodeId: z.string().uuid(),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).default(''),
    ownerId: z.string().uuid(),
    startsOn: DATE,
    endsOn: DATE.nullable().default(null),
    expectedDirection: z.enum(['up', 'down']),
    mde: z
      .number()
      .positive()
      .meta({ description: "The smallest effect worth having, in the target node's unit" }),
    treatedScope: TreatedScopeSchema,
    comparisonScope: ComparisonScopeSchema.nullable().default(null),
    outcomeNodeIds: z.array(z.string().uuid()).max(20).default([]),
  })
  .meta({ id: 'InterventionCreate' });
export type InterventionCreate = z.infer<typeof InterventionCreateSchema>;

export const InterventionPatchSchema = InterventionCreateSchema.omit({ treeId: true })
  .partial()
  .meta({ id: 'InterventionPatch' });
export type InterventionPatch = z.infer<typeof InterventionPatchSchema>;

export const InterventionListQuerySchema = z.object({
  treeId: z.string().uuid().optional(),
  nodeId: z.string().uuid().optional(),
  ownerId: z.string().uuid().optional(),
  verdict: VerdictSchema.optional(),
  status: z.enum(['open', 'closed']).optional(),
});

export const NodeVerdictSchema = z
  .object({
    nodeId: z.string(),
    label: z.string(),
    removed: z.boolean().meta({ description: 'The node is no longer in the tree' }),
    result: InterventionVerdictSchema.nullable().meta({ description: 'null until computed' }),
    summary: z.string().nullable().meta({ description: 'One plain sentence' }),
    computedAt: z.string().nullable(),
  })
  .meta({ id: 'NodeVerdict' });

export const InterventionSchema = z
  .object({
    id: z.string(),
    treeId: z.string(),
    title: z.string(),
    description: z.string(),
    ownerId: z.string(),
    ownerName: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    expectedDirection: z.enum(['up', 'down']),
    mde: z.number(),
    treatedScope: TreatedScopeSchema,
    comparisonScope: ComparisonScopeSchema.nullable(),
    treatedLabel: z.string().meta({ example: 'Team A' }),
    comparisonLabel: z.string().nullable().meta({ example: 'the other teams' }),
    status: z.enum(['open', 'closed']),
    target: NodeVerdictSchema,
    outcomes: z.array(NodeVerdictSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Intervention' });
export type Intervention = z.infer<typeof InterventionSchema>;

export const InterventionListSchema = z
  .object({ interventions: z.array(InterventionSchema) })
  .meta({ id: 'InterventionList' });

export const InterventionDetailSchema = z
  .object({
    intervention: InterventionSchema,
    series: z
      .object({
        periods: z.array(z.object({ start: z.string(), label: z.string() })),
        treated: z.array(z.number().nullable()),
        comparison: z.array(z.number().nullable()).nullable(),
        startIndex: z.number().int().meta({ description: 'The first week on or after the start' }),
        unit: z.string(),
      })
      .nullable()
      .meta({ description: 'The weekly series of the target node; null when the node is gone' }),
    history: z.array(
      z.object({
        nodeId: z.string(),
        fromVerdict: VerdictSchema.nullable(),
        toVerdict: VerdictSchema,
        summary: z.string(),
        changedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'InterventionDetail' });
export type InterventionDetail = z.infer<typeof InterventionDetailSchema>;
