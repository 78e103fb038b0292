/**
 * Set or change your password. Changing one needs the current one; either way your other
 * sessions end (this one stays signed in).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormField } from '../metrics/FormField';
import { queryKeys } from '../server-data/query-keys';
import { accountApi } from '../session/account-api';
import { FormProblem } from '../session/FormProblem';
import { MIN_PASSWORD_LENGTH, passwordIssue } from '../session/password-rules';
import { useSubmit } from '../session/use-submit';

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const issue = passwordIssue(next, confirm);
  const { submit, pending, problem } = useSubmit(
    () => accountApi.changePassword(next, hasPassword ? current : undefined),
    (account) => {
      queryClient.setQueryData(queryKeys.account(), account);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    },
  );
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      {hasPassword ? (
        <FormField label="Current password" htmlFor="password-current" error={undefined}>
          <input
            id="password-current"
            className="input"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        </FormField>
      ) : null}
      <FormField
        label="New password"
        htmlFor="password-new"
        error={undefined}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      >
        <input
          id="password-new"
          className="input"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(event) => {
            setNext(event.target.value);
            setDone(false);
          }}
        />
      </FormField>
      <FormField label="Repeat it" htmlFor="password-confirm" error={confirm ? issue : undefined}>
        <input
          id="password-confirm"
          className="input"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
        />
      </FormField>
      <FormProblem problem={problem} />
      {done ? (
        <p className="admin-form__done" role="status">
          Password saved; your other sessions have ended.
        </p>
      ) : null}
      <button
        type="submit"
        className="button"
        disabled={pending || !!issue || (hasPassword && !current)}
      >
        {hasPassword ? 'Change password' : 'Set password'}
      </button>
    </form>
  );
}
