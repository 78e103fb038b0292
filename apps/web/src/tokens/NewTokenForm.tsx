/**
 * Make an API token: a name and its scope. The answer carries its secret, shown here once
 * (it is stored only hashed) with a copy button, until the admin says they have it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { TOKEN_SCOPES, type TokenScope } from '@treeline/core';
import { Copy } from 'lucide-react';
import { useState } from 'react';
import { FormField } from '../metrics/FormField';
import { queryKeys } from '../server-data/query-keys';
import { accountApi } from '../session/account-api';
import { FormProblem } from '../session/FormProblem';
import { useSubmit } from '../session/use-submit';

const SCOPE_TEXT: Record<TokenScope, string> = {
  read: 'Read: what a viewer may read',
  read_write: 'Read and write: what an editor may do (imports)',
};

export function NewTokenForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const { submit, pending, problem } = useSubmit(
    () => accountApi.createToken(name.trim(), scope),
    (created) => {
      setSecret({ name: created.token.name ?? name, key: created.key });
      setCopied(false);
      setName('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokens() });
    },
  );
  if (secret) {
    return (
      <div className="secret" role="status" aria-label="New token">
        <strong>Copy “{secret.name}” now: it is shown only once.</strong>
        <div className="secret__row">
          <input
            className="input input--mono"
            readOnly
            value={secret.key}
            aria-label="Token secret"
            onFocus={(event) => event.target.select()}
          />
          <button
            type="button"
            className="button"
            onClick={async () => {
              await navigator.clipboard?.writeText(secret.key).catch(() => undefined);
              setCopied(true);
            }}
          >
            <Copy aria-hidden size={13} />
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
        <button type="button" className="button button--small" onClick={() => setSecret(null)}>
          I have copied it
        </button>
      </div>
    );
  }
  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="new-token-title">
      <h3 id="new-token-title">New token</h3>
      <FormField
        label="Name"
        htmlFor="token-name"
        error={
          name.trim().length > 32 ? `At most 32 characters (${name.trim().length}).` : undefined
        }
        hint="What uses it, e.g. “CRM sync”."
      >
        <input
          id="token-name"
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </FormField>
      <fieldset className="admin-form__choices">
        <legend className="field__label">Scope</legend>
        {TOKEN_SCOPES.map((value) => (
          <label key={value} className="admin-form__check">
            <input
              type="radio"
              name="token-scope"
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            {SCOPE_TEXT[value]}
          </label>
        ))}
      </fieldset>
      <FormProblem problem={problem} />
      <button
        type="submit"
        className="button button--primary"
        disabled={pending || !name.trim() || name.trim().length > 32}
      >
        {pending ? 'Making…' : 'Make token'}
      </button>
    </form>
  );
}
