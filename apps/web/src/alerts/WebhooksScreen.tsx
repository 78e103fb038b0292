/**
 * Webhook targets (admin): add a URL (a refused one says why, under the field), send a test,
 * remove one, and read each target's delivery log. The signing secret shows once, on adding.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Send, Trash2, Webhook } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../components/EmptyState';
import { ProblemState } from '../components/ProblemState';
import { toProblem } from '../lib/api';
import { useScreenQuery } from '../server-data/use-screen-query';
import { alertKeys, webhooksQuery } from './alert-queries';
import { alertsApi } from './alerts-api';
import { DeliveryLog } from './DeliveryLog';
import { ScreenLoading } from './ScreenLoading';

export function WebhooksScreen() {
  const hooks = useScreenQuery(webhooksQuery());
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertKeys.webhooks() });
  const add = useMutation({
    mutationFn: alertsApi.addWebhook,
    onSuccess: () => {
      setName('');
      setUrl('');
    },
    onSettled: refresh,
  });
  const test = useMutation({ mutationFn: alertsApi.testWebhook, onSettled: refresh });
  const remove = useMutation({ mutationFn: alertsApi.removeWebhook, onSettled: refresh });
  if (hooks.isPending) return <ScreenLoading label="Loading webhook targets" />;
  if (hooks.isError)
    return <ProblemState problem={toProblem(hooks.error)} onRetry={() => void hooks.refetch()} />;
  const problem = add.error ? toProblem(add.error) : null;
  const urlError =
    problem?.errors?.find((e) => e.path === 'url')?.message ?? (problem ? problem.detail : null);
  return (
    <section className="alerts-screen" aria-labelledby="hooks-title">
      <header className="alerts-screen__head">
        <h1 id="hooks-title">Webhook targets</h1>
        <p className="alerts-screen__sub">
          Alerts as signed JSON (Standard Webhooks, Slack-compatible text) to your automations.
        </p>
      </header>
      <form
        className="webhook-form"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ name: name.trim() || 'Webhook', url: url.trim() });
        }}
      >
        <label className="field">
          <span>Name</span>
          <input
            className="input"
            value={name}
            placeholder="Sales Slack"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field field--grow">
          <span>URL</span>
          <input
            className="input"
            value={url}
            placeholder="https://hooks.slack.com/services/…"
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? 'webhook-url-error' : undefined}
            onChange={(e) => {
              add.reset();
              setUrl(e.target.value);
            }}
          />
          {urlError ? (
            <span id="webhook-url-error" className="field__error" data-testid="webhook-url-error">
              URL: {urlError}
            </span>
          ) : null}
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={!url.trim() || add.isPending}
        >
          Add target
        </button>
      </form>
      {add.data ? (
        <p className="secret-once" role="status">
          Added. Its signing secret, shown this once: <code>{add.data.secret}</code>
        </p>
      ) : null}
      {hooks.data.length === 0 ? (
        <EmptyState icon={<Webhook size={28} />} title="No webhook targets yet">
          Add the URL of a Slack incoming webhook or your automation above; every alert is then
          posted to it, signed, and retried if it does not answer. Send a test to check it.
        </EmptyState>
      ) : (
        hooks.data.map((h) => (
          <article key={h.id} className="webhook-card" data-testid="webhook-card">
            <header className="alerts-screen__head">
              <div>
                <h2>{h.name}</h2>
                <p className="alerts-screen__sub">{h.url}</p>
              </div>
              <div className="alert-actions__row">
                <button type="button" className="button" onClick={() => test.mutate(h.id)}>
                  <Send aria-hidden size={14} /> Send a test
                </button>
                <button
                  type="button"
                  className="button"
                  aria-label={`Remove ${h.name}`}
                  onClick={() => remove.mutate(h.id)}
                >
                  <Trash2 aria-hidden size={14} />
                </button>
              </div>
            </header>
            <DeliveryLog webhookId={h.id} />
          </article>
        ))
      )}
    </section>
  );
}
