/**
 * Data health: per week or month, the activities counted as touches and those stored but
 * excluded (by reason) as a stacked bar chart with the same numbers as a table for screen
 * readers; the rows held per entity; and how long ago each entity was last imported.
 */
import { useId, useState } from 'react';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import { dataHealthQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import { useScreenQuery } from '../server-data/use-screen-query';
import { Freshness } from './Freshness';
import { HealthChart } from './HealthChart';

export type HealthGrain = 'week' | 'month';

const PERIOD_CHOICES: Record<HealthGrain, number[]> = { week: [8, 12, 26, 52], month: [6, 12, 24] };

export function DataHealthPanel() {
  const id = useId();
  const [grain, setGrain] = useState<HealthGrain>('week');
  const [periods, setPeriods] = useState(12);
  const health = resourceOf(useScreenQuery(dataHealthQuery(grain, periods)));

  return (
    <section className="data-card data-health" aria-labelledby={`${id}-title`}>
      <div className="data-card__head">
        <h2 className="data-card__title" id={`${id}-title`}>
          Data health
        </h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Period length</legend>
          {(['week', 'month'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              className={`segmented__option${choice === grain ? ' is-active' : ''}`}
              aria-pressed={choice === grain}
              onClick={() => {
                setGrain(choice);
                setPeriods(12);
              }}
            >
              {choice === 'week' ? 'Weeks' : 'Months'}
            </button>
          ))}
        </fieldset>
        <label className="visually-hidden" htmlFor={`${id}-periods`}>
          Number of {grain}s shown
        </label>
        <select
          id={`${id}-periods`}
          className="input input--small"
          value={periods}
          onChange={(event) => setPeriods(Number(event.target.value))}
        >
          {PERIOD_CHOICES[grain].map((n) => (
            <option key={n} value={n}>
              last {n} {grain}s
            </option>
          ))}
        </select>
      </div>

      {health.status === 'loading' ? (
        <div role="status" className="data-card__loading">
          <span className="visually-hidden">Loading data health…</span>
          <SkeletonLine width="100%" height={120} />
        </div>
      ) : health.status === 'error' ? (
        <ProblemState problem={health.problem} onRetry={health.retry} compact />
      ) : (
        <div className={health.refreshing ? 'is-refreshing' : undefined}>
          <HealthChart periods={health.data.periods} grain={grain} />
          <Freshness
            totals={health.data.totals}
            freshness={health.data.freshness}
            lastImportAt={health.data.lastImportAt}
          />
        </div>
      )}
    </section>
  );
}
