// LMDI-I (log-mean Divisia) attribution for a product of positive factors with exponents ±1.

import { DomainError } from '../domain-error';
import { exponentsFor, type FactorExponents, productValue } from '../metrics/product-factors';
import { type Attribution, type ChildValues, childKeys } from './attribution';

/**
 * The logarithmic mean L(a, b) = (a − b) / (ln a − ln b), with L(a, a) = a, of two positive
 * numbers; computed so it stays accurate when a and b are close.
 *
 * @example
 * logMean(2.25, 2); // 2.12254…
 * logMean(5, 5); // 5
 */
export function logMean(a: number, b: number): number {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new DomainError(
      'invalid_attribution_input',
      `the logarithmic mean needs two positive finite numbers, got ${a} and ${b}`,
    );
  }
  if (a === b) return a;
  const x = (a - b) / b;
  if (Math.abs(x) < 1e-4) {
    // x / ln(1 + x) as a series (Gregory coefficients): no cancellation near a = b.
    return b * (1 + x / 2 - (x * x) / 12 + (x * x * x) / 24 - (19 * x * x * x * x) / 720);
  }
  return (a - b) / logRatio(a, b);
}

/**
 * ln(a / b) for positive a and b, accurate near 1 and free of overflow far from it.
 *
 * @example
 * logRatio(1.08, 1); // 0.0769610…
 */
export function logRatio(a: number, b: number): number {
  const ratio = a / b;
  if (Math.abs(ratio - 1) < 0.5) return Math.log1p((a - b) / b);
  return Number.isFinite(ratio) && ratio > 0 ? Math.log(ratio) : Math.log(a) - Math.log(b);
}

function assertPositive(keys: readonly string[], before: ChildValues, after: ChildValues): void {
  for (const key of keys) {
    if (!(before[key]! > 0 && after[key]! > 0)) {
      throw new DomainError(
        'invalid_attribution_input',
        `lmdi: factor '${key}' must be positive in both periods (got ${before[key]} and ${after[key]}); use Shapley attribution`,
        { child: key },
      );
    }
  }
}

/**
 * LMDI-I additive attribution of Y = Π x_k^e_k: C_k = L(Y1, Y0) · e_k · ln(x_k1 / x_k0).
 * Exact (Σ C_k = Y1 − Y0) and order-free; every factor must be positive in both periods.
 *
 * @example
 * attributeLmdi(
 *   { reps: 10, hours: 30, tph: 4, contacts: 600 },
 *   { reps: 9, hours: 32, tph: 5, contacts: 640 },
 *   { contacts: -1 },
 * ).contributions; // { reps: -0.22363, hours: 0.13699, tph: 0.47363, contacts: -0.13699 }
 */
export function attributeLmdi(
  before: ChildValues,
  after: ChildValues,
  exponents?: FactorExponents,
): Attribution {
  const keys = childKeys(before, after, 'product');
  const exponentOf = exponentsFor(keys, exponents, 'product');
  assertPositive(keys, before, after);
  const parentBefore = productValue(before, exponentOf);
  const parentAfter = productValue(after, exponentOf);
  const weight = logMean(parentAfter, parentBefore);
  const contributions: Record<string, number> = {};
  for (const key of keys) {
    contributions[key] =
      before[key] === after[key]
        ? 0
        : weight * exponentOf.get(key)! * logRatio(after[key]!, before[key]!);
  }
  return {
    method: 'lmdi',
    before: parentBefore,
    after: parentAfter,
    change: parentAfter - parentBefore,
    contributions,
  };
}

/**
 * LMDI-I multiplicative attribution: factors D_k with Π D_k = Y1 / Y0; for a pure product
 * D_k = (x_k1 / x_k0)^e_k. Every factor must be positive in both periods.
 *
 * @example
 * lmdiMultiplicative({ reps: 10, contacts: 600 }, { reps: 9, contacts: 640 }, { contacts: -1 });
 * // { reps: 0.9, contacts: 0.9375 }
 */
export function lmdiMultiplicative(
  before: ChildValues,
  after: ChildValues,
  exponents?: FactorExponents,
): Record<string, number> {
  const keys = childKeys(before, after, 'product');
  const exponentOf = exponentsFor(keys, exponents, 'product');
  assertPositive(keys, before, after);
  const factors: Record<string, number> = {};
  for (const key of keys) {
    factors[key] =
      exponentOf.get(key) === 1 ? after[key]! / before[key]! : before[key]! / after[key]!;
  }
  return factors;
}
