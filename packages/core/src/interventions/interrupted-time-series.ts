// Interrupted time-series regression: y_t = b0 + b1·t + b2·[t ≥ t0] + b3·(t − t0)·[t ≥ t0].
// A trend already under way sits in b1, so it is never mistaken for an effect (b2, b3).

import { DomainError } from '../domain-error';
import { type Estimate, estimateFrom } from './estimate';
import { leastSquares } from './least-squares';

export interface InterruptedTimeSeriesFit {
  /** [b0 intercept, b1 trend, b2 level change, b3 slope change]. */
  coefficients: [number, number, number, number];
  levelChange: Estimate;
  slopeChange: Estimate;
  /**
   * The average gap, over the periods after the start, between the fitted line and the line the
   * pre-start trend would have drawn: b2 + b3 · mean(t − t0 over the after periods).
   */
  effect: Estimate;
}

/**
 * Fits the segmented regression with the intervention at period `start` (the first period
 * after). `times` are the periods' indices when some are missing (default 0, 1, 2, …).
 *
 * @example
 * const y = Array.from({ length: 18 }, (_, t) => 10 + 0.1 * t + (t >= 12 ? 2 : 0));
 * interruptedTimeSeries(y, 12).coefficients; // [10, 0.1, 2, 0]
 */
export function interruptedTimeSeries(
  values: readonly number[],
  start: number,
  times: readonly number[] = values.map((_, i) => i),
): InterruptedTimeSeriesFit {
  const afterTimes = times.filter((t) => t >= start);
  if (times.length - afterTimes.length < 2 || afterTimes.length < 2) {
    throw new DomainError(
      'invalid_impact_input',
      'an interrupted time series needs at least 2 periods on each side of the start',
    );
  }
  const design = times.map((t) => [1, t, t >= start ? 1 : 0, t >= start ? t - start : 0]);
  const fit = leastSquares(design, values);
  const [b0, b1, b2, b3] = fit.coefficients as [number, number, number, number];
  const m = afterTimes.reduce((sum, t) => sum + (t - start), 0) / afterTimes.length;
  const c = fit.covariance;
  const effectVariance = c[2]![2]! + m * m * c[3]![3]! + 2 * m * c[2]![3]!;
  return {
    coefficients: [b0, b1, b2, b3],
    levelChange: estimateFrom(b2, fit.standardErrors[2]!, fit.df),
    slopeChange: estimateFrom(b3, fit.standardErrors[3]!, fit.df),
    effect: estimateFrom(b2 + m * b3, Math.sqrt(Math.max(0, effectVariance)), fit.df),
  };
}
