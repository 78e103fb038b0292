/**
 * Notifications: the person's channels (email, in-app badges), how often the digest of what
 * they are Informed of comes, and quiet hours in the workspace time zone.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ProblemState } from '../components/ProblemState';
import { toProblem } from '../lib/api';
import { useScreenQuery } from '../server-data/use-screen-query';
import { alertKeys, preferencesQuery } from './alert-queries';
import { alertsApi, type NotificationPreferencesUpdate } from './alerts-api';
import { ScreenLoading } from './ScreenLoading';

export function PreferencesScreen() {
  const prefs = useScreenQuery(preferencesQuery());
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<NotificationPreferencesUpdate | null>(null);
  useEffect(() => {
    if (prefs.data && !draft) {
      const { timeZone: _zone, ...rest } = prefs.data;
      setDraft(rest);
    }
  }, [prefs.data, draft]);
  const save = useMutation({
    mutationFn: alertsApi.savePreferences,
    onSuccess: (saved) => queryClient.setQueryData(alertKeys.preferences(), saved),
  });
  if (prefs.isPending || !draft) return <ScreenLoading label="Loading your preferences" />;
  if (prefs.isError)
    return <ProblemState problem={toProblem(prefs.error)} onRetry={() => void prefs.refetch()} />;
  const set = (patch: Partial<NotificationPreferencesUpdate>) => {
    save.reset();
    setDraft({ ...draft, ...patch });
  };
  const problem = save.error ? toProblem(save.error) : null;
  return (
    <section className="alerts-screen" aria-labelledby="prefs-title">
      <header className="alerts-screen__head">
        <h1 id="prefs-title">Notifications</h1>
        <p className="alerts-screen__sub">
          How Treeline tells you when one of your branches moves.
        </p>
      </header>
      <form
        className="prefs-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft);
        }}
      >
        <fieldset>
          <legend>Channels</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.email}
              onChange={(e) => set({ email: e.target.checked })}
            />
            Email me alerts on my branches and my digest
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.inApp}
              onChange={(e) => set({ inApp: e.target.checked })}
            />
            Show unread badges in the app (the inbox lists everything either way)
          </label>
        </fieldset>
        <fieldset>
          <legend>Digest of branches you are Informed of</legend>
          {(['daily', 'weekly', 'off'] as const).map((d) => (
            <label className="check" key={d}>
              <input
                type="radio"
                name="digest"
                checked={draft.digest === d}
                onChange={() => set({ digest: d })}
              />
              {d === 'daily'
                ? 'Daily, at 07:00'
                : d === 'weekly'
                  ? 'Weekly, on the first day of the week'
                  : 'Off'}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Quiet hours ({prefs.data.timeZone})</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.quietHours !== null}
              onChange={(e) =>
                set({ quietHours: e.target.checked ? { start: '20:00', end: '07:00' } : null })
              }
            />
            Hold emails during quiet hours; they arrive when the quiet ends
          </label>
          {draft.quietHours ? (
            <div className="alert-actions__row">
              <label className="field">
                <span>From</span>
                <input
                  className="input"
                  type="time"
                  value={draft.quietHours.start}
                  onChange={(e) =>
                    set({ quietHours: { ...draft.quietHours!, start: e.target.value } })
                  }
                />
              </label>
              <label className="field">
                <span>Until</span>
                <input
                  className="input"
                  type="time"
                  value={draft.quietHours.end}
                  onChange={(e) =>
                    set({ quietHours: { ...draft.quietHours!, end: e.target.value } })
                  }
                />
              </label>
            </div>
          ) : null}
        </fieldset>
        {problem ? (
          <p className="field__error" role="alert">
            {problem.title}: {problem.detail}
          </p>
        ) : null}
        <div className="alert-actions__row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            Save preferences
          </button>
          {save.isSuccess ? <span className="field__hint">Saved.</span> : null}
        </div>
      </form>
    </section>
  );
}
