/** A person's in-app inbox (GET /api/inbox): what Treeline told them, newest first. */
import { z } from 'zod';

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().meta({ description: 'alert, escalation, digest, verdict, score_threshold…' }),
    role: z.string().meta({ description: 'Why you got it: to, cc, informed, escalation' }),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().meta({ description: 'Where in the app it leads' }),
    alertId: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const InboxSchema = z
  .object({ notifications: z.array(NotificationSchema), unread: z.number().int() })
  .meta({ id: 'Inbox' });

export type Notification = z.infer<typeof NotificationSchema>;
export type Inbox = z.infer<typeof InboxSchema>;
