/**
 * One person in the People table: name and email, role (an admin changes it in place),
 * status, and the admin's actions: invite (or send a fresh link), deactivate, reactivate.
 * A refused change (the last admin, a mail that could not be sent) is said under the row.
 */
import { useQueryClient } from '@tanstack/react-query';
import { ROLES } from '@treeline/core';
import { Fragment } from 'react';
import type { Person } from '../lib/api';
import { queryKeys } from '../server-data/query-keys';
import { accountApi } from '../session/account-api';
import { FormProblem } from '../session/FormProblem';
import { useSubmit } from '../session/use-submit';
import { useWorkspaceScope } from '../session/workspace-scope';
import { ROLE_LABELS, roleOf, STATUS_LABELS, STATUS_TONES } from './people-labels';

export function PersonRow({ person, canManage }: { person: Person; canManage: boolean }) {
  const queryClient = useQueryClient();
  const you = useWorkspaceScope()?.person.id === person.id;
  const act = useSubmit<unknown>(
    null,
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.people() }),
  );
  const deactivated = person.status === 'deactivated';
  return (
    <Fragment>
      <tr className={deactivated ? 'is-muted' : undefined} data-person={person.email}>
        <td>
          <span className="admin-table__name">
            {person.name}
            {you ? <span className="tag">you</span> : null}
          </span>
          <span className="admin-table__sub">{person.email}</span>
        </td>
        <td>
          {canManage ? (
            <select
              className="input"
              aria-label={`Role of ${person.name}`}
              value={person.role}
              disabled={act.pending}
              onChange={(event) => {
                const role = roleOf(event.target.value);
                void act.submit(undefined, () => accountApi.changeRole(person.id, role));
              }}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          ) : (
            ROLE_LABELS[person.role]
          )}
        </td>
        <td>
          <span className={`tag ${STATUS_TONES[person.status]}`}>
            {STATUS_LABELS[person.status]}
          </span>
          {person.status === 'invited' && person.invitedAt ? (
            <span className="admin-table__sub">
              {new Date(person.invitedAt).toLocaleDateString()}
            </span>
          ) : null}
        </td>
        <td className="admin-table__actions">
          {canManage ? (
            <>
              {person.status === 'no_account' || person.status === 'invited' ? (
                <button
                  type="button"
                  className="button button--small"
                  disabled={act.pending}
                  onClick={() => void act.submit(undefined, () => accountApi.invite(person.id))}
                >
                  {person.status === 'invited' ? 'Resend invitation' : 'Invite'}
                </button>
              ) : null}
              <button
                type="button"
                className="button button--small"
                disabled={act.pending}
                onClick={() =>
                  void act.submit(undefined, () =>
                    deactivated
                      ? accountApi.reactivate(person.id)
                      : accountApi.deactivate(person.id),
                  )
                }
              >
                {deactivated ? 'Reactivate' : 'Deactivate'}
              </button>
            </>
          ) : null}
        </td>
      </tr>
      {act.problem ? (
        <tr>
          <td colSpan={4}>
            <FormProblem problem={act.problem} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
