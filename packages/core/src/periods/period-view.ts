// Turns a Period into the tree-view contract's PeriodView: label and "to date" flag included.

import type { PeriodView } from '../contract/periods';
import { periodLabel } from './period-label';
import { type InstantInput, isToDate, type Period, type PeriodOptions } from './periods';

/**
 * The PeriodView the API sends and the canvas shows, labelled in the workspace's terms and
 * flagged `toDate` when `now` falls inside it.
 *
 * @example
 * const options = { timeZone: 'Europe/Berlin' };
 * toPeriodView(periodContaining('2026-10-12T09:00:00Z', 'month', options), options, '2026-10-20T00:00:00Z');
 * // { grain: 'month', start: '2026-09-30T22:00:00.000Z', end: '2026-10-31T23:00:00.000Z',
 * //   label: 'Oct 2026', toDate: true }
 */
export function toPeriodView(
  period: Period,
  options: PeriodOptions,
  now: InstantInput,
): PeriodView {
  return {
    grain: period.grain,
    start: period.start,
    end: period.end,
    label: periodLabel(period, options),
    toDate: isToDate(period, now),
  };
}
