/**
 * A movement alert as the API sends it (GET /api/alerts…), and what changes it: acknowledge,
 * snooze until a date, resolve with a note, reopen.
 */
import { z } from 'zod';

export const AlertStatusSchema = z.enum(['open', 'acknowledged', 'snoozed', 'resolved']);

export const AlertSchema = z
  .object({
    id: z.string(),
    treeId: z.string(),
    nodeId: z.string(),
    grain: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    direction: z.enum(['up', 'down']),
    tone: z.enum(['good', 'bad']).meta({
      description: "Good or bad news, by the metric's direction (higher or lower is better)",
    }),
    title: z.string(),
    summary: z
      .string()
      .meta({ description: 'What moved, by how much, why it counts, and which branch caused it' }),
    detection: z.record(z.string(), z.unknown()).meta({
      description: 'The numbers behind it: value, baseline, z, interval, the test that fired',
    }),
    routing: z.record(z.string(), z.unknown()).meta({
      description: 'The path down the tree to the branch that explains the change, with shares',
    }),
    routedNodeId: z.string(),
    accountableId: z.string().nullable(),
    status: AlertStatusSchema,
    backfilled: z.boolean().meta({ description: 'Found in history on a first run: never sent' }),
    createdAt: z.string(),
    escalateAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    escalatedTo: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    snoozedUntil: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolutionNote: z.string().nullable(),
  })
  .meta({ id: 'Alert' });

export const AlertListSchema = z.object({ alerts: z.array(AlertSchema) }).meta({ id: 'AlertList' });

export const AlertChangeSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('acknowledge') }),
    z.object({
      action: z.literal('snooze'),
      until: z
        .string()
        .datetime({ offset: true })
        .meta({ description: 'Back in the inbox from then' }),
    }),
    z.object({ action: z.literal('resolve'), note: z.string().trim().min(1).max(2000) }),
    z.object({ action: z.literal('reopen') }),
  ])
  .meta({ id: 'AlertChange' });

export type Alert = z.infer<typeof AlertSchema>;
export type AlertChange = z.infer<typeof AlertChangeSchema>;
