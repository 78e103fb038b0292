// The factors of a `product` relation: their exponents (±1) and the parent value they make.

import type { ChildValues } from '../attribution/attribution';
import { DomainError } from '../domain-error';

/** Exponent of each factor in a product: 1 multiplies, −1 divides. Missing keys mean 1. */
export type FactorExponents = Readonly<Record<string, 1 | -1>>;

/**
 * Validates exponents against the children and returns each key's exponent (default 1).
 *
 * @example
 * exponentsFor(['reps', 'contacts'], { contacts: -1 }, 'product'); // Map { reps → 1, contacts → -1 }
 */
export function exponentsFor(
  keys: readonly string[],
  exponents: FactorExponents | undefined,
  relation: string,
): Map<string, 1 | -1> {
  const result = new Map<string, 1 | -1>();
  for (const key of Object.keys(exponents ?? {})) {
    if (!keys.includes(key)) {
      throw new DomainError(
        'invalid_attribution_input',
        `${relation}: exponent given for '${key}', which is not a child`,
        { relation, child: key },
      );
    }
  }
  for (const key of keys) {
    const exponent = exponents?.[key] ?? 1;
    if (exponent !== 1 && exponent !== -1) {
      throw new DomainError(
        'invalid_attribution_input',
        `${relation}: the exponent of '${key}' must be 1 or -1, got ${String(exponent)}`,
        { relation, child: key },
      );
    }
    result.set(key, exponent);
  }
  return result;
}

/**
 * Π x_k^e_k over the children, multiplying and dividing in child order as an evaluator would.
 *
 * @example
 * productValue({ reps: 10, contacts: 600 }, new Map([['reps', 1], ['contacts', -1]])); // 0.01666…
 */
export function productValue(values: ChildValues, exponents: ReadonlyMap<string, 1 | -1>): number {
  let value = 1;
  for (const [key, exponent] of exponents) {
    value = exponent === 1 ? value * values[key]! : value / values[key]!;
  }
  return value;
}

/**
 * Throws when a divisor is 0 in either period: the parent then has no value ("no data") and
 * its change cannot be attributed.
 *
 * @example
 * assertNoZeroDivisor(['customers', 'contacts'], { customers: 5, contacts: 0 }, { customers: 6, contacts: 10 },
 *   new Map([['customers', 1], ['contacts', -1]]), 'ratio'); // throws
 */
export function assertNoZeroDivisor(
  keys: readonly string[],
  before: ChildValues,
  after: ChildValues,
  exponentOf: ReadonlyMap<string, 1 | -1>,
  relation: string,
): void {
  for (const key of keys) {
    if (exponentOf.get(key) !== -1) continue;
    for (const [period, values] of [
      ['before', before],
      ['after', after],
    ] as const) {
      if (values[key] === 0) {
        throw new DomainError(
          'attribution_undefined',
          `${relation}: '${key}' is 0 ${period} and divides the parent, so the parent has no value to attribute`,
          { relation, child: key, period },
        );
      }
    }
  }
}
