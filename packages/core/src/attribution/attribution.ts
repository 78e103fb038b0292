// The shared shape of an attribution (how a parent's change splits over its children) and its input checks.

import { DomainError } from '../domain-error';

/** How the contributions were computed. */
export type AttributionMethod = 'sum' | 'lmdi' | 'shapley' | 'kitagawa';

/** Children's values in one period, by child key. */
export type ChildValues = Readonly<Record<string, number>>;

/**
 * A parent's change split over its children. Contributions add up to `change` (to floating-point
 * rounding, i.e. 1e-9 of the magnitude of the values involved).
 */
export interface Attribution {
  method: AttributionMethod;
  /** The parent's value in the earlier period. */
  before: number;
  /** The parent's value in the later period. */
  after: number;
  /** after − before. */
  change: number;
  /** Each child's share of `change`, by child key. */
  contributions: Record<string, number>;
}

/**
 * Checks that two periods name the same children with finite values and returns the keys in
 * the order of `before`. Throws a DomainError naming the first problem.
 *
 * @example
 * childKeys({ calls: 3, emails: 1 }, { calls: 2, emails: 2 }, 'sum'); // ['calls', 'emails']
 */
export function childKeys(before: ChildValues, after: ChildValues, relation: string): string[] {
  const keys = Object.keys(before);
  for (const key of Object.keys(after)) {
    if (!Object.hasOwn(before, key)) {
      throw new DomainError(
        'invalid_attribution_input',
        `${relation}: child '${key}' has a value after but none before`,
        { relation, child: key },
      );
    }
  }
  for (const key of keys) {
    if (!Object.hasOwn(after, key)) {
      throw new DomainError(
        'invalid_attribution_input',
        `${relation}: child '${key}' has a value before but none after`,
        { relation, child: key },
      );
    }
    for (const [period, value] of [
      ['before', before[key]],
      ['after', after[key]],
    ] as const) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new DomainError(
          'invalid_attribution_input',
          `${relation}: child '${key}' has no finite value ${period} (${String(value)})`,
          { relation, child: key, period },
        );
      }
    }
  }
  return keys;
}

/**
 * Sum of numbers with Neumaier compensation, so long lists of contributions add up without
 * drifting from the parent's change.
 *
 * @example
 * preciseSum([1e16, 1, -1e16]); // 1
 */
export function preciseSum(values: Iterable<number>): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}
