// Exact Shapley attribution for a product of factors (any signs), in closed form with no 2^n limit.

import {
  assertNoZeroDivisor,
  exponentsFor,
  type FactorExponents,
  productValue,
} from '../metrics/product-factors';
import { shapleyWeights } from './attribute-shapley';
import { type Attribution, type ChildValues, childKeys } from './attribution';

/**
 * Shapley attribution of Y = Π x_k^e_k, valid for zero and negative values where LMDI is not.
 * For a product the marginal effect of switching factor k is (g_k1 − g_k0) times the product of
 * the others, so grouping coalitions by size turns the 2^n sum into the coefficients of
 * Π_{j≠k} (g_j0 + t·g_j1): O(n³) instead of O(2^n), and identical to attributeShapley.
 *
 * @example
 * attributeProductShapley({ margin: -2, units: 10 }, { margin: 1, units: 12 }).contributions;
 * // { margin: 33, units: -1 }  (Y: −20 → 12)
 */
export function attributeProductShapley(
  before: ChildValues,
  after: ChildValues,
  exponents?: FactorExponents,
): Attribution {
  const keys = childKeys(before, after, 'product');
  const exponentOf = exponentsFor(keys, exponents, 'product');
  assertNoZeroDivisor(keys, before, after, exponentOf, 'product');
  const term = (key: string, values: ChildValues): number =>
    exponentOf.get(key) === 1 ? values[key]! : 1 / values[key]!;
  const old = keys.map((key) => term(key, before));
  const fresh = keys.map((key) => term(key, after));
  const n = keys.length;
  const weights = shapleyWeights(n);

  const contributions: Record<string, number> = {};
  keys.forEach((key, k) => {
    if (before[key] === after[key]) {
      contributions[key] = 0;
      return;
    }
    // coefficients[s] = Σ over coalitions S of the others with |S| = s of Π new · Π old.
    let coefficients = [1];
    for (let j = 0; j < n; j++) {
      if (j === k) continue;
      const next = new Array<number>(coefficients.length + 1).fill(0);
      coefficients.forEach((c, s) => {
        next[s] = next[s]! + c * old[j]!;
        next[s + 1] = next[s + 1]! + c * fresh[j]!;
      });
      coefficients = next;
    }
    let marginal = 0;
    coefficients.forEach((c, s) => {
      marginal += weights[s]! * c;
    });
    contributions[key] = (fresh[k]! - old[k]!) * marginal;
  });

  const parentBefore = productValue(before, exponentOf);
  const parentAfter = productValue(after, exponentOf);
  return {
    method: 'shapley',
    before: parentBefore,
    after: parentAfter,
    change: parentAfter - parentBefore,
    contributions,
  };
}
