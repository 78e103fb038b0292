// Welch's two-sample t-test: the difference of two means with unequal variances, the
// Welch–Satterthwaite degrees of freedom, its 95% and 90% intervals and two-sided p-value.

import { DomainError } from '../domain-error';
import { type Estimate, estimateFrom, mean, sampleVariance } from './estimate';

/**
 * mean(after) − mean(before), tested with Welch's t. Each side needs at least two values.
 *
 * @example
 * welchTest([2.0, 2.1, 1.9, 2.0, 2.2, 1.8], [2.4, 2.5, 2.3, 2.6, 2.4, 2.4]).estimate; // 0.4333
 */
export function welchTest(before: readonly number[], after: readonly number[]): Estimate {
  if (before.length < 2 || after.length < 2) {
    throw new DomainError(
      'invalid_impact_input',
      `a Welch test needs at least 2 values on each side (got ${before.length} before, ${after.length} after)`,
    );
  }
  const va = sampleVariance(before) / before.length;
  const vb = sampleVariance(after) / after.length;
  const se = Math.sqrt(va + vb);
  const df =
    va + vb > 0
      ? (va + vb) ** 2 / (va ** 2 / (before.length - 1) + vb ** 2 / (after.length - 1))
      : before.length + after.length - 2;
  return estimateFrom(mean(after) - mean(before), se, df);
}
