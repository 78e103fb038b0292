/**
 * Edit controls a viewer may not use: inside, every field and button is disabled (a
 * disabled fieldset), with the reason as its tooltip; `ViewOnlyNote` says it once, where
 * the editing would be. Editors and admins see the controls as they are.
 */
import type { Role } from '@treeline/core';
import { Eye } from 'lucide-react';
import type { ReactNode } from 'react';
import { usePermission } from '../session/workspace-scope';

export function EditGuard({
  children,
  needed = 'editor',
  sayWhy = false,
}: {
  children: ReactNode;
  /** The role the controls need (counting settings are an admin's). */
  needed?: Role;
  /** Say the reason above the controls (where no ViewOnlyNote says it already). */
  sayWhy?: boolean;
}) {
  const edit = usePermission(needed);
  if (edit.allowed) return <>{children}</>;
  return (
    <fieldset className="edit-guard" disabled title={edit.reason}>
      {sayWhy ? <p className="field__hint">{edit.reason}</p> : null}
      {children}
    </fieldset>
  );
}

/** "View only", and why; nothing for those who may edit. */
export function ViewOnlyNote({
  className = '',
  needed = 'editor',
}: {
  className?: string;
  needed?: Role;
}) {
  const edit = usePermission(needed);
  if (edit.allowed) return null;
  return (
    <p className={`view-only ${className}`} role="note" data-testid="view-only">
      <Eye aria-hidden size={14} />
      <span>
        <strong>View only.</strong> {edit.reason}
      </span>
    </p>
  );
}
