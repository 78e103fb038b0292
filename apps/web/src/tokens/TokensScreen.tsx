/**
 * API tokens (admins): for imports and integrations, each acting in this workspace only,
 * with read or read-write scope. A new token's secret is shown once, with a copy button;
 * the list shows when each was last used, and revoking one stops it at once.
 */
import { useQueryClient } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import { tokensQuery } from '../server-data/queries';
import { queryKeys } from '../server-data/query-keys';
import { resourceOf } from '../server-data/resource';
import { useScreenQuery } from '../server-data/use-screen-query';
import { accountApi } from '../session/account-api';
import { FormProblem } from '../session/FormProblem';
import { useSubmit } from '../session/use-submit';
import { usePermission } from '../session/workspace-scope';
import { NewTokenForm } from './NewTokenForm';
import '../people/people.css';

const SCOPE_LABELS = { read: 'Read', read_write: 'Read and write' } as const;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'Never');

export function TokensScreen() {
  const admin = usePermission('admin');
  if (!admin.allowed) {
    return (
      <div className="admin-screen admin-screen--single">
        <section className="admin-card">
          <h3>API tokens</h3>
          <p className="admin-screen__note" role="note">
            {admin.reason} An admin makes tokens for imports and integrations.
          </p>
        </section>
      </div>
    );
  }
  return <TokenAdmin />;
}

function TokenAdmin() {
  const queryClient = useQueryClient();
  const tokens = resourceOf(useScreenQuery(tokensQuery()));
  const revoke = useSubmit<void>(null, () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.tokens() });
  });
  return (
    <div className="admin-screen">
      <section className="admin-screen__main" aria-labelledby="tokens-title">
        <header className="admin-screen__head">
          <h2 id="tokens-title">API tokens</h2>
          <p className="admin-screen__lead">
            Send a token as <code>Authorization: Bearer tl_…</code>. It acts in this workspace only,
            as a viewer (read) or an editor (read and write), never as an admin.
          </p>
        </header>
        <FormProblem problem={revoke.problem} />
        {tokens.status === 'loading' ? (
          <div role="status">
            <span className="visually-hidden">Loading tokens…</span>
            <SkeletonLine width="60%" />
          </div>
        ) : tokens.status === 'error' ? (
          <ProblemState problem={tokens.problem} onRetry={tokens.retry} />
        ) : tokens.data.length === 0 ? (
          <EmptyState icon={<KeyRound size={28} />} title="No tokens yet">
            Make one with the form beside for the CLI, a CRM sync or a script.
          </EmptyState>
        ) : (
          <table className="admin-table" aria-label="API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scope</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id} data-token={token.name ?? token.id}>
                  <td>
                    <span className="admin-table__name">{token.name ?? 'Unnamed'}</span>
                    {token.start ? (
                      <span className="admin-table__sub">
                        <code>{token.start}…</code>
                      </span>
                    ) : null}
                  </td>
                  <td>{SCOPE_LABELS[token.scope]}</td>
                  <td>{when(token.createdAt)}</td>
                  <td>{when(token.lastUsedAt)}</td>
                  <td className="admin-table__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={revoke.pending}
                      onClick={() => {
                        if (
                          !window.confirm(
                            `Revoke “${token.name ?? token.id}”? It stops working at once.`,
                          )
                        )
                          return;
                        void revoke.submit(undefined, () => accountApi.revokeToken(token.id));
                      }}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <aside className="admin-screen__side" aria-label="New token">
        <NewTokenForm />
      </aside>
    </div>
  );
}
