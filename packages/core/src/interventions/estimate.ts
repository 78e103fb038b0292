// An estimated effect with its standard error and reference distribution, and the intervals and
// two-sided p-value that follow from it.

import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from './distributions';

/** An effect estimate: `df` is Infinity for a normal (large-count) reference distribution. */
export interface Estimate {
  estimate: number;
  se: number;
  df: number;
  t: number;
  p: number;
  ci95: [number, number];
  ci90: [number, number];
}

/** Below this (relative to the estimate's scale) a standard error counts as exactly zero. */
const EXACT = 1e-9;

function quantile(prob: number, df: number): number {
  return Number.isFinite(df) ? studentTQuantile(prob, df) : normalQuantile(prob);
}

function cdf(x: number, df: number): number {
  return Number.isFinite(df) ? studentTCdf(x, df) : normalCdf(x);
}

/**
 * Builds the intervals and p-value for an estimate. A zero standard error (noise-free data)
 * gives a zero-width interval; an estimate that is itself zero then has p = 1.
 *
 * @example
 * estimateFrom(0.4333, 0.0715, 9.15).ci95; // ≈ [0.272, 0.595]
 */
export function estimateFrom(estimate: number, se: number, df: number): Estimate {
  const scale = Math.max(1, Math.abs(estimate));
  if (!(se > EXACT * scale) || !(df > 0)) {
    const exactZero = Math.abs(estimate) <= EXACT * scale;
    const point = exactZero ? 0 : estimate;
    return {
      estimate: point,
      se: 0,
      df,
      t: exactZero ? 0 : Math.sign(estimate) * Number.POSITIVE_INFINITY,
      p: exactZero ? 1 : 0,
      ci95: [point, point],
      ci90: [point, point],
    };
  }
  const t = estimate / se;
  const half = (level: number) => quantile(1 - (1 - level) / 2, df) * se;
  return {
    estimate,
    se,
    df,
    t,
    p: Math.min(1, 2 * cdf(-Math.abs(t), df)),
    ci95: [estimate - half(0.95), estimate + half(0.95)],
    ci90: [estimate - half(0.9), estimate + half(0.9)],
  };
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The sample variance (n − 1 denominator). */
export function sampleVariance(values: readonly number[]): number {
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return sum / (values.length - 1);
}
