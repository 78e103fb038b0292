// Attribution for a `product` parent (Π children^±1): LMDI-I when every value is positive, else Shapley.

import type { FactorExponents } from '../metrics/product-factors';
import { attributeLmdi } from './attribute-lmdi';
import { attributeProductShapley } from './attribute-product-shapley';
import type { Attribution, ChildValues } from './attribution';
import { childKeys } from './attribution';

/**
 * Splits the change of Y = Π x_k^e_k (e_k = ±1) over its factors, exactly. LMDI-I when every
 * factor is positive in both periods (the logarithms exist); otherwise, when any value is ≤ 0,
 * Shapley. Throws a DomainError when a divisor is 0 (the parent has no value).
 *
 * @example
 * attributeProduct({ reps: 10, hours: 30 }, { reps: 9, hours: 32 }).method; // 'lmdi'
 * attributeProduct({ reps: 0, hours: 30 }, { reps: 9, hours: 32 }).method; // 'shapley'
 */
export function attributeProduct(
  before: ChildValues,
  after: ChildValues,
  exponents?: FactorExponents,
): Attribution {
  const keys = childKeys(before, after, 'product');
  const allPositive = keys.every((key) => before[key]! > 0 && after[key]! > 0);
  return allPositive
    ? attributeLmdi(before, after, exponents)
    : attributeProductShapley(before, after, exponents);
}
