/**
 * The People screen: everyone of the workspace with their role and status (an owner who
 * only gets email, invited, active, deactivated). An admin invites people by email with a
 * role, changes roles, and deactivates or reactivates them; the API refuses to leave the
 * workspace without an active admin, and that refusal is shown here. Others see the list.
 */
import { Users } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import { peopleQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import { useScreenQuery } from '../server-data/use-screen-query';
import { usePermission } from '../session/workspace-scope';
import { InvitePersonForm } from './InvitePersonForm';
import { PersonRow } from './PersonRow';
import './people.css';

export function PeopleScreen() {
  const people = resourceOf(useScreenQuery(peopleQuery()));
  const admin = usePermission('admin');
  return (
    <div className="admin-screen">
      <section className="admin-screen__main" aria-labelledby="people-title">
        <header className="admin-screen__head">
          <h2 id="people-title">People</h2>
          <p className="admin-screen__lead">
            Who owns branches and who may act here. Viewers read; editors also change trees, metrics
            and imports; admins also manage people, tokens and settings.
          </p>
        </header>
        {people.status === 'loading' ? (
          <div role="status">
            <span className="visually-hidden">Loading people…</span>
            <SkeletonLine width="60%" />
            <SkeletonLine width="45%" />
          </div>
        ) : people.status === 'error' ? (
          <ProblemState problem={people.problem} onRetry={people.retry} />
        ) : people.data.length === 0 ? (
          <EmptyState icon={<Users size={28} />} title="No people yet">
            {admin.allowed
              ? 'Invite your team with the form beside: they get an email with a sign-in link.'
              : 'An admin invites people; ask one to add your team.'}
          </EmptyState>
        ) : (
          <table className="admin-table" aria-label="People">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.data.map((person) => (
                <PersonRow key={person.id} person={person} canManage={admin.allowed} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <aside className="admin-screen__side" aria-label="Invite">
        {admin.allowed ? (
          <InvitePersonForm />
        ) : (
          <p className="admin-screen__note" role="note">
            {admin.reason} Ask an admin to invite people or change roles.
          </p>
        )}
      </aside>
    </div>
  );
}
