// Tests for generic Shapley attribution: weights, exactness on arbitrary formulas, limits and undefined points.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { evaluateFormula } from '../formula/evaluate-formula';
import { formulaArb } from '../formula/formula-arbitrary.test-helpers';
import { formulaReferences } from '../formula/formula-references';
import { attributeShapley, type ChildEvaluator, shapleyWeights } from './attribute-shapley';
import { expectExact } from './attribution.test-helpers';

describe('shapleyWeights', () => {
  it('weights coalition sizes so that they sum to 1 over all coalitions', () => {
    expect(shapleyWeights(1)).toEqual([1]);
    const three = shapleyWeights(3);
    expect(three[0]).toBeCloseTo(1 / 3, 15);
    expect(three[1]).toBeCloseTo(1 / 6, 15);
    expect(three[2]).toBeCloseTo(1 / 3, 15);
    for (let n = 1; n <= 10; n++) {
      // Σ_s C(n−1, s) · w(s) = 1
      let binomial = 1;
      let total = 0;
      shapleyWeights(n).forEach((weight, s) => {
        total += binomial * weight;
        binomial = (binomial * (n - 1 - s)) / (s + 1);
      });
      expect(total).toBeCloseTo(1, 13);
    }
  });
});

describe('attributeShapley', () => {
  const sumOfProducts: ChildEvaluator = (v) => v.a! * v.b! + v.c!;

  it('is symmetric for symmetric players and gives unchanged children 0', () => {
    const result = attributeShapley({ a: 1, b: 1, c: 5 }, { a: 2, b: 2, c: 5 }, sumOfProducts);
    expect(result.contributions.a).toBeCloseTo(1.5, 14);
    expect(result.contributions.b).toBeCloseTo(1.5, 14);
    expect(result.contributions.c).toBe(0);
    expect(result).toMatchObject({ method: 'shapley', before: 6, after: 9, change: 3 });
  });

  it('counts only changing children against the limit of 10', () => {
    const keys = Array.from({ length: 14 }, (_, index) => `k${index}`);
    const before = Object.fromEntries(keys.map((key) => [key, 1]));
    const sum: ChildEvaluator = (v) => Object.values(v).reduce((a, b) => a + b, 0);
    const tenChange = { ...before, ...Object.fromEntries(keys.slice(0, 10).map((k) => [k, 2])) };
    expectExact(attributeShapley(before, tenChange, sum));
    const elevenChange = { ...tenChange, k10: 2 };
    let error: unknown;
    try {
      attributeShapley(before, elevenChange, sum);
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'too_many_players')).toBe(true);
    expect((error as Error).message).toMatch(
      /over 11 changing children needs 2\^11 evaluations; the limit is 10/,
    );
    expect(() => attributeShapley(before, tenChange, sum, { maxPlayers: 4 })).toThrow(/limit is 4/);
    expect(() => attributeShapley(before, tenChange, sum, { maxPlayers: 40 })).not.toThrow();
  });

  it('explains where the formula has no value', () => {
    const ratio: ChildEvaluator = (v) => (v.d === 0 ? null : v.n! / v.d!);
    expect(() => attributeShapley({ n: 1, d: 0 }, { n: 2, d: 1 }, ratio)).toThrow(
      /the parent has no value before/,
    );
    const gap: ChildEvaluator = (v) => (v.a! - v.b! === 0 ? null : 1 / (v.a! - v.b!));
    let error: unknown;
    try {
      attributeShapley({ a: 1, b: 2 }, { a: 2, b: 3 }, gap);
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'attribution_undefined')).toBe(true);
    expect((error as Error).message).toMatch(
      /no value when 'a' take their new values and the other children keep their old ones/,
    );
  });

  it('is exact on arbitrary formulas with negative, zero and unchanged values', () => {
    const value = fc.oneof(
      fc.integer({ min: -50, max: 50 }),
      fc.double({ min: -100, max: 100, noNaN: true }).map((x) => Math.round(x * 1e6) / 1e6),
      fc.constant(0),
    );
    fc.assert(
      fc.property(formulaArb, fc.func(fc.tuple(value, value, fc.boolean())), (ast, valuesOf) => {
        const keys = formulaReferences(ast).slice(0, 6);
        if (keys.length !== formulaReferences(ast).length) return;
        const before: Record<string, number> = {};
        const after: Record<string, number> = {};
        for (const key of keys) {
          const [a, b, unchanged] = valuesOf(key);
          before[key] = a;
          after[key] = unchanged ? a : b;
        }
        let scale = 0;
        const evaluate: ChildEvaluator = (values) => {
          const result = evaluateFormula(ast, values);
          if (result !== null) scale = Math.max(scale, Math.abs(result));
          return result;
        };
        try {
          const result = attributeShapley(before, after, evaluate);
          expectExact(result, scale);
        } catch (error) {
          expect(isDomainError(error, 'attribution_undefined')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
