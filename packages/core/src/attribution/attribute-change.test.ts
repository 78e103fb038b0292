// Tests for the attribution dispatcher: routing by relation, input checks, and Σ contributions = Δ parent everywhere.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { parseFormula } from '../formula/parse-formula';
import { attributeChange, type ChangeInput } from './attribute-change';
import type { SegmentValue } from './attribute-kitagawa';
import { expectExact } from './attribution.test-helpers';

const rounded = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true }).map((x) => Math.round(x * 1e6) / 1e6);
const anyValue = fc.oneof(rounded(-1000, 1000), fc.integer({ min: -5, max: 5 }), fc.constant(0));

/** Children in two periods, some unchanged. */
const childrenArb = (value: fc.Arbitrary<number>, max = 6) =>
  fc.array(fc.tuple(value, value, fc.boolean()), { minLength: 1, maxLength: max }).map((rows) => {
    const before: Record<string, number> = {};
    const after: Record<string, number> = {};
    rows.forEach(([a, b, unchanged], index) => {
      before[`c${index}`] = a;
      after[`c${index}`] = unchanged ? a : b;
    });
    return { before, after };
  });

function magnitude(...records: Array<Record<string, number>>): number {
  return Math.max(1, ...records.flatMap((record) => Object.values(record).map(Math.abs)));
}

describe('attributeChange', () => {
  it('routes each relation to its method', () => {
    const before = { a: 2, b: 4 };
    const after = { a: 3, b: 5 };
    expect(attributeChange({ relation: 'sum', before, after }).method).toBe('sum');
    expect(attributeChange({ relation: 'product', before, after }).method).toBe('lmdi');
    expect(
      attributeChange({ relation: 'ratio', numerator: 'a', denominator: 'b', before, after })
        .contributions,
    ).toHaveProperty('a');
    expect(
      attributeChange({ relation: 'formula', formula: parseFormula('a * b + 1'), before, after })
        .method,
    ).toBe('shapley');
    expect(
      attributeChange({
        relation: 'segments',
        before: { x: { n: 1, rate: 0.5 } },
        after: { x: { n: 2, rate: 0.25 } },
      }).rateEffect,
    ).toBeCloseTo(-0.25, 15);
  });

  it('accepts an evaluator function for formulas', () => {
    const result = attributeChange({
      relation: 'formula',
      formula: (v) => Math.max(v.a!, v.b!),
      before: { a: 1, b: 2 },
      after: { a: 5, b: 2 },
    });
    expect(result.change).toBe(3);
    expectExact(result);
  });

  it('rejects driver links, unknown formula keys and mismatched ratio children', () => {
    let error: unknown;
    try {
      attributeChange({ relation: 'driver' } as unknown as ChangeInput);
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'invalid_attribution_input')).toBe(true);
    expect((error as Error).message).toMatch(/driver link is not arithmetic/);
    expect(() =>
      attributeChange({
        relation: 'formula',
        formula: parseFormula('a + ghost'),
        before: { a: 1 },
        after: { a: 2 },
      }),
    ).toThrow("formula: refers to 'ghost', which is not a child of this node");
    expect(() =>
      attributeChange({
        relation: 'ratio',
        numerator: 'won',
        denominator: 'closed',
        before: { won: 1, lost: 2 },
        after: { won: 1, lost: 2 },
      }),
    ).toThrow(/expected exactly the children 'won' \(numerator\) and 'closed' \(denominator\)/);
  });

  it('reports a formula without value (division by zero) as undefined, not Infinity', () => {
    let error: unknown;
    try {
      attributeChange({
        relation: 'formula',
        formula: parseFormula('a / b'),
        before: { a: 1, b: 0 },
        after: { a: 1, b: 2 },
      });
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'attribution_undefined')).toBe(true);
  });
});

describe('Σ contributions = Δ parent, on every relation', () => {
  it('sum', () => {
    fc.assert(
      fc.property(childrenArb(anyValue, 12), ({ before, after }) => {
        expectExact(attributeChange({ relation: 'sum', before, after }), magnitude(before, after));
      }),
    );
  });

  it('product (values ≤ 0 included, multiplying factors)', () => {
    fc.assert(
      fc.property(
        childrenArb(fc.oneof(rounded(-20, 20), fc.constant(0)), 6),
        ({ before, after }) => {
          const scale = Object.keys(before).reduce(
            (product, key) => product * Math.max(Math.abs(before[key]!), Math.abs(after[key]!)),
            1,
          );
          expectExact(attributeChange({ relation: 'product', before, after }), scale);
        },
      ),
    );
  });

  it('ratio (values ≤ 0 included)', () => {
    const denominator = fc
      .oneof(rounded(-100, 100), fc.integer({ min: 1, max: 9 }))
      .filter((x) => x !== 0);
    fc.assert(
      fc.property(anyValue, anyValue, denominator, denominator, (n0, n1, d0, d1) => {
        const result = attributeChange({
          relation: 'ratio',
          numerator: 'won',
          denominator: 'closed',
          before: { won: n0, closed: d0 },
          after: { won: n1, closed: d1 },
        });
        const scale =
          Math.max(1, Math.abs(n0), Math.abs(n1)) / Math.min(Math.abs(d0), Math.abs(d1));
        expectExact(result, scale);
      }),
    );
  });

  it('segments (segments appearing and disappearing)', () => {
    const segment = fc.oneof(
      fc.constant<SegmentValue>({ n: 0, rate: null }),
      fc.record({ n: fc.integer({ min: 0, max: 500 }), rate: rounded(0, 1) }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('smb', 'mid', 'ent', 'partner'), segment, { minKeys: 1 }),
        fc.dictionary(fc.constantFrom('smb', 'mid', 'ent', 'partner'), segment, { minKeys: 1 }),
        (before, after) => {
          const populated = (s: Record<string, SegmentValue>) =>
            Object.values(s).some((v) => v.n > 0);
          fc.pre(populated(before) && populated(after));
          expectExact(attributeChange({ relation: 'segments', before, after }), 1);
        },
      ),
    );
  });

  it('formula (zero changes and negative values included)', () => {
    const ast = parseFormula('(c0 - c1) * c2 + c3 / 4 - c4 * c4');
    fc.assert(
      fc.property(
        childrenArb(anyValue, 1),
        fc.array(fc.tuple(anyValue, anyValue, fc.boolean()), { minLength: 5, maxLength: 5 }),
        (_, rows) => {
          const before: Record<string, number> = {};
          const after: Record<string, number> = {};
          rows.forEach(([a, b, unchanged], index) => {
            before[`c${index}`] = a;
            after[`c${index}`] = unchanged ? a : b;
          });
          const result = attributeChange({ relation: 'formula', formula: ast, before, after });
          const m = magnitude(before, after);
          expectExact(result, m * m * 3);
          for (const key of Object.keys(before)) {
            if (before[key] === after[key]) expect(result.contributions[key]).toBe(0);
          }
        },
      ),
    );
  });
});
