/**
 * The top bar's period picker: which period the tree shows at the current grain. An arrow
 * to the period before, a list of the recent ones (newest first, the last complete one at
 * the top) and an arrow to the period after, which stops at the last complete period: a
 * tree never shows a period that is still running (docs/decisions/0020).
 */
import type { PeriodOptions, PeriodView } from '@treeline/core';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useMemo } from 'react';
import { periodChoices, stepFocus } from '../lib/period-choices';

export function PeriodPicker({
  focus,
  latest,
  options,
  onFocusChange,
}: {
  /** The period on screen. */
  focus: PeriodView;
  /** The last complete period at this grain. */
  latest: PeriodView;
  options: PeriodOptions;
  /** A local date in the chosen period, or null for the last complete one. */
  onFocusChange: (at: string | null) => void;
}) {
  const choices = useMemo(() => periodChoices(latest, focus, options), [latest, focus, options]);
  const current = choices.find((choice) => choice.period.start === focus.start);
  const atLatest = focus.start === latest.start;
  return (
    <div className="period-picker">
      <button
        type="button"
        className="period-picker__step"
        aria-label="Previous period"
        title="Previous period"
        onClick={() => onFocusChange(stepFocus(focus, 'earlier', latest, options))}
      >
        <ChevronLeft aria-hidden size={14} />
      </button>
      <label className="period-picker__field">
        <span className="visually-hidden">Period shown</span>
        <select
          className="period-picker__select"
          value={current?.at ?? ''}
          onChange={(event) => {
            const at = event.target.value;
            onFocusChange(at === choices[0]?.at ? null : at);
          }}
        >
          {current ? null : <option value="">{focus.label}</option>}
          {choices.map((choice, index) => (
            <option key={choice.at} value={choice.at}>
              {choice.label}
              {index === 0 ? ' (latest)' : ''}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="period-picker__step"
        aria-label="Next period"
        title={atLatest ? `${latest.label} is the last complete period` : 'Next period'}
        disabled={atLatest}
        onClick={() => onFocusChange(stepFocus(focus, 'later', latest, options))}
      >
        <ChevronRight aria-hidden size={14} />
      </button>
    </div>
  );
}
