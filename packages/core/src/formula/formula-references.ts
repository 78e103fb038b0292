// Lists the metric keys a parsed formula refers to.

import type { FormulaNode } from './formula-ast';

/**
 * The distinct metric keys in a formula, in order of first appearance.
 *
 * @example
 * formulaReferences(parseFormula('(calls + emails) / contacts + calls')); // ['calls', 'emails', 'contacts']
 */
export function formulaReferences(ast: FormulaNode): string[] {
  const keys = new Set<string>();
  const visit = (node: FormulaNode): void => {
    switch (node.type) {
      case 'metric':
        keys.add(node.key);
        break;
      case 'negate':
        visit(node.operand);
        break;
      case 'binary':
        visit(node.left);
        visit(node.right);
        break;
      case 'number':
        break;
    }
  };
  visit(ast);
  return [...keys];
}
