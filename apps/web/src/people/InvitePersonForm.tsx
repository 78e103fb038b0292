/**
 * An admin invites a person: name, email and role. They get an email with a one-time link
 * that signs them in; unticking "Send an invitation" adds an owner who only gets email.
 */
import { useQueryClient } from '@tanstack/react-query';
import { ROLES, type Role } from '@treeline/core';
import { useState } from 'react';
import { FormField } from '../metrics/FormField';
import { queryKeys } from '../server-data/query-keys';
import { accountApi } from '../session/account-api';
import { FormProblem } from '../session/FormProblem';
import { useSubmit } from '../session/use-submit';
import { ROLE_LABELS, roleOf } from './people-labels';

const EMPTY = { name: '', email: '', role: 'viewer' as Role, invite: true };

export function InvitePersonForm() {
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const { submit, pending, problem } = useSubmit(
    () => accountApi.addPerson({ ...form, name: form.name.trim(), email: form.email.trim() }),
    (person) => {
      setAdded(
        form.invite ? `Invitation sent to ${person.email}.` : `${person.name} added as an owner.`,
      );
      setForm(EMPTY);
      void queryClient.invalidateQueries({ queryKey: queryKeys.people() });
    },
  );
  const emailIssue =
    form.email && !/^\S+@\S+\.\S+$/.test(form.email.trim()) ? 'Not an email address.' : undefined;
  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h3 id="invite-title">Invite a person</h3>
      <FormField label="Name" htmlFor="invite-name" error={undefined}>
        <input
          id="invite-name"
          className="input"
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
        />
      </FormField>
      <FormField label="Email" htmlFor="invite-email" error={emailIssue}>
        <input
          id="invite-email"
          className="input"
          type="email"
          value={form.email}
          aria-invalid={emailIssue ? true : undefined}
          onChange={(event) => setForm({ ...form, email: event.target.value })}
        />
      </FormField>
      <FormField label="Role" htmlFor="invite-role" error={undefined}>
        <select
          id="invite-role"
          className="input"
          value={form.role}
          onChange={(event) => setForm({ ...form, role: roleOf(event.target.value) })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </FormField>
      <label className="admin-form__check">
        <input
          type="checkbox"
          checked={form.invite}
          onChange={(event) => setForm({ ...form, invite: event.target.checked })}
        />
        Send an invitation (a sign-in link by email, valid 7 days)
      </label>
      <FormProblem problem={problem} />
      {added && !problem ? (
        <p className="admin-form__done" role="status">
          {added}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button--primary"
        disabled={pending || !form.name.trim() || !form.email.trim() || !!emailIssue}
      >
        {pending ? 'Adding…' : form.invite ? 'Invite' : 'Add person'}
      </button>
    </form>
  );
}
