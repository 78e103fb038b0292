// Ordinary least squares: coefficients, their covariance and standard errors, for the small
// design matrices of an interrupted time series (a handful of columns, tens of rows).

import { DomainError } from '../domain-error';

export interface LeastSquaresFit {
  coefficients: number[];
  /** Covariance of the coefficients: σ̂² (XᵀX)⁻¹. */
  covariance: number[][];
  standardErrors: number[];
  /** Residual degrees of freedom, n − k. */
  df: number;
  residualVariance: number;
}

/** Inverts a small symmetric positive-definite matrix by Gauss–Jordan with partial pivoting. */
function invert(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) {
      if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    }
    if (Math.abs(a[pivot]![col]!) < 1e-12) {
      throw new DomainError('invalid_impact_input', 'the regression design is singular');
    }
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    for (let j = 0; j < 2 * n; j += 1) a[col]![j]! /= p;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f === 0) continue;
      for (let j = 0; j < 2 * n; j += 1) a[r]![j]! -= f * a[col]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * Fits y = Xβ + ε by least squares. Needs more rows than columns.
 *
 * @example
 * leastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).coefficients; // [1, 2]
 */
export function leastSquares(
  design: readonly (readonly number[])[],
  y: readonly number[],
): LeastSquaresFit {
  const n = design.length;
  const k = design[0]?.length ?? 0;
  if (n !== y.length || n <= k) {
    throw new DomainError(
      'invalid_impact_input',
      `a regression with ${k} terms needs more than ${k} observations (got ${n})`,
    );
  }
  const xtx = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => design.reduce((s, row) => s + row[i]! * row[j]!, 0)),
  );
  const xty = Array.from({ length: k }, (_, i) =>
    design.reduce((s, row, r) => s + row[i]! * y[r]!, 0),
  );
  const inverse = invert(xtx);
  const coefficients = inverse.map((row) => row.reduce((s, v, j) => s + v * xty[j]!, 0));
  let rss = 0;
  for (let r = 0; r < n; r += 1) {
    const fitted = design[r]!.reduce((s, v, j) => s + v * coefficients[j]!, 0);
    rss += (y[r]! - fitted) ** 2;
  }
  const df = n - k;
  const residualVariance = rss / df;
  const covariance = inverse.map((row) => row.map((v) => v * residualVariance));
  return {
    coefficients,
    covariance,
    standardErrors: covariance.map((row, i) => Math.sqrt(Math.max(0, row[i]!))),
    df,
    residualVariance,
  };
}
