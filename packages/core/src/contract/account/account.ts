/** The signed-in account (GET/PATCH /api/account) and its password change. */
import { z } from 'zod';

export const AccountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    hasPassword: z.boolean().meta({ description: 'false: invited, no password set yet' }),
  })
  .meta({ id: 'Account' });

export const AccountChangesSchema = z
  .object({ name: z.string().trim().min(1).max(120) })
  .meta({ id: 'AccountChanges' });

export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string().optional().meta({
      description: 'Needed once the account has a password',
    }),
    newPassword: z.string().min(1).max(128),
  })
  .meta({ id: 'PasswordChange' });

export type Account = z.infer<typeof AccountSchema>;
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;
