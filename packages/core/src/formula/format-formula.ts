// Prints a parsed formula back as canonical text with only the parentheses it needs.

import type { FormulaNode } from './formula-ast';

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const NEGATE_PRECEDENCE = 3;

function precedence(node: FormulaNode): number {
  if (node.type === 'binary') return PRECEDENCE[node.operator];
  if (node.type === 'negate') return NEGATE_PRECEDENCE;
  return 4;
}

/**
 * Canonical text of a formula: ASCII operators, single spaces, minimal parentheses, so that
 * parsing the result gives the same tree back.
 *
 * @example
 * formatFormula(parseFormula('(reps×hours) ÷(contacts)')); // 'reps * hours / contacts'
 * formatFormula(parseFormula('a - (b - c)')); // 'a - (b - c)'
 */
export function formatFormula(ast: FormulaNode): string {
  switch (ast.type) {
    case 'number':
      // String() gives the shortest text that reads back as the same double.
      return String(ast.value);
    case 'metric':
      return ast.key;
    case 'negate': {
      const operand = formatFormula(ast.operand);
      return precedence(ast.operand) < NEGATE_PRECEDENCE ? `-(${operand})` : `-${operand}`;
    }
    case 'binary': {
      const own = PRECEDENCE[ast.operator];
      const left = formatFormula(ast.left);
      const right = formatFormula(ast.right);
      // Left-associative: the right operand needs parentheses at equal precedence too.
      const leftText = precedence(ast.left) < own ? `(${left})` : left;
      const rightText = precedence(ast.right) <= own ? `(${right})` : right;
      return `${leftText} ${ast.operator} ${rightText}`;
    }
  }
}
