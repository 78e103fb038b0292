/**
 * The workspace on screen and who the signed-in user is there: its slug and name, their
 * person and role, and whether this is the embedded demo. Screens ask `usePermission`
 * whether a control is theirs to use, and show the reason when it is not (docs/product.md
 * §11: roles; decision 0040).
 */
import { type Role, roleCovers } from '@treeline/core';
import { createContext, type ReactNode, useContext } from 'react';

export interface WorkspaceScope {
  slug: string;
  name: string;
  role: Role;
  person: { id: string; name: string };
  /** The server runs the embedded demo: anyone may act as any demo person. */
  demo: boolean;
}

const ScopeContext = createContext<WorkspaceScope | null>(null);

export function WorkspaceScopeProvider({
  scope,
  children,
}: {
  scope: WorkspaceScope;
  children: ReactNode;
}) {
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/** The workspace on screen; outside one (tests, a screen on its own) an admin's view. */
export function useWorkspaceScope(): WorkspaceScope | null {
  return useContext(ScopeContext);
}

/** Why a role cannot use a control that needs `needed`. */
export function permissionReason(role: Role, needed: Role): string {
  if (needed === 'admin') return `Only admins manage this; you are ${article(role)} here.`;
  return 'You can read this workspace as a viewer; an admin can make you an editor to change trees, metrics and imports.';
}

/** @example article('editor') // 'an editor' */
export function article(role: Role): string {
  return role === 'admin' ? 'an admin' : role === 'editor' ? 'an editor' : 'a viewer';
}

export interface Permission {
  allowed: boolean;
  /** Said beside a control that is disabled or missing; empty when allowed. */
  reason: string;
}

/**
 * @example const edit = usePermission('editor'); <button disabled={!edit.allowed} title={edit.reason}>
 */
export function usePermission(needed: Role): Permission {
  const scope = useContext(ScopeContext);
  if (!scope || roleCovers(scope.role, needed)) return { allowed: true, reason: '' };
  return { allowed: false, reason: permissionReason(scope.role, needed) };
}
