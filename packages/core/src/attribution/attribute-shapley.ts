// Exact Shapley attribution of a parent's change over its children, for any evaluator (2^n evaluations).

import { DomainError } from '../domain-error';
import type { Attribution, ChildValues } from './attribution';
import { childKeys } from './attribution';

/** Computes a parent's value from its children's values; null means "no value". */
export type ChildEvaluator = (values: ChildValues) => number | null;

/** Default and hard ceiling on the number of changing children Shapley will enumerate. */
export const MAX_SHAPLEY_PLAYERS = 10;

/**
 * Shapley weights s!(n−1−s)!/n! for s = 0 … n−1, the share of orderings in which a player
 * joins after exactly s others.
 *
 * @example
 * shapleyWeights(3); // [1/3, 1/6, 1/3]
 */
export function shapleyWeights(players: number): number[] {
  const weights: number[] = [];
  let binomial = 1; // C(n−1, s)
  for (let s = 0; s < players; s++) {
    weights.push(1 / (players * binomial));
    binomial = (binomial * (players - 1 - s)) / (s + 1);
  }
  return weights;
}

function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * Shapley attribution: each child's contribution is its average marginal effect over every
 * order of switching children from their old to their new value. Exact (contributions sum to
 * the parent's change) for any evaluator. Children whose value did not change get exactly 0
 * and are not enumerated, so the limit (default 10) counts changing children only: 2^n
 * evaluations. Throws a DomainError when the evaluator has no value at some combination
 * (e.g. a division by zero).
 *
 * @example
 * attributeShapley({ customers: 50, contacts: 1000 }, { customers: 54, contacts: 1200 },
 *   (v) => (v.contacts === 0 ? null : v.customers! / v.contacts!)).contributions;
 * // { customers: 0.0036667, contacts: -0.0086667 }
 */
export function attributeShapley(
  before: ChildValues,
  after: ChildValues,
  evaluate: ChildEvaluator,
  options: { maxPlayers?: number } = {},
): Attribution {
  const keys = childKeys(before, after, 'formula');
  const maxPlayers = Math.min(options.maxPlayers ?? MAX_SHAPLEY_PLAYERS, MAX_SHAPLEY_PLAYERS);
  const players = keys.filter((key) => before[key] !== after[key]);
  const n = players.length;
  if (n > maxPlayers) {
    throw new DomainError(
      'too_many_players',
      `Shapley attribution over ${n} changing children needs 2^${n} evaluations; the limit is ${maxPlayers} changing children. Group children under intermediate nodes`,
      { players: n, maxPlayers },
    );
  }

  const values = new Array<number>(1 << n);
  for (let mask = 0; mask < values.length; mask++) {
    const input: Record<string, number> = { ...before };
    players.forEach((key, bit) => {
      if (mask & (1 << bit)) input[key] = after[key]!;
    });
    const value = evaluate(input);
    if (value === null || !Number.isFinite(value)) {
      const switched = players.filter((_, bit) => mask & (1 << bit));
      const where =
        mask === 0
          ? 'before'
          : mask === values.length - 1
            ? 'after'
            : `when ${switched.map((key) => `'${key}'`).join(', ')} take their new values and the other children keep their old ones`;
      throw new DomainError(
        'attribution_undefined',
        `formula: the parent has no value ${where} (a division by zero?), so its change cannot be attributed`,
        { switched },
      );
    }
    values[mask] = value;
  }

  const weights = shapleyWeights(n);
  const contributions: Record<string, number> = {};
  for (const key of keys) contributions[key] = 0;
  players.forEach((key, bit) => {
    const flag = 1 << bit;
    let total = 0;
    for (let mask = 0; mask < values.length; mask++) {
      if (mask & flag) continue;
      total += weights[popcount(mask)]! * (values[mask | flag]! - values[mask]!);
    }
    contributions[key] = total;
  });

  const parentBefore = values[0]!;
  const parentAfter = values[values.length - 1]!;
  return {
    method: 'shapley',
    before: parentBefore,
    after: parentAfter,
    change: parentAfter - parentBefore,
    contributions,
  };
}
