/**
 * The workspace's counting settings: whether automated sequence emails count as touches, and
 * how close in time two identical touches (same contact, rep and channel) must be to be one
 * duplicate. Saving re-marks every activity, so it shows a busy state until the server answers.
 */
import { CircleAlert } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { type Problem, toProblem } from '../lib/api';
import type { Resource } from '../server-data/resource';
import { describeTolerance, parseTolerance } from './counting-form';
import { type CountingPolicy, type CountingSettings, dataApi } from './data-api';

export function CountingSettingsForm({
  settings,
  onSaved,
}: {
  settings: Resource<CountingSettings>;
  onSaved: (settings: CountingSettings) => void;
}) {
  const id = useId();
  const current = settings.status === 'success' ? settings.data : null;
  const [policy, setPolicy] = useState<CountingPolicy>('all_touches');
  const [tolerance, setTolerance] = useState('');
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; problem: Problem }
  >({ kind: 'idle' });

  useEffect(() => {
    if (!current) return;
    setPolicy(current.countingPolicy);
    setTolerance(String(current.duplicateToleranceSeconds));
  }, [current]);

  const parsed = parseTolerance(tolerance);
  const changed =
    current !== null &&
    (policy !== current.countingPolicy ||
      (typeof parsed === 'number' && parsed !== current.duplicateToleranceSeconds));

  async function save() {
    if (typeof parsed !== 'number') return;
    setState({ kind: 'saving' });
    try {
      const saved = await dataApi.saveCountingSettings({
        countingPolicy: policy,
        duplicateToleranceSeconds: parsed,
      });
      setState({ kind: 'saved' });
      onSaved(saved);
    } catch (error) {
      setState({ kind: 'error', problem: toProblem(error) });
    }
  }

  return (
    <section className="data-card" aria-labelledby={`${id}-title`}>
      <div className="data-card__head">
        <h2 className="data-card__title" id={`${id}-title`}>
          Counting
        </h2>
      </div>
      {settings.status === 'error' ? (
        <p className="field__error" role="alert">
          The settings could not be loaded: {settings.problem.title}
        </p>
      ) : null}
      <form
        className="counting-form"
        aria-label="Counting settings"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="counting-form__policy" disabled={!current}>
          <legend className="field__label">Automated sequence emails</legend>
          <label className="radio">
            <input
              type="radio"
              name={`${id}-policy`}
              value="all_touches"
              checked={policy === 'all_touches'}
              onChange={() => setPolicy('all_touches')}
            />
            <span>
              Count all touches
              <span className="field__hint"> — manual and automated</span>
            </span>
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`${id}-policy`}
              value="manual_only"
              checked={policy === 'manual_only'}
              onChange={() => setPolicy('manual_only')}
            />
            <span>
              Count manual touches only
              <span className="field__hint"> — sequence emails are left out of every metric</span>
            </span>
          </label>
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-tolerance`}>
            Duplicate tolerance (seconds)
          </label>
          <input
            id={`${id}-tolerance`}
            className="input counting-form__tolerance"
            type="number"
            inputMode="numeric"
            min={0}
            max={86_400}
            step={1}
            value={tolerance}
            disabled={!current}
            aria-invalid={typeof parsed === 'string' ? 'true' : undefined}
            aria-describedby={`${id}-tolerance-hint`}
            onChange={(event) => setTolerance(event.target.value)}
          />
          <p className="field__hint" id={`${id}-tolerance-hint`}>
            {typeof parsed === 'string'
              ? null
              : `Same contact, rep and channel within ${describeTolerance(parsed)}, from different source ids, is one touch.`}
          </p>
          {typeof parsed === 'string' ? (
            <p className="field__error" role="alert">
              {parsed}
            </p>
          ) : null}
        </div>
        <div className="counting-form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={!changed || state.kind === 'saving'}
          >
            {state.kind === 'saving' ? 'Saving and re-counting…' : 'Save counting'}
          </button>
          <span role="status" className="field__hint">
            {state.kind === 'saved' && !changed ? 'Saved. Every metric now counts this way.' : ''}
          </span>
        </div>
        {state.kind === 'error' ? (
          <div className="callout callout--error" role="alert">
            <CircleAlert aria-hidden size={15} className="callout__icon" />
            <div>
              <p className="callout__title">{state.problem.title}</p>
              {state.problem.detail ? (
                <p className="callout__text">{state.problem.detail}</p>
              ) : null}
            </div>
          </div>
        ) : null}
      </form>
    </section>
  );
}
