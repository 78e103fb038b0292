/**
 * The account page: your name, your password (set one after an invitation, or change it
 * with the current one: your other sessions end), and signing out, here or everywhere
 * else. In the demo there are no passwords: it says so and offers "View as" instead.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import { accountQuery, sessionQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import { accountApi } from '../session/account-api';
import { FormProblem } from '../session/FormProblem';
import { resetSession } from '../session/reset-session';
import { useSubmit } from '../session/use-submit';
import { article, useWorkspaceScope } from '../session/workspace-scope';
import { NameForm } from './NameForm';
import { PasswordForm } from './PasswordForm';
import '../people/people.css';

export function AccountScreen() {
  const scope = useWorkspaceScope();
  const session = useQuery(sessionQuery()).data;
  const demoAdmin = session?.via === 'demo';
  const account = resourceOf(useQuery({ ...accountQuery(), enabled: !demoAdmin }));
  const queryClient = useQueryClient();
  const signOut = useSubmit(
    () => accountApi.signOut(),
    () => void resetSession(queryClient),
  );
  const [othersEnded, setOthersEnded] = useState(false);
  const others = useSubmit(
    () => accountApi.signOutOtherSessions(),
    () => setOthersEnded(true),
  );

  if (demoAdmin) {
    return (
      <div className="admin-screen admin-screen--single">
        <section className="admin-card">
          <h3>Demo account</h3>
          <p className="admin-screen__note">
            The demo signs you in as its admin, with no password. Use “View as” in the rail to see
            Treeline as any demo person. On your own installation, this page holds your name,
            password and sessions.
          </p>
        </section>
      </div>
    );
  }
  return (
    <div className="admin-screen admin-screen--single">
      {account.status === 'loading' ? (
        <SkeletonLine width="40%" />
      ) : account.status === 'error' ? (
        <ProblemState problem={account.problem} onRetry={account.retry} />
      ) : (
        <>
          <section className="admin-card" aria-labelledby="account-title">
            <h3 id="account-title">Your account</h3>
            <p className="admin-screen__note">
              {account.data.email}
              {scope ? ` · ${article(scope.role)} in ${scope.name}` : ''}
            </p>
            <NameForm name={account.data.name} />
          </section>
          <section className="admin-card" aria-labelledby="password-title">
            <h3 id="password-title">
              {account.data.hasPassword ? 'Change password' : 'Set a password'}
            </h3>
            <PasswordForm hasPassword={account.data.hasPassword} />
          </section>
        </>
      )}
      <section className="admin-card" aria-labelledby="sessions-title">
        <h3 id="sessions-title">Sessions</h3>
        <p className="admin-screen__note">
          Signing out everywhere else ends your sessions on other browsers and devices.
        </p>
        <FormProblem problem={signOut.problem ?? others.problem} />
        {othersEnded ? (
          <p className="admin-form__done" role="status">
            Your other sessions have ended; this one stays signed in.
          </p>
        ) : null}
        <div className="admin-form__row">
          <button type="button" className="button" onClick={() => void signOut.submit()}>
            Sign out
          </button>
          <button
            type="button"
            className="button"
            disabled={others.pending}
            onClick={() => void others.submit()}
          >
            Sign out other sessions
          </button>
        </div>
      </section>
    </div>
  );
}
