// Tests for the shared attribution input checks and the compensated sum.

import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { childKeys, preciseSum } from './attribution';

describe('childKeys', () => {
  it('returns the keys when both periods name the same finite children', () => {
    expect(childKeys({ a: 1, b: 2 }, { b: 3, a: 4 }, 'sum')).toEqual(['a', 'b']);
  });

  it('names the child that is missing or not finite', () => {
    expect(() => childKeys({ a: 1 }, { a: 1, b: 2 }, 'sum')).toThrow(
      "sum: child 'b' has a value after but none before",
    );
    expect(() => childKeys({ a: 1, b: 2 }, { a: 1 }, 'sum')).toThrow(
      "sum: child 'b' has a value before but none after",
    );
    let error: unknown;
    try {
      childKeys({ a: Number.NaN }, { a: 1 }, 'product');
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'invalid_attribution_input')).toBe(true);
    expect((error as Error).message).toBe("product: child 'a' has no finite value before (NaN)");
  });
});

describe('preciseSum', () => {
  it('does not lose small terms between large ones', () => {
    expect(preciseSum([1e16, 1, -1e16])).toBe(1);
    expect(preciseSum([])).toBe(0);
  });
});
