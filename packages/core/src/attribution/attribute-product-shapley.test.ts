// Tests for the closed-form product Shapley: same values as enumerating 2^n coalitions.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { attributeProductShapley } from './attribute-product-shapley';
import { attributeShapley } from './attribute-shapley';
import { expectExact } from './attribution.test-helpers';

describe('attributeProductShapley', () => {
  it('splits a sign change', () => {
    const result = attributeProductShapley({ margin: -2, units: 10 }, { margin: 1, units: 12 });
    expect(result.contributions).toEqual({ margin: 33, units: -1 });
    expect(result).toMatchObject({ method: 'shapley', before: -20, after: 12, change: 32 });
  });

  it('refuses a zero divisor', () => {
    let error: unknown;
    try {
      attributeProductShapley({ a: 1, b: 0 }, { a: 1, b: 2 }, { b: -1 });
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'attribution_undefined')).toBe(true);
    expect((error as Error).message).toMatch(/'b' is 0 before and divides the parent/);
  });

  it('equals enumerated Shapley and is exact, for any signs and zeros', () => {
    const value = fc.oneof(
      fc.double({ min: -50, max: 50, noNaN: true }).map((x) => Math.round(x * 1e6) / 1e6),
      fc.integer({ min: -3, max: 3 }),
      fc.constant(0),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, fc.constantFrom(1, -1 as const), fc.boolean()), {
          minLength: 1,
          maxLength: 7,
        }),
        (rows) => {
          const before: Record<string, number> = {};
          const after: Record<string, number> = {};
          const exponents: Record<string, 1 | -1> = {};
          let scale = 1;
          rows.forEach(([a, b, exponent, unchanged], index) => {
            const key = `x${index}`;
            const next = unchanged ? a : b;
            // A divisor of 0 leaves the parent without a value; make it multiply instead.
            const safeExponent = a === 0 || next === 0 ? 1 : exponent;
            before[key] = a;
            after[key] = next;
            exponents[key] = safeExponent;
            const magnitude = (x: number) => (safeExponent === 1 ? Math.abs(x) : 1 / Math.abs(x));
            scale *= Math.max(magnitude(a), magnitude(next));
          });
          const closed = attributeProductShapley(before, after, exponents);
          expectExact(closed, scale);
          const enumerated = attributeShapley(before, after, (v) =>
            Object.keys(v).reduce(
              (product, key) => (exponents[key] === 1 ? product * v[key]! : product / v[key]!),
              1,
            ),
          );
          for (const key of Object.keys(before)) {
            expect(
              Math.abs(closed.contributions[key]! - enumerated.contributions[key]!),
            ).toBeLessThanOrEqual(1e-9 * scale);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
