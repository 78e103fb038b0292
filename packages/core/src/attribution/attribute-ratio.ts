// Attribution for a `ratio` parent: how much of its change the numerator and the denominator explain.

import { DomainError } from '../domain-error';
import { attributeProduct } from './attribute-product';
import type { Attribution } from './attribution';

/** One side of a ratio in both periods. */
export interface RatioSide {
  before: number;
  after: number;
}

/**
 * Splits the change of numerator ÷ denominator into a numerator effect and a denominator
 * effect (contributions keyed 'numerator' and 'denominator'), exactly: LMDI when all four
 * values are positive, Shapley otherwise. A zero denominator means the ratio has no value,
 * which throws a DomainError.
 *
 * @example
 * attributeRatio({ before: 50, after: 54 }, { before: 1000, after: 1200 }).contributions;
 * // { numerator: 0.0036523, denominator: -0.0086523 }
 */
export function attributeRatio(numerator: RatioSide, denominator: RatioSide): Attribution {
  if (denominator.before === 0 || denominator.after === 0) {
    throw new DomainError(
      'attribution_undefined',
      `ratio: the denominator is 0 ${denominator.before === 0 ? 'before' : 'after'}, so the ratio has no value to attribute`,
    );
  }
  return attributeProduct(
    { numerator: numerator.before, denominator: denominator.before },
    { numerator: numerator.after, denominator: denominator.after },
    { denominator: -1 },
  );
}
