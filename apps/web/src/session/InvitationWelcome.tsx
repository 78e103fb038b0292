/**
 * Accepting an invitation: its one-time link signs the person in and lands them in the
 * workspace. Their account has no password yet, so this greets them and asks for one, so
 * they can sign in again without a link; "Later" leaves it for the account page.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { FormField } from '../metrics/FormField';
import { accountQuery } from '../server-data/queries';
import { queryKeys } from '../server-data/query-keys';
import { accountApi } from './account-api';
import { FormProblem } from './FormProblem';
import { MIN_PASSWORD_LENGTH, passwordIssue } from './password-rules';
import { useSubmit } from './use-submit';
import { article, useWorkspaceScope } from './workspace-scope';

const LATER = 'treeline:password-later';

export function InvitationWelcome() {
  const scope = useWorkspaceScope();
  const queryClient = useQueryClient();
  const account = useQuery({ ...accountQuery(), enabled: scope !== null && !scope.demo });
  const [later, setLater] = useState(() => sessionStorage.getItem(LATER) === '1');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const issue = passwordIssue(password, confirm);
  const { submit, pending, problem } = useSubmit(
    () => accountApi.changePassword(password),
    (changed) => queryClient.setQueryData(queryKeys.account(), changed),
  );
  if (!scope || later || account.data?.hasPassword !== false) return null;
  const close = () => {
    sessionStorage.setItem(LATER, '1');
    setLater(true);
  };
  return (
    <Dialog title={`Welcome to ${scope.name}`} onClose={close} testId="invitation-welcome">
      <form className="auth__form" onSubmit={submit} noValidate>
        <p className="dialog__text">
          You joined as {article(scope.role)}. Set a password so you can sign in again without an
          emailed link.
        </p>
        <FormField
          label="Password"
          htmlFor="welcome-password"
          error={undefined}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        >
          <input
            id="welcome-password"
            className="input"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </FormField>
        <FormField label="Repeat it" htmlFor="welcome-confirm" error={confirm ? issue : undefined}>
          <input
            id="welcome-confirm"
            className="input"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
          />
        </FormField>
        <FormProblem problem={problem} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={close}>
            Later
          </button>
          <button type="submit" className="button button--primary" disabled={pending || !!issue}>
            {pending ? 'Saving…' : 'Set password'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
