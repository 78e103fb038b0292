// The error a malformed metric formula raises, pointing at the offending column.

import { DomainError } from '../domain-error';

/**
 * A formula that cannot be parsed. `position` is the 0-based offset, `line` and `column`
 * are 1-based, and the message names them ("unexpected ')' at column 7, …").
 *
 * @example
 * try { parseFormula('a + )'); } catch (e) { if (e instanceof FormulaSyntaxError) e.column; } // 5
 */
export class FormulaSyntaxError extends DomainError {
  readonly position: number;
  readonly line: number;
  readonly column: number;

  constructor(source: string, position: number, describe: (where: string) => string) {
    const { line, column, where } = formulaLocation(source, position);
    super('formula_syntax', describe(where), { position, line, column });
    this.name = 'FormulaSyntaxError';
    this.position = position;
    this.line = line;
    this.column = column;
  }
}

/**
 * Line and column (1-based) of an offset in a formula, and how a message names them.
 *
 * @example
 * formulaLocation('a +\n)', 4); // { line: 2, column: 1, where: 'line 2, column 1' }
 */
export function formulaLocation(
  source: string,
  position: number,
): { line: number; column: number; where: string } {
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  return {
    line,
    column,
    where: line === 1 ? `column ${column}` : `line ${line}, column ${column}`,
  };
}
