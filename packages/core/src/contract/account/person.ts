/**
 * The people of a workspace (GET /api/people and the admin's writes): whom a node's RACI
 * may name, and who may act here with which role.
 */
import { z } from 'zod';
import { RoleSchema } from './roles';

export const PERSON_STATUSES = ['no_account', 'invited', 'active', 'deactivated'] as const;

export const PersonStatusSchema = z.enum(PERSON_STATUSES).meta({
  description:
    'no_account: an owner who only gets email; invited: sent a link; active: signs in; deactivated: kept for history',
});

export const PersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema.meta({ description: 'What they may do here once they have an account' }),
    status: PersonStatusSchema,
    invitedAt: z.string().nullable(),
    initials: z
      .string()
      .meta({ description: 'As node cards show the owner, e.g. "MC" for Maya Chen' }),
  })
  .meta({ id: 'Person' });

export const NewPersonSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: z.string().trim().email(),
    role: RoleSchema.default('viewer'),
    invite: z.boolean().default(false).meta({
      description: 'Also email them an invitation (else they only own branches)',
    }),
  })
  .meta({ id: 'NewPerson' });

export const PersonChangesSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: RoleSchema.optional(),
  })
  .meta({ id: 'PersonChanges' });

export type PersonView = z.infer<typeof PersonSchema>;
export type PersonStatus = z.infer<typeof PersonStatusSchema>;
export type NewPerson = z.input<typeof NewPersonSchema>;
