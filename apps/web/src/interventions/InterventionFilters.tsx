/** The verdict, branch and owner selects above the list and the impact review. */
import type { Intervention } from '@treeline/core';
import { filterChoices, type InterventionPicks } from './intervention-filters';
import { VERDICT_LABELS } from './verdict-words';

export function InterventionFilters({
  list,
  picks,
  onChange,
  withVerdict = true,
}: {
  list: Intervention[];
  picks: InterventionPicks;
  onChange: (picks: InterventionPicks) => void;
  withVerdict?: boolean;
}) {
  const { branches, owners } = filterChoices(list);
  return (
    <fieldset className="intervention-filters" aria-label="Filter interventions">
      {withVerdict ? (
        <label className="intervention-filters__item">
          <span>Verdict</span>
          <select
            className="input"
            value={picks.verdict}
            onChange={(e) =>
              onChange({ ...picks, verdict: e.target.value as InterventionPicks['verdict'] })
            }
          >
            <option value="">Any verdict</option>
            {Object.entries(VERDICT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
            <option value="none">Not computed</option>
          </select>
        </label>
      ) : null}
      <label className="intervention-filters__item">
        <span>Branch</span>
        <select
          className="input"
          value={picks.branch}
          onChange={(e) => onChange({ ...picks, branch: e.target.value })}
        >
          <option value="">Every branch</option>
          {branches.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      <label className="intervention-filters__item">
        <span>Owner</span>
        <select
          className="input"
          value={picks.ownerId}
          onChange={(e) => onChange({ ...picks, ownerId: e.target.value })}
        >
          <option value="">Anyone</option>
          {owners.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
