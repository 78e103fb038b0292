// CUPED: a variance reduction that adjusts an outcome by a covariate measured before the
// intervention, Y − θ(X − mean X) with θ = cov(X, Y) / var(X). The adjusted series has the same
// mean and a variance smaller by the factor 1 − ρ².

import { DomainError } from '../domain-error';
import { mean, sampleVariance } from './estimate';

export interface CupedResult {
  theta: number;
  adjusted: number[];
  varianceBefore: number;
  varianceAfter: number;
  /** 1 − ρ², the share of the variance left. */
  remainingShare: number;
}

/**
 * @example
 * cuped([10, 12, 14, 16, 18, 20], [11, 13, 14, 17, 19, 21]).theta; // 1.0142857
 */
export function cuped(covariate: readonly number[], outcome: readonly number[]): CupedResult {
  if (covariate.length !== outcome.length || covariate.length < 3) {
    throw new DomainError(
      'invalid_impact_input',
      'CUPED needs paired covariate and outcome values',
    );
  }
  const mx = mean(covariate);
  const my = mean(outcome);
  let cov = 0;
  for (let i = 0; i < covariate.length; i += 1) cov += (covariate[i]! - mx) * (outcome[i]! - my);
  cov /= covariate.length - 1;
  const vx = sampleVariance(covariate);
  const theta = vx > 0 ? cov / vx : 0;
  const adjusted = outcome.map((y, i) => y - theta * (covariate[i]! - mx));
  const varianceBefore = sampleVariance(outcome);
  const varianceAfter = sampleVariance(adjusted);
  return {
    theta,
    adjusted,
    varianceBefore,
    varianceAfter,
    remainingShare: varianceBefore > 0 ? varianceAfter / varianceBefore : 1,
  };
}
