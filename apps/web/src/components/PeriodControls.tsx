/**
 * The top bar's period controls: the time grain (Week / Month / Quarter) as a segmented
 * group, the period shown (a picker, once the tree's values are in), what changes compare
 * with (the period before, or the same period last year), and one tree-wide filter (a
 * team, a segment or a source the workspace's data holds) as a select.
 */
import type { CompareMode, Grain } from '@treeline/core';
import { Filter, GitCompareArrows } from 'lucide-react';
import type { ReactNode } from 'react';
import {
  COMPARE_CHOICES,
  decodeViewFilter,
  encodeViewFilter,
  type FilterChoice,
  GRAIN_CHOICES,
  type ViewFilter,
} from '../lib/view-controls';

export function PeriodControls({
  grain,
  onGrainChange,
  picker,
  compare,
  onCompareChange,
  filter,
  filterChoices,
  onFilterChange,
}: {
  grain: Grain;
  onGrainChange: (grain: Grain) => void;
  /** The period picker (PeriodPicker), when the values it picks among are known. */
  picker?: ReactNode;
  compare: CompareMode;
  onCompareChange: (compare: CompareMode) => void;
  filter: ViewFilter | null;
  /** The filter's groups with the workspace's values (view-controls' filterChoices). */
  filterChoices: readonly FilterChoice[];
  onFilterChange: (filter: ViewFilter | null) => void;
}) {
  return (
    <div className="period-controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">Time grain</legend>
        {GRAIN_CHOICES.map((choice) => (
          <button
            key={choice.grain}
            type="button"
            className={`segmented__option${choice.grain === grain ? ' is-active' : ''}`}
            aria-pressed={choice.grain === grain}
            onClick={() => onGrainChange(choice.grain)}
          >
            {choice.label}
          </button>
        ))}
      </fieldset>
      {picker}
      <label className={`view-filter${compare !== 'previous' ? ' is-active' : ''}`}>
        <GitCompareArrows aria-hidden size={13} />
        <span className="visually-hidden">Compare with</span>
        <select
          className="view-filter__select view-filter__select--compact"
          value={compare}
          onChange={(event) => onCompareChange(event.target.value as CompareMode)}
        >
          {COMPARE_CHOICES.map((choice) => (
            <option key={choice.compare} value={choice.compare}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label className={`view-filter${filter ? ' is-active' : ''}`}>
        <Filter aria-hidden size={13} />
        <span className="visually-hidden">Filter the tree</span>
        <select
          className="view-filter__select"
          value={encodeViewFilter(filter)}
          onChange={(event) => onFilterChange(decodeViewFilter(event.target.value))}
        >
          <option value="">All data</option>
          {filterChoices
            .filter((group) => group.values.length > 0)
            .map((group) => (
              <optgroup key={group.dimension} label={group.label}>
                {group.values.map((choice) => (
                  <option
                    key={choice.value}
                    value={encodeViewFilter({ dimension: group.dimension, value: choice.value })}
                  >
                    {group.label}: {choice.label}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </label>
    </div>
  );
}
