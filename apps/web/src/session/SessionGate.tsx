/**
 * What the address opens depends on who is asking (GET /api/session). Signed out (a
 * server with DATABASE_URL or TREELINE_DEMO=0): the sign-in page, or the first-run page
 * while no account exists, remembering the address asked for. Signed in (the demo always
 * is): `#/w/<slug>/…` opens that workspace; any older address without a workspace goes to
 * the same place in the first one. Resetting a password works either way.
 */
import { useQuery } from '@tanstack/react-query';
import type { Session } from '@treeline/core';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ProblemState } from '../components/ProblemState';
import { useHashSearch } from '../routes/hash-location';
import { sessionQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import { AuthLayout } from './AuthLayout';
import { nextPath } from './auth-params';
import { ForgotPasswordScreen } from './ForgotPasswordScreen';
import { NoWorkspaceScreen } from './NoWorkspaceScreen';
import { ResetPasswordScreen } from './ResetPasswordScreen';
import { SetupScreen } from './SetupScreen';
import { SignInScreen } from './SignInScreen';
import { WorkspaceGate } from './WorkspaceGate';

export function SessionGate() {
  const session = resourceOf(useQuery(sessionQuery()));
  const [location] = useLocation();
  const search = useHashSearch();
  if (session.status === 'loading') {
    return (
      <main className="auth" aria-busy="true">
        <span className="visually-hidden">Loading…</span>
      </main>
    );
  }
  if (session.status === 'error') {
    return (
      <AuthLayout title="Treeline">
        <ProblemState problem={session.problem} onRetry={session.retry} />
      </AuthLayout>
    );
  }
  const here = `${location}${search ? `?${search}` : ''}`;
  const signedIn = session.data.user !== null;
  const home = homePath(session.data, nextPath(search));
  const signInFirst = session.data.setupNeeded
    ? '/setup'
    : `/sign-in${location === '/' ? '' : `?next=${encodeURIComponent(here)}`}`;

  return (
    <Switch>
      <Route path="/reset-password">
        <ResetPasswordScreen />
      </Route>
      <Route path="/forgot-password">
        {signedIn ? <Redirect to={home} replace /> : <ForgotPasswordScreen />}
      </Route>
      <Route path="/setup">
        {signedIn ? (
          <Redirect to={home} replace />
        ) : (
          <SetupScreen setupNeeded={session.data.setupNeeded} />
        )}
      </Route>
      <Route path="/sign-in">{signedIn ? <Redirect to={home} replace /> : <SignInScreen />}</Route>
      <Route path="/w/:slug" nest>
        {(params) =>
          signedIn ? (
            <WorkspaceGate slug={params.slug} session={session.data} />
          ) : (
            // `~`: out of the workspace's nested routes, to the app's own sign-in page.
            <Redirect to={`~${signInFirst}`} replace />
          )
        }
      </Route>
      <Route>
        {!signedIn ? (
          <Redirect to={signInFirst} replace />
        ) : session.data.memberships.length === 0 ? (
          <NoWorkspaceScreen session={session.data} />
        ) : (
          <Redirect to={withWorkspace(session.data, here)} replace />
        )}
      </Route>
    </Switch>
  );
}

/** Where a signed-in person lands: the address they asked for, or their first workspace. */
function homePath(session: Session, next: string | null): string {
  if (next) return next.startsWith('/w/') ? next : withWorkspace(session, next);
  return withWorkspace(session, '/');
}

/**
 * An address without a workspace, in the first one (the demo's for the demo).
 *
 * @example withWorkspace(session, '/trees/t1?grain=week') // '/w/acme/trees/t1?grain=week'
 */
function withWorkspace(session: Session, path: string): string {
  const first = session.demo?.workspace.slug ?? session.memberships[0]?.workspace.slug;
  if (!first) return '/';
  return `/w/${first}${path === '/' ? '/trees' : path}`;
}
