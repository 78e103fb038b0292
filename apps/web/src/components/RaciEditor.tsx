/**
 * Who owns a node, as a RACI matrix: one row per person, one column per role. Accountable
 * is a radio column (exactly one person; alerts go to them), Responsible, Consulted and
 * Informed are checkboxes (any number).
 */
import type { NodeRaci } from '@treeline/core';
import { TriangleAlert } from 'lucide-react';
import { useId } from 'react';
import { RACI_ROLES, type RaciRole } from '../editor/draft-edits';
import type { Person } from '../lib/api';

const ROLE_NAMES: Record<RaciRole, string> = {
  accountable: 'Accountable',
  responsible: 'Responsible',
  consulted: 'Consulted',
  informed: 'Informed',
};

export function RaciEditor({
  nodeLabel,
  raci,
  people,
  onAssign,
}: {
  nodeLabel: string;
  raci: NodeRaci;
  people: readonly Person[];
  onAssign: (role: RaciRole, personId: string, assigned: boolean) => void;
}) {
  const id = useId();
  const accountable = people.find((person) => raci.accountable.includes(person.id));
  const unknown = raci.accountable.filter((pid) => !people.some((p) => p.id === pid));
  if (people.length === 0) {
    return <p className="panel__text">No people in this workspace yet, so no one can own it.</p>;
  }
  return (
    <div className="raci">
      {raci.accountable.length === 0 ? (
        <p className="raci__warning" role="note">
          <TriangleAlert aria-hidden size={13} className="raci__warning-icon" />
          Pick one Accountable owner: movement alerts go to them. The tree cannot be saved without.
        </p>
      ) : raci.accountable.length > 1 || unknown.length > 0 ? (
        <p className="raci__warning" role="note">
          <TriangleAlert aria-hidden size={13} className="raci__warning-icon" />
          Exactly one person is Accountable; pick one.
        </p>
      ) : null}
      <table className="raci__table" aria-label={`Owners of ${nodeLabel}`}>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {RACI_ROLES.map((role) => (
              <th scope="col" key={role} title={ROLE_NAMES[role]}>
                <abbr title={ROLE_NAMES[role]}>{ROLE_NAMES[role][0]}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id} className={person === accountable ? 'is-accountable' : undefined}>
              <th scope="row" className="raci__person" title={person.email}>
                {person.name}
              </th>
              {RACI_ROLES.map((role) => {
                const checked = raci[role].includes(person.id);
                const label = `${person.name}: ${ROLE_NAMES[role]}`;
                return (
                  <td key={role}>
                    {role === 'accountable' ? (
                      <input
                        type="radio"
                        name={`${id}-accountable`}
                        className="raci__input"
                        aria-label={label}
                        checked={checked}
                        onChange={() => onAssign('accountable', person.id, true)}
                      />
                    ) : (
                      <input
                        type="checkbox"
                        className="raci__input"
                        aria-label={label}
                        checked={checked}
                        onChange={(event) => onAssign(role, person.id, event.target.checked)}
                      />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
