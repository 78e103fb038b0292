// Attribution for a `sum` parent: each child contributes its own change.

import { type Attribution, type ChildValues, childKeys, preciseSum } from './attribution';

/**
 * Splits the change of a parent that is the sum of its children: each child's contribution
 * is its own change, which is exact.
 *
 * @example
 * attributeSum({ calls: 3, emails: 1.5 }, { calls: 2.4, emails: 1.8 }).contributions;
 * // { calls: -0.6, emails: 0.3 } (to rounding)
 */
export function attributeSum(before: ChildValues, after: ChildValues): Attribution {
  const keys = childKeys(before, after, 'sum');
  const contributions: Record<string, number> = {};
  for (const key of keys) contributions[key] = after[key]! - before[key]!;
  const parentBefore = preciseSum(keys.map((key) => before[key]!));
  const parentAfter = preciseSum(keys.map((key) => after[key]!));
  return {
    method: 'sum',
    before: parentBefore,
    after: parentAfter,
    change: parentAfter - parentBefore,
    contributions,
  };
}
