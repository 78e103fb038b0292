// Count outcomes (conversions, meetings booked) tested on the counts, not as the mean of weekly
// rates: the rate after against before, summed over the periods (events ÷ exposure), with a
// normal interval from the counts' own variance — Poisson for a rate, binomial for a
// proportion — and, with a comparison, the difference of the two changes.

import { DomainError } from '../domain-error';
import { type Estimate, estimateFrom } from './estimate';

export type CountKind = 'rate' | 'proportion';

/** Events and exposure summed over some periods, e.g. meetings and contacts. */
export interface CountTotals {
  events: number;
  exposure: number;
}

function rateAndVariance(totals: CountTotals, kind: CountKind): [number, number] {
  if (!(totals.exposure > 0)) {
    throw new DomainError('invalid_impact_input', 'a count test needs exposure on each side');
  }
  const rate = totals.events / totals.exposure;
  const variance =
    kind === 'proportion'
      ? (rate * (1 - rate)) / totals.exposure
      : totals.events / totals.exposure ** 2;
  return [rate, variance];
}

/**
 * The change of the rate from before to after; with a comparison, the treated change minus
 * the comparison's.
 *
 * @example
 * countRateChange('proportion', { before: { events: 40, exposure: 400 }, after: { events: 80, exposure: 400 } }).estimate; // 0.1
 */
export function countRateChange(
  kind: CountKind,
  treated: { before: CountTotals; after: CountTotals },
  comparison?: { before: CountTotals; after: CountTotals },
): Estimate {
  const [tb, vtb] = rateAndVariance(treated.before, kind);
  const [ta, vta] = rateAndVariance(treated.after, kind);
  let estimate = ta - tb;
  let variance = vta + vtb;
  if (comparison) {
    const [cb, vcb] = rateAndVariance(comparison.before, kind);
    const [ca, vca] = rateAndVariance(comparison.after, kind);
    estimate -= ca - cb;
    variance += vca + vcb;
  }
  return estimateFrom(estimate, Math.sqrt(variance), Number.POSITIVE_INFINITY);
}
