// Tests for the formula tokenizer and parser: precedence, Unicode operators, keys, and error positions.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { formatFormula } from './format-formula';
import { formulaArb, withoutPositions } from './formula-arbitrary.test-helpers';
import { formulaReferences } from './formula-references';
import { FormulaSyntaxError } from './formula-syntax-error';
import { MAX_FORMULA_DEPTH, parseFormula } from './parse-formula';
import { tokenizeFormula } from './tokenize-formula';

const shape = (source: string): string => formatFormula(parseFormula(source));

function syntaxError(source: string): FormulaSyntaxError {
  try {
    parseFormula(source);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected '${source}' not to parse`);
}

describe('tokenizeFormula', () => {
  it('reads keys with dots and underscores, decimals and Unicode operators', () => {
    const tokens = tokenizeFormula('calls.per_contact × 0.5 − .25 ÷ x1');
    expect(tokens.map((token) => token.text)).toEqual([
      'calls.per_contact',
      '×',
      '0.5',
      '−',
      '.25',
      '÷',
      'x1',
      '',
    ]);
    expect(tokens.map((token) => token.position)).toEqual([0, 18, 20, 24, 26, 30, 32, 34]);
  });
});

describe('parseFormula', () => {
  it('builds a tree with the usual precedence, left to right', () => {
    expect(parseFormula('a + b * c')).toEqual({
      type: 'binary',
      operator: '+',
      position: 2,
      left: { type: 'metric', key: 'a', position: 0 },
      right: {
        type: 'binary',
        operator: '*',
        position: 6,
        left: { type: 'metric', key: 'b', position: 4 },
        right: { type: 'metric', key: 'c', position: 8 },
      },
    });
    expect(shape('a - b - c')).toBe('a - b - c');
    expect(shape('a - (b - c)')).toBe('a - (b - c)');
    expect(shape('a / b / c')).toBe('a / b / c');
    expect(shape('(a + b) * c')).toBe('(a + b) * c');
    expect(shape('((a))')).toBe('a');
  });

  it('treats ASCII and Unicode operators alike', () => {
    expect(shape('reps×hours×tph÷contacts')).toBe(shape('reps*hours*tph/contacts'));
    expect(shape('a − b')).toBe('a - b');
  });

  it('parses unary minus, binding tighter than * and /', () => {
    expect(shape('-a * b')).toBe('-a * b');
    expect(shape('-(a * b)')).toBe('-(a * b)');
    expect(shape('2 * -3')).toBe('2 * -3');
    expect(shape('--a')).toBe('--a');
    expect(parseFormula('-a * b')).toMatchObject({ type: 'binary', left: { type: 'negate' } });
  });

  it('parses numbers, including decimals', () => {
    expect(parseFormula('12.75')).toEqual({ type: 'number', value: 12.75, position: 0 });
    expect(parseFormula('.5')).toEqual({ type: 'number', value: 0.5, position: 0 });
    expect(parseFormula('2.5e-3')).toEqual({ type: 'number', value: 0.0025, position: 0 });
    expect(parseFormula('1E+21')).toEqual({ type: 'number', value: 1e21, position: 0 });
    expect(syntaxError('2e').message).toMatch(/^unexpected metric key 'e' at column 2/);
  });

  it('reports errors with a position and a clear message', () => {
    expect(syntaxError('(a + b))').message).toBe(
      "unexpected ')' at column 8, expected an operator or the end of the formula (this ')' has no matching '(')",
    );
    const closeTooSoon = syntaxError('a + b *)');
    expect(closeTooSoon.message).toMatch(/^unexpected '\)' at column 8, expected a number/);
    expect(closeTooSoon).toMatchObject({ position: 7, line: 1, column: 8, code: 'formula_syntax' });
    expect(syntaxError('(a + b').message).toBe(
      "unexpected end of formula at column 7, expected an operator or ')' to close the '(' at column 1",
    );
    expect(syntaxError('a +').message).toMatch(/^unexpected end of formula at column 4/);
    expect(syntaxError('a % b').message).toBe("unexpected character '%' at column 3");
    expect(syntaxError('2a').message).toBe(
      "unexpected metric key 'a' at column 2, expected an operator or the end of the formula",
    );
    expect(syntaxError('a b').message).toMatch(/^unexpected metric key 'b' at column 3/);
    expect(syntaxError('calls.').message).toMatch(/^unexpected '\.' at column 6/);
    expect(syntaxError('calls..x').message).toMatch(/^unexpected '\.' at column 6/);
    expect(syntaxError('1.').message).toMatch(/^unexpected '\.' at column 2/);
    expect(syntaxError('+a').message).toMatch(/^unexpected '\+' at column 1/);
    expect(syntaxError('a +\n  )').message).toMatch(/^unexpected '\)' at line 2, column 3/);
    expect(syntaxError('   ').message).toMatch(/^formula is empty/);
    expect(isDomainError(syntaxError(''), 'formula_syntax')).toBe(true);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = `${'('.repeat(MAX_FORMULA_DEPTH + 1)}a${')'.repeat(MAX_FORMULA_DEPTH + 1)}`;
    expect(syntaxError(deep).message).toMatch(/nests more than 100 levels deep/);
    const fine = `${'('.repeat(MAX_FORMULA_DEPTH)}a${')'.repeat(MAX_FORMULA_DEPTH)}`;
    expect(shape(fine)).toBe('a');
    expect(syntaxError(`${'-'.repeat(200)}a`).message).toMatch(/nests more than 100/);
  });

  it('never executes input as code', () => {
    expect(syntaxError('process.exit(1)').message).toMatch(/^unexpected '\(' at column 13/);
    expect(parseFormula('constructor + __proto__')).toMatchObject({ type: 'binary' });
  });

  it('round-trips every tree through formatFormula', () => {
    fc.assert(
      fc.property(formulaArb, (ast) => {
        expect(withoutPositions(parseFormula(formatFormula(ast)))).toEqual(ast);
      }),
      { numRuns: 300 },
    );
  });

  it('throws only FormulaSyntaxError on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ab1.( )+-−*×/÷%_ \n'.split('')) }),
        (text) => {
          try {
            parseFormula(text);
          } catch (error) {
            expect(error).toBeInstanceOf(FormulaSyntaxError);
            const { position } = error as FormulaSyntaxError;
            expect(position).toBeGreaterThanOrEqual(0);
            expect(position).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('formulaReferences', () => {
  it('lists distinct keys in order of first appearance', () => {
    expect(formulaReferences(parseFormula('(calls + emails) / contacts + calls - 2'))).toEqual([
      'calls',
      'emails',
      'contacts',
    ]);
    expect(formulaReferences(parseFormula('3 * 4'))).toEqual([]);
  });
});
