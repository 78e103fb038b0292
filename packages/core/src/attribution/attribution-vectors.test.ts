// Checks attribution against the numeric test vectors (P1_* keys) of docs/product.md, read from
// fixtures/spec/test-vectors.json, so a clone anywhere can run it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateFormula } from '../formula/evaluate-formula';
import { formulaReferences } from '../formula/formula-references';
import { parseFormula } from '../formula/parse-formula';
import { attributeChange } from './attribute-change';
import { attributeKitagawa, type SegmentValue } from './attribute-kitagawa';
import { lmdiMultiplicative } from './attribute-lmdi';
import { attributeProductShapley } from './attribute-product-shapley';
import { attributeRatio } from './attribute-ratio';
import { attributeSum } from './attribute-sum';
import { expectExact } from './attribution.test-helpers';

type Values = Record<string, number>;
type Segments = Record<string, SegmentValue>;

interface Vectors {
  P1_additive: { before: Values; after: Values; expected: Values };
  P1_multiplicative_capacity: {
    formula: string;
    before: Values;
    after: Values;
    V0: number;
    V1: number;
    lmdi_additive: Values;
    lmdi_multiplicative: Values;
    shapley: Values;
    sequential_order_reps_hours_tph_contacts: Values;
  };
  P1_ratio_num_den: {
    before: Values;
    after: Values;
    dR: number;
    lmdi: { numerator: number; denominator: number };
    shapley: { numerator: number; denominator: number };
  };
  P1_kitagawa_pure_mix: {
    before: Segments;
    after: Segments;
    R0: number;
    R1: number;
    rate_effect: number;
    mix_effect: number;
  };
  P1_kitagawa_both: {
    before: 'as above';
    after: Segments;
    R1: number;
    dR: number;
    rate_effect: number;
    mix_effect: number;
    per_segment_rate: Values;
    per_segment_mix: Values;
  };
}

const vectors = JSON.parse(
  readFileSync(new URL('../../fixtures/spec/test-vectors.json', import.meta.url), 'utf8'),
) as Vectors & Record<string, unknown>;

/** P1_adtributor is not part of the design (docs/product.md §3), so it is not checked. */
const SKIPPED = ['P1_adtributor'];
const TOLERANCE = 1e-4;

function expectClose(actual: number | undefined, expected: number | undefined): void {
  expect(actual).toBeTypeOf('number');
  expect(expected).toBeTypeOf('number');
  expect(Math.abs(actual! - expected!)).toBeLessThanOrEqual(TOLERANCE);
}

function expectAllClose(actual: Values, expected: Values, keys = Object.keys(actual)): void {
  for (const key of keys) expectClose(actual[key], expected[key]);
}

