/**
 * What the person does with an alert: acknowledge, snooze until a date, resolve with a note,
 * reopen. A viewer looking at someone else's alert sees the buttons disabled and why.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Check, CheckCircle2, Clock, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { toProblem } from '../lib/api';
import { changeRefusal } from './alert-format';
import { alertKeys } from './alert-queries';
import { type Alert, type AlertChange, alertsApi, type MyBranches } from './alerts-api';

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export function AlertActions({ alert, me }: { alert: Alert; me: MyBranches['me'] }) {
  const queryClient = useQueryClient();
  const [until, setUntil] = useState(tomorrow);
  const [note, setNote] = useState('');
  const change = useMutation({
    mutationFn: (body: AlertChange) => alertsApi.changeAlert(alert.id, body),
    onSuccess: (changed) => queryClient.setQueryData(alertKeys.one(alert.id), changed),
    // The alert lists, the node cards' badges and My branches' open counts (the rail's) all
    // count open alerts.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: alertKeys.all() }),
        queryClient.invalidateQueries({ queryKey: alertKeys.myBranches() }),
      ]),
  });
  const refusal = changeRefusal(alert, me);
  const busy = change.isPending;
  const disabled = refusal !== null || busy;
  const problem = change.error ? toProblem(change.error) : null;

  if (alert.status === 'resolved') {
    return (
      <div className="alert-actions">
        <button
          type="button"
          className="button"
          disabled={disabled}
          title={refusal ?? undefined}
          onClick={() => change.mutate({ action: 'reopen' })}
        >
          <RotateCcw aria-hidden size={14} /> Reopen
        </button>
        {refusal ? <p className="field__hint">{refusal}</p> : null}
      </div>
    );
  }
  return (
    <section className="alert-actions" aria-label="Act on this alert">
      {refusal ? (
        <p className="field__hint" data-testid="alert-refusal">
          {refusal}
        </p>
      ) : null}
      <div className="alert-actions__row">
        <button
          type="button"
          className="button button--primary"
          disabled={disabled || alert.status === 'acknowledged'}
          title={refusal ?? (alert.status === 'acknowledged' ? 'Already acknowledged' : undefined)}
          onClick={() => change.mutate({ action: 'acknowledge' })}
        >
          <Check aria-hidden size={14} /> Acknowledge
        </button>
      </div>
      <div className="alert-actions__row">
        <label className="field">
          <span>Snooze until</span>
          <input
            className="input"
            type="date"
            value={until}
            min={tomorrow()}
            onChange={(e) => setUntil(e.target.value)}
            disabled={disabled}
          />
        </label>
        <button
          type="button"
          className="button"
          disabled={disabled || !until}
          title={refusal ?? (until ? undefined : 'Choose the date it comes back')}
          onClick={() =>
            change.mutate({ action: 'snooze', until: new Date(`${until}T08:00:00`).toISOString() })
          }
        >
          <Clock aria-hidden size={14} /> Snooze
        </button>
      </div>
      <div className="alert-actions__row">
        <label className="field field--grow">
          <span>Resolution note</span>
          <textarea
            className="input input--area"
            rows={2}
            value={note}
            placeholder="What you found or did, e.g. the sequencing tool was down; fixed Tuesday"
            onChange={(e) => setNote(e.target.value)}
            disabled={disabled}
          />
        </label>
        <button
          type="button"
          className="button"
          disabled={disabled || note.trim() === ''}
          title={
            refusal ?? (note.trim() === '' ? 'Write a note: what you found or did' : undefined)
          }
          onClick={() => change.mutate({ action: 'resolve', note: note.trim() })}
        >
          <CheckCircle2 aria-hidden size={14} /> Resolve
        </button>
      </div>
      {problem ? (
        <p className="field__error" role="alert">
          {problem.title}: {problem.detail}
        </p>
      ) : null}
    </section>
  );
}
