// Tests for product attribution: LMDI when positive, Shapley when any value is ≤ 0, exact either way.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeProduct } from './attribute-product';
import { expectExact } from './attribution.test-helpers';

describe('attributeProduct', () => {
  it('uses LMDI for positive values and Shapley as soon as one is ≤ 0', () => {
    expect(attributeProduct({ reps: 10, hours: 30 }, { reps: 9, hours: 32 }).method).toBe('lmdi');
    expect(attributeProduct({ reps: 0, hours: 30 }, { reps: 9, hours: 32 }).method).toBe('shapley');
    expect(attributeProduct({ reps: 10, hours: 30 }, { reps: 9, hours: -1 }).method).toBe(
      'shapley',
    );
  });

  it('attributes a product that falls to zero', () => {
    const result = attributeProduct({ reps: 4, hours: 30 }, { reps: 0, hours: 30 });
    expect(result.contributions).toEqual({ reps: -120, hours: 0 });
    expectExact(result);
  });

  it('refuses a zero divisor', () => {
    expect(() => attributeProduct({ a: 1, b: 0 }, { a: 1, b: 1 }, { b: -1 })).toThrow(
      /'b' is 0 before and divides the parent/,
    );
  });

  it('is exact across signs, zeros and unchanged factors', () => {
    const value = fc.oneof(
      fc.double({ min: 0.01, max: 1000, noNaN: true }),
      fc.double({ min: -10, max: 10, noNaN: true }).map((x) => Math.round(x * 1e4) / 1e4),
      fc.constant(0),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, fc.boolean(), fc.boolean()), {
          minLength: 1,
          maxLength: 6,
        }),
        (rows) => {
          const before: Record<string, number> = {};
          const after: Record<string, number> = {};
          const exponents: Record<string, 1 | -1> = {};
          let scale = 1;
          rows.forEach(([a, b, divides, unchanged], index) => {
            const next = unchanged ? a : b;
            const exponent = divides && a !== 0 && next !== 0 ? -1 : 1;
            before[`f${index}`] = a;
            after[`f${index}`] = next;
            exponents[`f${index}`] = exponent;
            const size = (x: number) => (exponent === 1 ? Math.abs(x) : 1 / Math.abs(x));
            scale *= Math.max(size(a), size(next));
          });
          expectExact(attributeProduct(before, after, exponents), scale);
        },
      ),
      { numRuns: 300 },
    );
  });
});
