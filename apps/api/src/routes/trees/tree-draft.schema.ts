/**
 * OpenAPI schemas of a tree as a draft (what GET returns and PUT saves), its issues, and the
 * body of a stale save. They describe core's TreeDraft and TreeIssue; trees.test.ts locks
 * them together with type tests.
 */
import { z } from '@hono/zod-openapi';
import {
  BENCHMARK_MOTIONS,
  type BenchmarkMotionKey,
  MAX_OUTBOUND_WINDOW_DAYS,
} from '@treeline/core';

const Relation = z.enum(['sum', 'product', 'ratio', 'segments', 'formula', 'driver']);
export const MotionSchema = z
  .enum(BENCHMARK_MOTIONS.map((m) => m.key) as [BenchmarkMotionKey, ...BenchmarkMotionKey[]])
  .openapi({ description: 'Benchmark motion (BENCHMARK_MOTIONS) whose band benchmark nodes use' });
export const FilterSchema = z.record(z.string(), z.string()).openapi({
  description: 'Dimension = value, e.g. { "channel": "call" }',
  example: { channel: 'call' },
});

const PersonIds = z.array(z.string().min(1)).max(100);

export const NodeRaciSchema = z
  .object({
    accountable: PersonIds.openapi({
      description: 'Exactly one person id (a list, so a draft with none or two can be told so)',
    }),
    responsible: PersonIds.default([]),
    consulted: PersonIds.default([]),
    informed: PersonIds.default([]),
  })
  .openapi('NodeRaci');

export const NodeBandSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('target'), min: z.number().nullable(), max: z.number().nullable() }),
    z.object({ kind: z.literal('benchmark') }),
  ])
  .openapi('NodeBand', {
    description:
      "A target band of the node's metric (an end may be null), or the benchmark band of the tree's motion (touches per contact over the outbound window)",
  });

export const TreeDraftNodeSchema = z
  .object({
    id: z.string().min(1).max(100).openapi({
      description:
        'The node\'s id; a new node may use any id unique in the draft (e.g. "new-1"): it gets a real one on save',
    }),
    metricKey: z.string().min(1).max(100),
    label: z.string().max(200),
    filter: FilterSchema.default({}),
    position: z.object({ x: z.number(), y: z.number() }),
    band: NodeBandSchema.nullable().default(null),
    raci: NodeRaciSchema,
  })
  .openapi('TreeDraftNode');

export const TreeDraftEdgeSchema = z
  .object({
    id: z.string().min(1).max(100),
    parent: z
      .string()
      .min(1)
      .max(100)
      .openapi({ description: 'Parent node id (the node the child explains)' }),
    child: z.string().min(1).max(100),
    relation: Relation,
    role: z
      .enum(['numerator', 'denominator'])
      .nullable()
      .default(null)
      .openapi({ description: 'Ratio edges only' }),
    exponent: z
      .union([z.literal(1), z.literal(-1)])
      .default(1)
      .openapi({ description: 'Product edges only: −1 divides' }),
  })
  .openapi('TreeDraftEdge');

const draftFields = {
  name: z.string().max(200),
  description: z.string().max(5000).default(''),
  motion: MotionSchema.nullable().default(null),
  outboundWindowDays: z.number().int().min(1).max(MAX_OUTBOUND_WINDOW_DAYS).default(30),
  nodes: z.array(TreeDraftNodeSchema).max(1000),
  edges: z.array(TreeDraftEdgeSchema).max(5000),
};

export const TreeDraftSchema = z.object(draftFields).openapi('TreeDraft');

export const SaveTreeBodySchema = z
  .object({
    version: z.number().int().min(1).openapi({ description: 'The version the draft was read at' }),
    ...draftFields,
  })
  .openapi('SaveTree');

export const TreeIssueSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
  })
  .openapi('TreeIssue');

export const TreeRecordSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    templateKey: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    ...draftFields,
    errors: z.array(TreeIssueSchema).openapi({
      description:
        'What would keep the tree from being saved as it is (e.g. a node with no Accountable)',
    }),
    warnings: z
      .array(TreeIssueSchema)
      .openapi({ description: 'Hygiene warnings; they never block a save' }),
  })
  .openapi('Tree');

export const CreateTreeBodySchema = z
  .object({
    name: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: "Default: the template's name; required for an empty tree" }),
    description: z.string().max(5000).optional(),
    templateKey: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'Start from this template (GET /api/templates); else empty' }),
    owner: z.uuid().nullable().optional().openapi({
      description: 'A person made Accountable for every node until branches are handed over',
    }),
  })
  .openapi('CreateTree');

export const RenameTreeBodySchema = z
  .object({ name: z.string().min(1).max(200) })
  .openapi('RenameTree');

const ChangeRef = z.object({ id: z.string(), label: z.string() });
const ChangePart = z.object({
  added: z.array(ChangeRef),
  removed: z.array(ChangeRef),
  changed: z.array(ChangeRef.extend({ fields: z.array(z.string()) })),
});

export const TreeConflictSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    currentVersion: z.number().int(),
    yourVersion: z.number().int(),
    basis: z.enum(['since_your_version', 'against_your_draft']),
    changes: z.object({ tree: z.array(z.string()), nodes: ChangePart, edges: ChangePart }),
  })
  .openapi('TreeConflict', {
    description: 'problem+json of a save against a stale version: what changed since it',
  });
