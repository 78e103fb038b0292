/**
 * Choose a new password from a reset link (`/?token=…#/reset-password`). A link that has
 * expired or was used says so and offers a new one; after the change, every session of
 * the account has ended and the person signs in with the new password.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { FormField } from '../metrics/FormField';
import { useHashSearch } from '../routes/hash-location';
import { AuthLayout } from './AuthLayout';
import { accountApi } from './account-api';
import { authParam, dropPageQuery } from './auth-params';
import { FormProblem } from './FormProblem';
import { MIN_PASSWORD_LENGTH, passwordIssue } from './password-rules';
import { useSubmit } from './use-submit';

export function ResetPasswordScreen() {
  const search = useHashSearch();
  // Read once: the one-time token leaves the address as soon as the page has it.
  const [token] = useState(() => authParam(window.location.search, `#?${search}`, 'token'));
  const [linkError] = useState(() => authParam(window.location.search, `#?${search}`, 'error'));
  useState(dropPageQuery);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const issue = passwordIssue(password, confirm);
  const { submit, pending, problem } = useSubmit(
    () => accountApi.resetPassword(token ?? '', password),
    () => setDone(true),
  );
  const badLink = linkError !== null || !token || problem?.status === 400;

  if (done) {
    return (
      <AuthLayout title="Password changed" footer={<Link href="/sign-in">Sign in</Link>}>
        <p className="auth__notice" role="status">
          Your new password is set and your other sessions have ended. Sign in with it now.
        </p>
      </AuthLayout>
    );
  }
  if (badLink) {
    return (
      <AuthLayout title="This link no longer works" footer={<Link href="/sign-in">Sign in</Link>}>
        <p className="auth__notice" role="alert">
          Reset links work once, for an hour. <Link href="/forgot-password">Get a new link</Link>.
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Choose a new password" lead={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
      <form className="auth__form" onSubmit={submit} noValidate>
        <FormField label="New password" htmlFor="reset-password" error={undefined}>
          <input
            id="reset-password"
            className="input"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </FormField>
        <FormField label="Repeat it" htmlFor="reset-confirm" error={confirm ? issue : undefined}>
          <input
            id="reset-confirm"
            className="input"
            type="password"
            autoComplete="new-password"
            value={confirm}
            aria-invalid={confirm && issue ? true : undefined}
            onChange={(event) => setConfirm(event.target.value)}
          />
        </FormField>
        <FormProblem problem={problem} />
        <button type="submit" className="button button--primary" disabled={pending || !!issue}>
          {pending ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </AuthLayout>
  );
}
