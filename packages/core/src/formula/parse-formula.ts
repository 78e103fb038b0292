// Recursive-descent parser from metric formula text to a FormulaNode tree (never eval).

import type { FormulaNode } from './formula-ast';
import { FormulaSyntaxError, formulaLocation } from './formula-syntax-error';
import { type FormulaToken, tokenizeFormula } from './tokenize-formula';

/** Deepest nesting of parentheses and unary minus a formula may have. */
export const MAX_FORMULA_DEPTH = 100;

const OPERAND = "a number, a metric key or '('";

function describeToken(token: FormulaToken): string {
  switch (token.type) {
    case 'number':
      return `number '${token.text}'`;
    case 'identifier':
      return `metric key '${token.text}'`;
    case 'end':
      return 'end of formula';
    default:
      return `'${token.text}'`;
  }
}

/**
 * Parses a metric formula over metric keys: `+ - * /` (or `× ÷ −`), unary minus,
 * parentheses, decimal numbers. Usual precedence: unary minus, then `* /`, then `+ -`,
 * left to right. Throws a FormulaSyntaxError with the column on malformed input.
 *
 * @example
 * parseFormula('reps × hours ÷ contacts');
 * // binary '/' of (binary '*' of reps, hours) and contacts
 * parseFormula('(a + b))'); // throws "unexpected ')' at column 8, expected an operator or the end of the formula"
 */
export function parseFormula(source: string): FormulaNode {
  const tokens = tokenizeFormula(source);
  let index = 0;
  let depth = 0;

  const peek = (): FormulaToken => tokens[index] ?? tokens[tokens.length - 1]!;
  const fail = (token: FormulaToken, expected: string): never => {
    throw new FormulaSyntaxError(
      source,
      token.position,
      (where) => `unexpected ${describeToken(token)} at ${where}, expected ${expected}`,
    );
  };
  const enter = (token: FormulaToken): void => {
    depth++;
    if (depth > MAX_FORMULA_DEPTH) {
      throw new FormulaSyntaxError(
        source,
        token.position,
        (where) =>
          `formula nests more than ${MAX_FORMULA_DEPTH} levels deep at ${where}; simplify it`,
      );
    }
  };

  function parseSum(): FormulaNode {
    let left = parseProduct();
    for (;;) {
      const token = peek();
      if (token.type !== 'operator' || (token.operator !== '+' && token.operator !== '-')) {
        return left;
      }
      index++;
      const right = parseProduct();
      left = { type: 'binary', operator: token.operator, left, right, position: token.position };
    }
  }

  function parseProduct(): FormulaNode {
    let left = parseUnary();
    for (;;) {
      const token = peek();
      if (token.type !== 'operator' || (token.operator !== '*' && token.operator !== '/')) {
        return left;
      }
      index++;
      const right = parseUnary();
      left = { type: 'binary', operator: token.operator, left, right, position: token.position };
    }
  }

  function parseUnary(): FormulaNode {
    const token = peek();
    if (token.type === 'operator' && token.operator === '-') {
      index++;
      enter(token);
      const operand = parseUnary();
      depth--;
      return { type: 'negate', operand, position: token.position };
    }
    return parsePrimary();
  }

  function parsePrimary(): FormulaNode {
    const token = peek();
    switch (token.type) {
      case 'number':
        index++;
        return { type: 'number', value: token.value, position: token.position };
      case 'identifier':
        index++;
        return { type: 'metric', key: token.text, position: token.position };
      case 'open': {
        index++;
        enter(token);
        const inner = parseSum();
        const close = peek();
        if (close.type !== 'close') {
          const opened = formulaLocation(source, token.position).where;
          fail(close, `an operator or ')' to close the '(' at ${opened}`);
        }
        index++;
        depth--;
        return inner;
      }
      default:
        return fail(token, OPERAND);
    }
  }

  if (peek().type === 'end') {
    throw new FormulaSyntaxError(
      source,
      0,
      () => `formula is empty; write an expression such as 'calls + emails'`,
    );
  }
  const ast = parseSum();
  const rest = peek();
  if (rest.type !== 'end') {
    fail(
      rest,
      rest.type === 'close'
        ? "an operator or the end of the formula (this ')' has no matching '(')"
        : 'an operator or the end of the formula',
    );
  }
  return ast;
}
