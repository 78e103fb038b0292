/** The metric page's top bar controls: the grain and how many periods back. */
import { formatGrain } from '../lib/format';
import { DEFAULT_RANGE, type PageGrain, RANGE_CHOICES } from './series-range';

const GRAINS: PageGrain[] = ['week', 'month', 'quarter'];

export function MetricPageControls({
  grain,
  count,
  onChange,
}: {
  grain: PageGrain;
  count: number;
  /** A new grain comes with its default range. */
  onChange: (next: { grain: PageGrain; count: number }) => void;
}) {
  return (
    <div className="period-controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">Time grain</legend>
        {GRAINS.map((choice) => (
          <button
            key={choice}
            type="button"
            className={`segmented__option${choice === grain ? ' is-active' : ''}`}
            aria-pressed={choice === grain}
            onClick={() => onChange({ grain: choice, count: DEFAULT_RANGE[choice] })}
          >
            {formatGrain(choice)}
          </button>
        ))}
      </fieldset>
      <label className="visually-hidden" htmlFor="metric-page-range">
        Range
      </label>
      <select
        id="metric-page-range"
        className="input input--small"
        value={count}
        onChange={(event) => onChange({ grain, count: Number(event.target.value) })}
      >
        {RANGE_CHOICES[grain].map((n) => (
          <option key={n} value={n}>
            Last {n} {grain}s
          </option>
        ))}
      </select>
    </div>
  );
}
