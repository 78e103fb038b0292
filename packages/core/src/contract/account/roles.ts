/**
 * The three roles a person has in a workspace (docs/decisions/0037): a viewer reads, an
 * editor also changes trees, metrics and imports, an admin also manages people,
 * invitations, tokens and settings. Each role can do what the ones before it can.
 */
import { z } from 'zod';

export const ROLES = ['viewer', 'editor', 'admin'] as const;

export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });

export type Role = z.infer<typeof RoleSchema>;

/**
 * Whether `role` may do what `needed` may.
 *
 * @example roleCovers('admin', 'editor') // true
 * @example roleCovers('viewer', 'editor') // false
 */
export function roleCovers(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
