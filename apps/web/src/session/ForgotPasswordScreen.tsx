/**
 * Forgot password: an email with a reset link, valid for an hour. The answer is the same
 * whether or not the address has an account, so nobody learns who does.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { FormField } from '../metrics/FormField';
import { AuthLayout } from './AuthLayout';
import { accountApi } from './account-api';
import { FormProblem } from './FormProblem';
import { useSubmit } from './use-submit';

export function ForgotPasswordScreen() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { submit, pending, problem } = useSubmit(
    () => accountApi.requestPasswordReset(email.trim()),
    () => setSentTo(email.trim()),
  );
  return (
    <AuthLayout
      title="Reset your password"
      lead="We email you a link to choose a new password."
      footer={<Link href="/sign-in">Back to sign in</Link>}
    >
      {sentTo ? (
        <p className="auth__notice" role="status">
          If {sentTo} has an account, a reset link is on its way. It works for an hour; check your
          spam folder if it does not arrive.
        </p>
      ) : (
        <form className="auth__form" onSubmit={submit} noValidate>
          <FormField label="Email" htmlFor="forgot-email" error={undefined}>
            <input
              id="forgot-email"
              className="input"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </FormField>
          <FormProblem problem={problem} />
          <button
            type="submit"
            className="button button--primary"
            disabled={pending || !email.includes('@')}
          >
            {pending ? 'Sending…' : 'Email me a reset link'}
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
