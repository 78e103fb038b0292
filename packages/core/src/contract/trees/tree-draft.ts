/**
 * A tree as it is read and saved whole: the draft (core's TreeDraft, nodes, edges, bands
 * and RACI), the record around it (version, issues), the bodies that create, rename and
 * save a tree, and the issues a draft has. The draft's schemas describe core's types and
 * are checked against them; the record and bodies exist only on the wire.
 */
import { z } from 'zod';
import { MAX_OUTBOUND_WINDOW_DAYS } from '../../periods/outbound-window';
import { BENCHMARK_MOTIONS } from '../../trees/benchmark-motions';
import type {
  NodeBand,
  NodeRaci,
  TreeDraft,
  TreeDraftEdge,
  TreeDraftNode,
} from '../../trees/tree-draft';
import type { TreeIssue } from '../../trees/tree-issue';
import { AlertRuleOverridesSchema } from '../alert-rule';
import { describes } from '../describes';
import { EdgeRelationSchema } from './tree-view';

export const MotionSchema = z
  .enum(BENCHMARK_MOTIONS.map((m) => m.key))
  .meta({ description: 'Benchmark motion (BENCHMARK_MOTIONS) whose band benchmark nodes use' });

export const FilterSchema = z.record(z.string(), z.string()).meta({
  description: 'Dimension = value, e.g. { "channel": "call" }',
  example: { channel: 'call' },
});

const PersonIds = z.array(z.string().min(1)).max(100);

export const NodeRaciSchema = describes<NodeRaci>()(
  z
    .object({
      accountable: PersonIds.meta({
        description: 'Exactly one person id (a list, so a draft with none or two can be told so)',
      }),
      responsible: PersonIds.default([]),
      consulted: PersonIds.default([]),
      informed: PersonIds.default([]),
    })
    .meta({ id: 'NodeRaci' }),
);

export const NodeBandSchema = describes<NodeBand>()(
  z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('target'),
        min: z.number().nullable(),
        max: z.number().nullable(),
      }),
      z.object({ kind: z.literal('benchmark') }),
    ])
    .meta({
      id: 'NodeBand',
      description:
        "A target band of the node's metric (an end may be null), or the benchmark band of the tree's motion (touches per contact over the outbound window)",
    }),
);

export const TreeDraftNodeSchema = describes<TreeDraftNode>()(
  z
    .object({
      id: z.string().min(1).max(100).meta({
        description:
          'The node\'s id; a new node may use any id unique in the draft (e.g. "new-1"): it gets a real one on save',
      }),
      metricKey: z.string().min(1).max(100),
      label: z.string().max(200),
      filter: FilterSchema.default({}),
      position: z.object({ x: z.number(), y: z.number() }),
      band: NodeBandSchema.nullable().default(null),
      raci: NodeRaciSchema,
      alertRule: AlertRuleOverridesSchema.nullable().optional().meta({
        description:
          'Overrides of the movement-detection defaults (ALERT_RULE_DEFAULTS); null or absent keeps them all',
      }),
    })
    .meta({ id: 'TreeDraftNode' }),
);

export const TreeDraftEdgeSchema = describes<TreeDraftEdge>()(
  z
    .object({
      id: z.string().min(1).max(100),
      parent: z
        .string()
        .min(1)
        .max(100)
        .meta({ description: 'Parent node id (the node the child explains)' }),
      child: z.string().min(1).max(100),
      relation: EdgeRelationSchema,
      role: z
        .enum(['numerator', 'denominator'])
        .nullable()
        .default(null)
        .meta({ description: 'Ratio edges only' }),
      exponent: z
        .union([z.literal(1), z.literal(-1)])
        .default(1)
        .meta({ description: 'Product edges only: −1 divides' }),
    })
    .meta({ id: 'TreeDraftEdge' }),
);

const draftFields = {
  name: z.string().max(200),
  description: z.string().max(5000).default(''),
  motion: MotionSchema.nullable().default(null),
  outboundWindowDays: z.number().int().min(1).max(MAX_OUTBOUND_WINDOW_DAYS).default(30),
  nodes: z.array(TreeDraftNodeSchema).max(1000),
  edges: z.array(TreeDraftEdgeSchema).max(5000),
};

export const TreeDraftSchema = describes<TreeDraft>()(
  z.object(draftFields).meta({ id: 'TreeDraft' }),
);

/** The body of PUT /api/trees/{id}: the whole draft and the version it was read at. */
export const SaveTreeBodySchema = z
  .object({
    version: z.number().int().min(1).meta({ description: 'The version the draft was read at' }),
    ...draftFields,
  })
  .meta({ id: 'SaveTree' });

export const TreeIssueSchema = describes<TreeIssue>()(
  z
    .object({
      code: z.string(),
      message: z.string(),
      nodeId: z.string().optional(),
      edgeId: z.string().optional(),
      field: z.string().optional().meta({
        description: "The node's field the error is about, as a path (e.g. 'alertRule.zThreshold')",
      }),
    })
    .meta({ id: 'TreeIssue' }),
);

/** A tree as the editor reads and saves it: the draft's fields beside its version and issues. */
export const TreeRecordSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    templateKey: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    ...draftFields,
    errors: z.array(TreeIssueSchema).meta({
      description:
        'What would keep the tree from being saved as it is (e.g. a node with no Accountable)',
    }),
    warnings: z
      .array(TreeIssueSchema)
      .meta({ description: 'Hygiene warnings; they never block a save' }),
  })
  .meta({ id: 'Tree' });

/** What creates a tree: a template (optionally renamed) or an empty tree with a name. */
export const CreateTreeBodySchema = z
  .object({
    name: z
      .string()
      .max(200)
      .optional()
      .meta({ description: "Default: the template's name; required for an empty tree" }),
    description: z.string().max(5000).optional(),
    templateKey: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'Start from this template (GET /api/templates); else empty' }),
    owner: z.uuid().nullable().optional().meta({
      description: 'A person made Accountable for every node until branches are handed over',
    }),
  })
  .meta({ id: 'CreateTree' });

export const RenameTreeBodySchema = z
  .object({ name: z.string().min(1).max(200) })
  .meta({ id: 'RenameTree' });

export type TreeRecord = z.infer<typeof TreeRecordSchema>;
export type CreateTreeBody = z.input<typeof CreateTreeBodySchema>;
export type SaveTreeBody = z.input<typeof SaveTreeBodySchema>;
