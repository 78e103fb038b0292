// The probability distributions the impact analysis needs, from @stdlib's per-function packages
// (maintained, tested implementations; no hand-written quantile code). One small module so the
// rest of the analysis names what it needs, not where it comes from.

import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';
import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';

/** P(T ≤ x) for Student's t with `df` degrees of freedom. */
export function studentTCdf(x: number, df: number): number {
  return tCdfImpl(x, df);
}

/** The value below which a share `p` of Student's t with `df` degrees of freedom lies. */
export function studentTQuantile(p: number, df: number): number {
  return tQuantileImpl(p, df);
}

/** P(Z ≤ x) for the standard normal. */
export function normalCdf(x: number): number {
  return normalCdfImpl(x, 0, 1);
}

/** The value below which a share `p` of the standard normal lies. */
export function normalQuantile(p: number): number {
  return normalQuantileImpl(p, 0, 1);
}
