/**
 * The first-run page: while the installation has no account (and is not the demo), the
 * first admin creates their account and names the workspace; they are signed in at once.
 * Once anyone has an account the API refuses it, and this page says to sign in instead.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { FormField } from '../metrics/FormField';
import { AuthLayout } from './AuthLayout';
import { accountApi } from './account-api';
import { FormProblem } from './FormProblem';
import { MIN_PASSWORD_LENGTH, passwordIssue } from './password-rules';
import { resetSession } from './reset-session';
import { useSubmit } from './use-submit';

export function SetupScreen({ setupNeeded }: { setupNeeded: boolean }) {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [form, setForm] = useState({ name: '', email: '', password: '', workspaceName: '' });
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));
  const issue = passwordIssue(form.password, form.password);
  const { submit, pending, problem } = useSubmit(
    () =>
      accountApi.setup({
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
        ...(form.workspaceName.trim() ? { workspaceName: form.workspaceName.trim() } : {}),
      }),
    async ({ workspace }) => {
      await resetSession(queryClient);
      navigate(`/w/${workspace.slug}/trees`, { replace: true });
    },
  );
  if (!setupNeeded) {
    return (
      <AuthLayout title="Treeline is set up" footer={<Link href="/sign-in">Sign in</Link>}>
        <p className="auth__notice">
          This installation has its first admin. Sign in, or ask an admin to invite you.
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="Set up Treeline"
      lead="No account exists yet. Create the first admin: you can invite your team next."
    >
      <form className="auth__form" onSubmit={submit} noValidate>
        <FormField label="Your name" htmlFor="setup-name" error={undefined}>
          <input id="setup-name" className="input" value={form.name} onChange={set('name')} />
        </FormField>
        <FormField label="Email" htmlFor="setup-email" error={undefined}>
          <input
            id="setup-email"
            className="input"
            type="email"
            autoComplete="username"
            value={form.email}
            onChange={set('email')}
          />
        </FormField>
        <FormField
          label="Password"
          htmlFor="setup-password"
          error={form.password ? issue : undefined}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        >
          <input
            id="setup-password"
            className="input"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
          />
        </FormField>
        <FormField
          label="Workspace name"
          htmlFor="setup-workspace"
          error={undefined}
          hint="Your company or team; used when the installation has no workspace yet."
        >
          <input
            id="setup-workspace"
            className="input"
            value={form.workspaceName}
            onChange={set('workspaceName')}
          />
        </FormField>
        <FormProblem problem={problem} />
        <button
          type="submit"
          className="button button--primary"
          disabled={pending || !form.name.trim() || !form.email.includes('@') || !!issue}
        >
          {pending ? 'Creating…' : 'Create admin and sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
