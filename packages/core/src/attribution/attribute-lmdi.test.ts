// Tests for LMDI-I: the log mean, exactness, signs, and refusal of non-positive values.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { attributeLmdi, lmdiMultiplicative, logMean, logRatio } from './attribute-lmdi';
import { expectExact } from './attribution.test-helpers';

describe('logMean', () => {
  it('is (a − b) / (ln a − ln b), with L(a, a) = a', () => {
    expect(logMean(2.25, 2)).toBeCloseTo(0.25 / Math.log(1.125), 14);
    expect(logMean(5, 5)).toBe(5);
    expect(logMean(1, Math.E)).toBeCloseTo(Math.E - 1, 14);
  });

  it('stays accurate and symmetric near a = b and far from it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
        (b, relative) => {
          const a = b * (1 + relative);
          const value = logMean(a, b);
          expect(value).toBeGreaterThanOrEqual(Math.min(a, b) * (1 - 1e-15));
          expect(value).toBeLessThanOrEqual(Math.max(a, b) * (1 + 1e-15));
          expect(Math.abs(value - logMean(b, a))).toBeLessThanOrEqual(1e-14 * value);
          // Between the geometric and the arithmetic mean.
          expect(value).toBeGreaterThanOrEqual(Math.sqrt(a * b) * (1 - 1e-14));
          expect(value).toBeLessThanOrEqual(((a + b) / 2) * (1 + 1e-14));
        },
      ),
    );
    const extreme = logMean(1e300, 1e-300) / (1e300 / (600 * Math.LN10));
    expect(extreme).toBeCloseTo(1, 12);
    expect(logRatio(1e300, 1e-300)).toBeCloseTo(600 * Math.LN10, 10);
  });

  it('refuses non-positive values', () => {
    expect(() => logMean(0, 1)).toThrow(/two positive finite numbers/);
    expect(() => logMean(-1, 1)).toThrow(/two positive finite numbers/);
  });
});

describe('attributeLmdi', () => {
  it('is exact, and each factor pushes in the direction it moved', () => {
    const positive = fc.double({ min: 1e-3, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(positive, positive, fc.constantFrom(1, -1 as const), fc.boolean()), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const before: Record<string, number> = {};
          const after: Record<string, number> = {};
          const exponents: Record<string, 1 | -1> = {};
          rows.forEach(([a, b, exponent, unchanged], index) => {
            before[`x${index}`] = a;
            after[`x${index}`] = unchanged ? a : b;
            exponents[`x${index}`] = exponent;
          });
          const result = attributeLmdi(before, after, exponents);
          expectExact(result);
          for (const key of Object.keys(before)) {
            const direction = Math.sign(exponents[key]! * (after[key]! - before[key]!));
            expect(Math.sign(result.contributions[key]!) + 0).toBe(direction + 0);
          }
        },
      ),
    );
  });

  it('gives zero change and zero contributions when nothing moves', () => {
    const result = attributeLmdi({ a: 2, b: 3 }, { a: 2, b: 3 });
    expect(result.change).toBe(0);
    expect(result.contributions).toEqual({ a: 0, b: 0 });
  });

  it('is exact when the factors offset each other', () => {
    const result = attributeLmdi({ a: 2, b: 3 }, { a: 3, b: 2 });
    expect(result.change).toBe(0);
    expect(result.contributions.a! + result.contributions.b!).toBeCloseTo(0, 14);
    expect(result.contributions.a).toBeCloseTo(6 * Math.log(1.5), 14);
  });

  it('refuses values ≤ 0 and bad exponents', () => {
    let error: unknown;
    try {
      attributeLmdi({ a: 0, b: 1 }, { a: 1, b: 1 });
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'invalid_attribution_input')).toBe(true);
    expect((error as Error).message).toMatch(/factor 'a' must be positive in both periods/);
    expect(() => attributeLmdi({ a: 1 }, { a: 2 }, { a: 2 as 1 })).toThrow(/must be 1 or -1/);
    expect(() => attributeLmdi({ a: 1 }, { a: 2 }, { b: -1 })).toThrow(/'b', which is not a child/);
  });
});

describe('lmdiMultiplicative', () => {
  it('multiplies out to Y1 / Y0', () => {
    const factors = lmdiMultiplicative({ a: 2, b: 5 }, { a: 3, b: 4 }, { b: -1 });
    expect(factors).toEqual({ a: 1.5, b: 1.25 });
    expect(factors.a! * factors.b!).toBeCloseTo(3 / 4 / (2 / 5), 14);
  });
});
