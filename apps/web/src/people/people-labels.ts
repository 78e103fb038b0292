/** How roles and a person's status read on the People screen. */
import { type PersonStatus, ROLES, type Role } from '@treeline/core';

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  editor: 'Editor',
  admin: 'Admin',
};

export const STATUS_LABELS: Record<PersonStatus, string> = {
  no_account: 'Owner only',
  invited: 'Invited',
  active: 'Active',
  deactivated: 'Deactivated',
};

export const STATUS_TONES: Record<PersonStatus, string> = {
  no_account: '',
  invited: 'tag--warning',
  active: 'tag--good',
  deactivated: 'tag--bad',
};

/** A role picked from a select's value (always one of ROLES; viewer otherwise). */
export function roleOf(value: string): Role {
  return ROLES.find((role) => role === value) ?? 'viewer';
}
