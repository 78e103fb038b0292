/** A webhook target's delivery log (GET /api/webhooks/:id/deliveries), newest first. */
import { z } from 'zod';

export const DeliveryLogEntrySchema = z
  .object({
    id: z.string().meta({ description: 'The webhook-id every attempt carried' }),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'retrying', 'given_up']).meta({
      description:
        'pending: not tried yet; retrying: failed, due again; given_up: no more attempts',
    }),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
  })
  .meta({ id: 'DeliveryLogEntry' });

export const DeliveryLogSchema = z
  .object({ deliveries: z.array(DeliveryLogEntrySchema) })
  .meta({ id: 'DeliveryLog' });

export type DeliveryLogEntry = z.infer<typeof DeliveryLogEntrySchema>;
