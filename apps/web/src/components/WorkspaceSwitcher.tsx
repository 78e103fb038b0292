/**
 * The workspace on screen, under the wordmark; for a person in several workspaces, a
 * switch between them (each opens at its trees, its address naming it).
 */
import { useQuery } from '@tanstack/react-query';
import { Building2 } from 'lucide-react';
import { sessionQuery } from '../server-data/queries';
import { useWorkspaceScope } from '../session/workspace-scope';

export function WorkspaceSwitcher({ onSwitch }: { onSwitch: (slug: string) => void }) {
  const scope = useWorkspaceScope();
  const memberships = useQuery(sessionQuery()).data?.memberships ?? [];
  if (!scope) return null;
  if (memberships.length < 2) {
    return (
      <div className="rail__workspace" title={`Workspace: ${scope.name}`}>
        <Building2 aria-hidden size={14} />
        <span className="rail__workspace-name">{scope.name}</span>
      </div>
    );
  }
  return (
    <label className="rail__workspace">
      <Building2 aria-hidden size={14} />
      <span className="visually-hidden">Workspace</span>
      <select
        className="rail__workspace-select"
        value={scope.slug}
        onChange={(event) => onSwitch(event.target.value)}
      >
        {memberships.map((m) => (
          <option key={m.workspace.id} value={m.workspace.slug}>
            {m.workspace.name}
          </option>
        ))}
      </select>
    </label>
  );
}