describe('P1 test vectors', () => {
  it('covers every P1 vector but the skipped one', () => {
    const covered = [
      'P1_additive',
      'P1_multiplicative_capacity',
      'P1_ratio_num_den',
      'P1_kitagawa_pure_mix',
      'P1_kitagawa_both',
    ];
    const p1 = Object.keys(vectors).filter((key) => key.startsWith('P1_'));
    expect([...p1].sort()).toEqual([...covered, ...SKIPPED].sort());
  });

  it('P1_additive: each channel contributes its own change', () => {
    const v = vectors.P1_additive;
    const result = attributeSum(v.before, v.after);
    expectAllClose(result.contributions, v.expected);
    expectClose(result.change, v.expected.sum);
    expectExact(result);
  });

  describe('P1_multiplicative_capacity', () => {
    const v = vectors.P1_multiplicative_capacity;
    const ast = parseFormula(v.formula);
    const exponents = { contacts: -1 } as const;

    it('evaluates the formula to V0 and V1', () => {
      expectClose(evaluateFormula(ast, v.before) ?? undefined, v.V0);
      expectClose(evaluateFormula(ast, v.after) ?? undefined, v.V1);
    });

    it('LMDI additive contributions', () => {
      const result = attributeChange({
        relation: 'product',
        exponents,
        before: v.before,
        after: v.after,
      });
      expect(result.method).toBe('lmdi');
      expectAllClose(result.contributions, v.lmdi_additive);
      expectClose(result.change, v.lmdi_additive.sum);
      expectExact(result);
    });

    it('LMDI multiplicative factors', () => {
      const factors = lmdiMultiplicative(v.before, v.after, exponents);
      expectAllClose(factors, v.lmdi_multiplicative);
      const product = Object.values(factors).reduce((a, b) => a * b, 1);
      expectClose(product, v.lmdi_multiplicative.product);
    });

    it('Shapley over the formula, and in closed form over the product', () => {
      const formula = attributeChange({
        relation: 'formula',
        formula: ast,
        before: v.before,
        after: v.after,
      });
      expect(formula.method).toBe('shapley');
      expectAllClose(formula.contributions, v.shapley);
      expectClose(formula.change, v.shapley.sum);
      expectExact(formula);
      const closedForm = attributeProductShapley(v.before, v.after, exponents);
      expectAllClose(closedForm.contributions, v.shapley);
    });

    it('sequential substitution depends on the order, which is why it is not used', () => {
      const order = formulaReferences(ast);
      expect(order).toEqual(['reps', 'hours', 'tph', 'contacts']);
      const current: Values = { ...v.before };
      const sequential: Values = {};
      let previous = evaluateFormula(ast, current)!;
      for (const key of order) {
        current[key] = v.after[key]!;
        const next = evaluateFormula(ast, current)!;
        sequential[key] = next - previous;
        previous = next;
      }
      expectAllClose(sequential, v.sequential_order_reps_hours_tph_contacts);
      expect(Math.abs(sequential.reps! - v.shapley.reps!)).toBeGreaterThan(TOLERANCE);
    });
  });

  describe('P1_ratio_num_den', () => {
    const v = vectors.P1_ratio_num_den;

    it('numerator and denominator effects by LMDI', () => {
      const result = attributeRatio(
        { before: v.before.customers!, after: v.after.customers! },
        { before: v.before.contacts!, after: v.after.contacts! },
      );
      expect(result.method).toBe('lmdi');
      expectClose(result.contributions.numerator, v.lmdi.numerator);
      expectClose(result.contributions.denominator, v.lmdi.denominator);
      expectClose(result.change, v.dR);
      expectExact(result);

      const byKey = attributeChange({
        relation: 'ratio',
        numerator: 'customers',
        denominator: 'contacts',
        before: v.before,
        after: v.after,
      });
      expect(byKey.contributions).toEqual({
        customers: result.contributions.numerator,
        contacts: result.contributions.denominator,
      });
    });

    it('numerator and denominator effects by Shapley (the fallback)', () => {
      const result = attributeProductShapley(v.before, v.after, { contacts: -1 });
      expectClose(result.contributions.customers, v.shapley.numerator);
      expectClose(result.contributions.contacts, v.shapley.denominator);
      expectClose(result.change, v.dR);
      const formula = attributeChange({
        relation: 'formula',
        formula: parseFormula('customers / contacts'),
        before: v.before,
        after: v.after,
      });
      expectClose(formula.contributions.customers, v.shapley.numerator);
      expectClose(formula.contributions.contacts, v.shapley.denominator);
    });
  });

  it('P1_kitagawa_pure_mix: only the mix moved', () => {
    const v = vectors.P1_kitagawa_pure_mix;
    const result = attributeKitagawa(v.before, v.after);
    expectClose(result.before, v.R0);
    expectClose(result.after, v.R1);
    expectClose(result.rateEffect, v.rate_effect);
    expectClose(result.mixEffect, v.mix_effect);
    expectExact(result);
  });

  it('P1_kitagawa_both: rate and mix, total and per segment', () => {
    const v = vectors.P1_kitagawa_both;
    expect(v.before).toBe('as above');
    const result = attributeChange({
      relation: 'segments',
      before: vectors.P1_kitagawa_pure_mix.before,
      after: v.after,
    });
    expectClose(result.after, v.R1);
    expectClose(result.change, v.dR);
    expectClose(result.rateEffect, v.rate_effect);
    expectClose(result.mixEffect, v.mix_effect);
    for (const segment of Object.keys(v.per_segment_rate)) {
      expectClose(result.segments[segment]?.rate, v.per_segment_rate[segment]);
      expectClose(result.segments[segment]?.mix, v.per_segment_mix[segment]);
    }
    expectExact(result);
  });
});
