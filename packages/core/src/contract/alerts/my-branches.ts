/**
 * The signed-in person's start-of-week page (GET /api/my-branches): every node they are
 * Accountable or Responsible for, across trees, with its value and change in the latest
 * complete week, its status against its target or band, and its open alerts.
 */
import { z } from 'zod';
import { BAND_STATUSES } from '../../trees/benchmark-motions';
import { PeriodViewSchema } from '../periods';
import { MetricDirectionSchema, MetricUnitSchema } from '../trees/tree-view';

export const MyBranchSchema = z
  .object({
    treeId: z.string(),
    treeName: z.string(),
    nodeId: z.string(),
    label: z.string(),
    metricName: z.string(),
    unit: MetricUnitSchema,
    direction: MetricDirectionSchema,
    roles: z.array(z.enum(['accountable', 'responsible'])),
    value: z.number().nullable().meta({ description: 'null means "no data", never 0' }),
    previousValue: z.number().nullable(),
    change: z.object({ absolute: z.number(), percent: z.number().nullable() }).nullable(),
    status: z.enum(BAND_STATUSES).nullable().meta({
      description: 'Where the value sits against the target or benchmark band; null without one',
    }),
    bandKind: z.enum(['target', 'benchmark']).nullable(),
    error: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .meta({ description: 'Why the node could not be evaluated' }),
    openAlerts: z.number().int(),
    interventions: z
      .array(z.unknown())
      .meta({ description: 'Interventions on the branch (to come; always empty for now)' }),
  })
  .meta({ id: 'MyBranch' });

export const MyBranchesSchema = z
  .object({
    me: z
      .object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'editor', 'viewer']) })
      .nullable()
      .meta({ description: 'Whose branches these are (null for an API token: nobody)' }),
    period: PeriodViewSchema.nullable().meta({
      description: 'The latest complete week the values are for (null without branches)',
    }),
    branches: z.array(MyBranchSchema),
  })
  .meta({ id: 'MyBranches' });

export type MyBranch = z.infer<typeof MyBranchSchema>;
export type MyBranches = z.infer<typeof MyBranchesSchema>;
