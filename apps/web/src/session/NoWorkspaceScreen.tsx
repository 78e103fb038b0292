/**
 * Signed in, but not (or no longer) in the workspace asked for, or in none: says so, lists
 * the workspaces the person does belong to, and offers to sign out.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { Session } from '@treeline/core';
import { AuthLayout } from './AuthLayout';
import { accountApi } from './account-api';
import { resetSession } from './reset-session';

export function NoWorkspaceScreen({ session, slug }: { session: Session; slug?: string }) {
  const queryClient = useQueryClient();
  const others = session.memberships;
  return (
    <AuthLayout
      title={slug ? 'Workspace not found' : 'No workspace yet'}
      lead={
        slug
          ? `You are not a member of a workspace named “${slug}”. Check the address, or ask one of its admins for an invitation.`
          : 'Your account belongs to no workspace yet. Ask an admin for an invitation.'
      }
      footer={
        <button
          type="button"
          className="link-button"
          onClick={async () => {
            await accountApi.signOut();
            await resetSession(queryClient);
          }}
        >
          Sign out{session.user ? ` ${session.user.email}` : ''}
        </button>
      }
    >
      {others.length > 0 ? (
        <ul className="auth__workspaces">
          {others.map((m) => (
            <li key={m.workspace.id}>
              <a href={`#/w/${m.workspace.slug}/trees`}>{m.workspace.name}</a> · {m.person.role}
            </li>
          ))}
        </ul>
      ) : null}
    </AuthLayout>
  );
}
