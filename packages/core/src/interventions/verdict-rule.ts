// The verdict rule of docs/product.md §6: verified when the 95% interval lies wholly on the
// intended side of zero (and the checks pass); not verified when it lies wholly on the adverse
// side, or when the 90% interval lies inside ±MDE (equivalent to no effect, two one-sided
// tests); inconclusive otherwise.

import type { Verdict, VerdictReason } from '../contract/interventions/intervention-verdict';

export type ExpectedDirection = 'up' | 'down';

export interface VerdictRuleInput {
  ci95: readonly [number, number];
  ci90: readonly [number, number];
  /** The minimum meaningful effect, positive, in the node's unit. */
  mde: number;
  direction: ExpectedDirection;
  /** False when a pre-trend or placebo check failed: a "verified" becomes inconclusive. */
  checksPassed?: boolean;
}

/**
 * @example
 * verdictRule({ ci95: [0.22, 0.45], ci90: [0.24, 0.43], mde: 0.1, direction: 'up' });
 * // { verdict: 'verified', reason: 'effect_confirmed' }
 */
export function verdictRule(input: VerdictRuleInput): { verdict: Verdict; reason: VerdictReason } {
  const sign = input.direction === 'up' ? 1 : -1;
  // The interval on the intended scale: positive means the intended direction.
  const intendedLow = Math.min(input.ci95[0] * sign, input.ci95[1] * sign);
  const intendedHigh = Math.max(input.ci95[0] * sign, input.ci95[1] * sign);
  if (intendedLow > 0) {
    return input.checksPassed === false
      ? { verdict: 'inconclusive', reason: 'checks_failed' }
      : { verdict: 'verified', reason: 'effect_confirmed' };
  }
  if (intendedHigh < 0) return { verdict: 'not_verified', reason: 'adverse' };
  const mde = Math.abs(input.mde);
  if (input.ci90[0] > -mde && input.ci90[1] < mde) {
    return { verdict: 'not_verified', reason: 'equivalent_to_zero' };
  }
  return { verdict: 'inconclusive', reason: 'interval_spans_zero' };
}
