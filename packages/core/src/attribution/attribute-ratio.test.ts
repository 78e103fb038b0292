// Tests for ratio attribution: numerator and denominator effects, with Shapley when a value is ≤ 0.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { attributeRatio } from './attribute-ratio';
import { expectExact } from './attribution.test-helpers';

describe('attributeRatio', () => {
  it('splits the change into numerator and denominator effects', () => {
    const result = attributeRatio({ before: 50, after: 54 }, { before: 1000, after: 1200 });
    expect(result.method).toBe('lmdi');
    expect(result.contributions.numerator).toBeGreaterThan(0);
    expect(result.contributions.denominator).toBeLessThan(0);
    expectExact(result);
  });

  it('falls back to Shapley when the numerator is 0', () => {
    const result = attributeRatio({ before: 0, after: 6 }, { before: 100, after: 120 });
    expect(result.method).toBe('shapley');
    // Shapley for two factors: each effect averaged over both orders.
    expect(result.contributions.numerator).toBeCloseTo(0.055, 14);
    expect(result.contributions.denominator).toBeCloseTo(-0.005, 14);
    expectExact(result);
  });

  it('refuses a zero denominator', () => {
    let error: unknown;
    try {
      attributeRatio({ before: 1, after: 2 }, { before: 10, after: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'attribution_undefined')).toBe(true);
    expect((error as Error).message).toMatch(/denominator is 0 after/);
  });

  it('is exact for any numerator and non-zero denominator', () => {
    const numerator = fc.oneof(fc.integer({ min: -100, max: 1000 }), fc.constant(0));
    const denominator = fc
      .oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: 0.5, max: 1e4, noNaN: true }))
      .filter((x) => x !== 0);
    fc.assert(
      fc.property(numerator, numerator, denominator, denominator, (n0, n1, d0, d1) => {
        const result = attributeRatio({ before: n0, after: n1 }, { before: d0, after: d1 });
        const scale = Math.max(Math.abs(n0), Math.abs(n1)) / Math.min(Math.abs(d0), Math.abs(d1));
        expectExact(result, scale);
        if (n0 === n1) expect(result.contributions.numerator).toBe(0);
        if (d0 === d1) expect(result.contributions.denominator).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
