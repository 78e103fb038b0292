// Splits a metric formula into tokens: numbers, metric keys, operators (ASCII or × ÷ −) and parentheses.

import type { BinaryOperator } from './formula-ast';
import { FormulaSyntaxError } from './formula-syntax-error';

/** One token of a formula; `text` is the source text, `position` its 0-based offset. */
export type FormulaToken =
  | { type: 'number'; value: number; text: string; position: number }
  | { type: 'identifier'; text: string; position: number }
  | { type: 'operator'; operator: BinaryOperator; text: string; position: number }
  | { type: 'open' | 'close'; text: string; position: number }
  | { type: 'end'; text: ''; position: number };

const OPERATORS: Readonly<Record<string, BinaryOperator>> = {
  '+': '+',
  '-': '-',
  '\u2212': '-', // − minus sign
  '*': '*',
  '\u00d7': '*', // × multiplication sign
  '/': '/',
  '\u00f7': '/', // ÷ division sign
};

const isDigit = (char: string | undefined): boolean =>
  char !== undefined && char >= '0' && char <= '9';
const isIdentifierStart = (char: string | undefined): boolean =>
  char !== undefined && /^[A-Za-z_]$/.test(char);
const isIdentifierPart = (char: string | undefined): boolean =>
  char !== undefined && /^[A-Za-z0-9_]$/.test(char);
const isWhitespace = (char: string): boolean => /^\s$/.test(char);

function describeChar(char: string): string {
  return char === "'" ? '"\'"' : `'${char}'`;
}

/**
 * Tokens of a formula, always ending with an `end` token. Metric keys are letters, digits,
 * underscores and dots (`calls.per_contact`), starting with a letter or underscore, with no
 * empty segment; numbers are decimals like `12`, `0.5`, `.5` or `2.5e-3`.
 *
 * @example
 * tokenizeFormula('a × 2').map((token) => token.type); // ['identifier', 'operator', 'number', 'end']
 */
export function tokenizeFormula(source: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  let index = 0;
  const fail = (position: number, describe: (where: string) => string): never => {
    throw new FormulaSyntaxError(source, position, describe);
  };

  while (index < source.length) {
    const char = source[index]!;
    const start = index;
    if (isWhitespace(char)) {
      index++;
      continue;
    }
    const operator = OPERATORS[char];
    if (operator !== undefined) {
      tokens.push({ type: 'operator', operator, text: char, position: start });
      index++;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'open' : 'close', text: char, position: start });
      index++;
    } else if (isDigit(char) || (char === '.' && isDigit(source[index + 1]))) {
      while (isDigit(source[index])) index++;
      if (source[index] === '.') {
        if (!isDigit(source[index + 1])) {
          fail(
            index,
            (where) => `unexpected '.' at ${where}, expected digits after the decimal point`,
          );
        }
        index++;
        while (isDigit(source[index])) index++;
      }
      const exponentSign = source[index + 1] === '+' || source[index + 1] === '-' ? 1 : 0;
      if (
        (source[index] === 'e' || source[index] === 'E') &&
        isDigit(source[index + 1 + exponentSign])
      ) {
        index += 1 + exponentSign;
        while (isDigit(source[index])) index++;
      }
      const text = source.slice(start, index);
      tokens.push({ type: 'number', value: Number(text), text, position: start });
    } else if (isIdentifierStart(char)) {
      index++;
      for (;;) {
        while (isIdentifierPart(source[index])) index++;
        if (source[index] !== '.') break;
        if (!isIdentifierPart(source[index + 1])) {
          fail(
            index,
            (where) =>
              `unexpected '.' at ${where}, a metric key cannot end with '.' or contain '..'`,
          );
        }
        index++;
      }
      tokens.push({ type: 'identifier', text: source.slice(start, index), position: start });
    } else {
      const shown = String.fromCodePoint(source.codePointAt(index) ?? 0);
      fail(start, (where) => `unexpected character ${describeChar(shown)} at ${where}`);
    }
  }
  tokens.push({ type: 'end', text: '', position: source.length });
  return tokens;
}
