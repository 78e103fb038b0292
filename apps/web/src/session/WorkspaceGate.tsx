/**
 * `#/w/<slug>/…`: the workspace the address names, if the signed-in person is in it. Every
 * API call from here on is sent for it (the x-treeline-workspace header), and the app below
 * is made afresh per workspace and person: no answer, editor or live connection of one
 * workspace is ever shown in another.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { Session } from '@treeline/core';
import { useState } from 'react';
import { WorkspaceApp } from '../app/WorkspaceApp';
import { setRequestWorkspace } from '../lib/request-workspace';
import { NoWorkspaceScreen } from './NoWorkspaceScreen';
import { type WorkspaceScope, WorkspaceScopeProvider } from './workspace-scope';

export function WorkspaceGate({ slug, session }: { slug: string; session: Session }) {
  const membership = session.memberships.find((m) => m.workspace.slug === slug);
  if (!membership) return <NoWorkspaceScreen session={session} slug={slug} />;
  const scope: WorkspaceScope = {
    slug,
    name: membership.workspace.name,
    role: membership.person.role,
    person: { id: membership.person.id, name: membership.person.name },
    demo: session.demo !== null && session.demo.workspace.slug === slug,
  };
  return <ScopedApp key={`${slug}/${membership.person.id}`} scope={scope} />;
}

function ScopedApp({ scope }: { scope: WorkspaceScope }) {
  const queryClient = useQueryClient();
  // Before any query of this workspace is sent: answers of the one before are dropped.
  useState(() => {
    setRequestWorkspace(scope.slug);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  });
  return (
    <WorkspaceScopeProvider scope={scope}>
      <WorkspaceApp />
    </WorkspaceScopeProvider>
  );
}
