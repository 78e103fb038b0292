// Tests for formula evaluation: arithmetic, and null ("no data") for missing inputs and division by zero.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './evaluate-formula';
import { formulaArb } from './formula-arbitrary.test-helpers';
import { formulaReferences } from './formula-references';
import { parseFormula } from './parse-formula';

const evaluate = (source: string, values: Record<string, number | null> = {}) =>
  evaluateFormula(parseFormula(source), values);

describe('evaluateFormula', () => {
  it('computes with precedence, unary minus and constants', () => {
    expect(
      evaluate('reps * hours * tph / contacts', { reps: 10, hours: 30, tph: 4, contacts: 600 }),
    ).toBe(2);
    expect(evaluate('a - b - c', { a: 10, b: 3, c: 2 })).toBe(5);
    expect(evaluate('-a * 2 + 1', { a: 3 })).toBe(-5);
    expect(evaluate('(1 + 0.5) ÷ 3 × 2 − 1')).toBeCloseTo(0, 12);
  });

  it('returns null for a missing or null input, never 0', () => {
    expect(evaluate('a + b', { a: 1 })).toBeNull();
    expect(evaluate('a + b', { a: 1, b: null })).toBeNull();
    expect(evaluate('0 * b', { b: null })).toBeNull();
    expect(evaluate('a', { a: Number.NaN })).toBeNull();
  });

  it('returns null on division by zero, never Infinity or NaN', () => {
    expect(evaluate('a / b', { a: 1, b: 0 })).toBeNull();
    expect(evaluate('0 / 0')).toBeNull();
    expect(evaluate('a / (b - b)', { a: 1, b: 5 })).toBeNull();
    expect(evaluate('a * a', { a: 1e200 })).toBeNull();
  });

  it('does not read inherited properties as metric values', () => {
    expect(evaluate('constructor + toString')).toBeNull();
    expect(evaluateFormula(parseFormula('a + 1'), new Map([['a', 2]]))).toBe(3);
  });

  it('yields a finite number or null for any tree and inputs', () => {
    fc.assert(
      fc.property(
        formulaArb,
        fc.func(fc.oneof(fc.double(), fc.constant(null), fc.constant(0))),
        (ast, valueFor) => {
          const values = Object.fromEntries(
            formulaReferences(ast).map((key) => [key, valueFor(key)]),
          );
          const result = evaluateFormula(ast, values);
          expect(result === null || Number.isFinite(result)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
