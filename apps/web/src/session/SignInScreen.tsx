/**
 * Sign in with email and password (better-auth's endpoint). A wrong password and an
 * unknown email read the same. An invitation link that expired or was used lands here
 * and says so, with the way to a fresh link.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { FormField } from '../metrics/FormField';
import { useHashSearch } from '../routes/hash-location';
import { AuthLayout } from './AuthLayout';
import { accountApi } from './account-api';
import { authParam } from './auth-params';
import { FormProblem } from './FormProblem';
import { resetSession } from './reset-session';
import { useSubmit } from './use-submit';

export function SignInScreen() {
  const queryClient = useQueryClient();
  const search = useHashSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const invitationExpired =
    authParam(window.location.search, `#?${search}`, 'invitation') === 'expired';
  const { submit, pending, problem } = useSubmit(
    () => accountApi.signIn(email.trim(), password),
    // The gate sends a signed-in person on, to the address they asked for.
    () => void resetSession(queryClient),
  );
  return (
    <AuthLayout
      title="Sign in"
      lead="Your metric trees, who owns each branch, and what moved."
      footer="No account? Ask an admin of your workspace for an invitation."
    >
      {invitationExpired ? (
        <p className="auth__notice" role="status">
          That invitation link has expired or was already used. Ask the admin who invited you to
          send a new one, or <Link href="/forgot-password">get a link to set a password</Link>.
        </p>
      ) : null}
      <form className="auth__form" onSubmit={submit} noValidate>
        <FormField label="Email" htmlFor="sign-in-email" error={undefined}>
          <input
            id="sign-in-email"
            className="input"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            required
          />
        </FormField>
        <FormField label="Password" htmlFor="sign-in-password" error={undefined}>
          <input
            id="sign-in-password"
            className="input"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </FormField>
        <FormProblem problem={problem} />
        <button
          type="submit"
          className="button button--primary"
          disabled={pending || !email.trim() || !password}
        >
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
        <Link href="/forgot-password" className="auth__link">
          Forgot your password?
        </Link>
      </form>
    </AuthLayout>
  );
}
