// Difference-in-differences on the weekly series of treated − comparison: a Welch test of that
// difference after the start against before it, plus the two checks that make it credible —
// the difference was flat before the start (pre-trend) and a false start date inside the
// before periods finds nothing (placebo).

import type { ImpactCheck } from '../contract/interventions/intervention-verdict';
import { type Estimate, estimateFrom } from './estimate';
import { leastSquares } from './least-squares';
import { welchTest } from './welch-test';

/** The checks pass at this significance: a p-value below it counts as a failed check. */
export const CHECK_ALPHA = 0.05;

/**
 * mean(after difference) − mean(before difference), with Welch's interval.
 *
 * @example
 * differenceInDifferences([2, 2.1], [1.5, 1.6], [2.4, 2.5], [1.6, 1.7]);
 */
export function differenceInDifferences(
  treatedBefore: readonly number[],
  comparisonBefore: readonly number[],
  treatedAfter: readonly number[],
  comparisonAfter: readonly number[],
): Estimate {
  const before = treatedBefore.map((v, i) => v - comparisonBefore[i]!);
  const after = treatedAfter.map((v, i) => v - comparisonAfter[i]!);
  return welchTest(before, after);
}

/** The slope of a series against its index, with its standard error. */
export function trendOf(values: readonly number[]): Estimate {
  const fit = leastSquares(
    values.map((_, t) => [1, t]),
    values,
  );
  return estimateFrom(fit.coefficients[1]!, fit.standardErrors[1]!, fit.df);
}

/**
 * Passes when the before series has no significant trend: a gap that was already widening is
 * not evidence for the intervention.
 */
export function preTrendCheck(before: readonly number[]): ImpactCheck {
  const trend = trendOf(before);
  const passed = trend.p >= CHECK_ALPHA;
  return {
    name: 'pre_trend',
    passed,
    pValue: trend.p,
    detail: passed
      ? 'no trend before the start'
      : `already moving by ${round(trend.estimate)} a period before the start`,
  };
}

/**
 * Passes when splitting the before periods at their middle (a false start date) finds no
 * significant change: the method does not see effects where there was none.
 */
export function placeboCheck(before: readonly number[]): ImpactCheck {
  const half = Math.floor(before.length / 2);
  const test = welchTest(before.slice(0, half), before.slice(half));
  const passed = test.p >= CHECK_ALPHA;
  return {
    name: 'placebo_date',
    passed,
    pValue: test.p,
    detail: passed
      ? 'a false start date half-way through the before periods finds nothing'
      : `a false start date half-way through the before periods already finds ${round(test.estimate)}`,
  };
}

function round(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
