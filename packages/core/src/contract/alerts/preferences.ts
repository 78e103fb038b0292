/**
 * A person's notification preferences in a workspace (GET/PUT /api/preferences): which
 * channels, how often the digest of what they are Informed of comes, and quiet hours in the
 * workspace time zone (emails falling due inside them wait until they end).
 */
import { z } from 'zod';

export const DIGEST_FREQUENCIES = ['daily', 'weekly', 'off'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

const Clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM, e.g. 22:00')
  .meta({ description: 'Local time of day in the workspace time zone, HH:MM' });

export const QuietHoursSchema = z
  .object({ start: Clock, end: Clock })
  .refine((q) => q.start !== q.end, { message: 'start and end are the same time', path: ['end'] })
  .meta({ id: 'QuietHours', description: 'May wrap midnight, e.g. 22:00–07:00' });

export const NotificationPreferencesSchema = z
  .object({
    email: z.boolean().meta({ description: 'Alerts and digests by email' }),
    inApp: z
      .boolean()
      .meta({ description: 'Unread badges in the app (the inbox lists everything either way)' }),
    digest: z.enum(DIGEST_FREQUENCIES).meta({
      description: 'How often the digest of what you are Informed of is emailed',
    }),
    quietHours: QuietHoursSchema.nullable(),
    timeZone: z.string().meta({ description: "The workspace's time zone quiet hours are in" }),
  })
  .meta({ id: 'NotificationPreferences' });

export const NotificationPreferencesUpdateSchema = NotificationPreferencesSchema.omit({
  timeZone: true,
}).meta({ id: 'NotificationPreferencesUpdate' });

export type NotificationPreferencesView = z.infer<typeof NotificationPreferencesSchema>;
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdateSchema>;
