/**
 * The foot of the rail: who is signed in and their role here, opening the account page. In
 * the demo, a "Demo mode" badge and "View as": any demo person, without a password, so a
 * visitor sees what a branch owner sees.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { UserRound } from 'lucide-react';
import { useState } from 'react';
import { ROLE_LABELS } from '../people/people-labels';
import { sessionQuery } from '../server-data/queries';
import { accountApi } from '../session/account-api';
import { resetSession } from '../session/reset-session';
import { useWorkspaceScope } from '../session/workspace-scope';

export function RailAccount({
  active,
  onOpenAccount,
}: {
  active: boolean;
  onOpenAccount: () => void;
}) {
  const scope = useWorkspaceScope();
  const session = useQuery(sessionQuery()).data;
  const queryClient = useQueryClient();
  const [switching, setSwitching] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  if (!scope || !session) return null;
  const demo = scope.demo ? session.demo : null;

  const viewAs = async (personId: string) => {
    setSwitching(true);
    setFailed(null);
    try {
      await accountApi.demoSignIn(personId);
      await resetSession(queryClient);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setSwitching(false);
    }
  };

  return (
    <div className="rail__account">
      {demo ? (
        <div className="rail__demo">
          <span className="badge badge--demo" title="Anyone may look around; nothing here is real">
            Demo mode
          </span>
          <label className="rail__view-as">
            <span>View as</span>
            <select
              className="input"
              value={scope.person.id}
              disabled={switching}
              onChange={(event) => void viewAs(event.target.value)}
            >
              {demo.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} · {ROLE_LABELS[person.role]}
                </option>
              ))}
            </select>
          </label>
          {failed ? (
            <p className="rail__view-as-error" role="alert">
              Could not switch: {failed}
            </p>
          ) : null}
        </div>
      ) : null}
      <button
        type="button"
        className={`rail__item rail__item--link rail__me${active ? ' is-active' : ''}`}
        aria-current={active ? 'page' : undefined}
        onClick={onOpenAccount}
        aria-label={`Your account: ${scope.person.name}, ${ROLE_LABELS[scope.role]}`}
        title="Your account"
      >
        <UserRound aria-hidden size={16} />
        <span className="rail__me-name">{scope.person.name}</span>
        <span className="tag">{ROLE_LABELS[scope.role]}</span>
      </button>
    </div>
  );
}
