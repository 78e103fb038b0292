/** Your name as your colleagues see it on trees and in the People list. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormField } from '../metrics/FormField';
import { queryKeys } from '../server-data/query-keys';
import { accountApi } from '../session/account-api';
import { FormProblem } from '../session/FormProblem';
import { useSubmit } from '../session/use-submit';

export function NameForm({ name }: { name: string }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState(name);
  const [saved, setSaved] = useState(false);
  const { submit, pending, problem } = useSubmit(
    () => accountApi.renameAccount(value.trim()),
    (account) => {
      queryClient.setQueryData(queryKeys.account(), account);
      void queryClient.invalidateQueries({ queryKey: queryKeys.session() });
      setSaved(true);
    },
  );
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <FormField
        label="Name"
        htmlFor="account-name"
        error={value.trim() ? undefined : 'Your name cannot be empty.'}
      >
        <input
          id="account-name"
          className="input"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setSaved(false);
          }}
        />
      </FormField>
      <FormProblem problem={problem} />
      {saved ? (
        <p className="admin-form__done" role="status">
          Name saved.
        </p>
      ) : null}
      <button
        type="submit"
        className="button"
        disabled={pending || !value.trim() || value.trim() === name}
      >
        Save name
      </button>
    </form>
  );
}
