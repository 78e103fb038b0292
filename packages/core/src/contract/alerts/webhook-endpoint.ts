/**
 * A workspace's webhook endpoints (admin): where automations and Slack receive Treeline's
 * events, signed the Standard Webhooks way with the endpoint's secret.
 */
import { z } from 'zod';

/** The events a webhook can receive. */
export const WEBHOOK_EVENTS = [
  'alert.raised',
  'alert.escalated',
  'verdict.changed',
  'score.threshold_crossed',
] as const;

export const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    enabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookEndpoint' });

export const NewWebhookEndpointSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'http or https only'),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).default(['alert.raised']),
  })
  .meta({ id: 'NewWebhookEndpoint' });

export type WebhookEndpointView = z.infer<typeof WebhookEndpointSchema>;
