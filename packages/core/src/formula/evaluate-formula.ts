// Evaluates a parsed metric formula; any missing input or division by zero yields null ("no data").

import type { FormulaNode } from './formula-ast';

/** Metric values by key; null or absent means "no data". */
export type FormulaValues =
  | Readonly<Record<string, number | null | undefined>>
  | ReadonlyMap<string, number | null | undefined>;

function lookup(values: FormulaValues, key: string): number | null {
  const value =
    values instanceof Map
      ? values.get(key)
      : Object.hasOwn(values, key)
        ? (values as Readonly<Record<string, number | null | undefined>>)[key]
        : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The value of a formula, or null when an input is missing, null or not finite, a divisor
 * is zero, or the result overflows: never Infinity or NaN, so "no data" is never shown as 0.
 *
 * @example
 * evaluateFormula(parseFormula('calls / contacts'), { calls: 120, contacts: 40 }); // 3
 * evaluateFormula(parseFormula('calls / contacts'), { calls: 120, contacts: 0 }); // null
 */
export function evaluateFormula(ast: FormulaNode, values: FormulaValues): number | null {
  const result = evaluate(ast, values);
  return result !== null && Number.isFinite(result) ? result : null;
}

function evaluate(node: FormulaNode, values: FormulaValues): number | null {
  switch (node.type) {
    case 'number':
      return Number.isFinite(node.value) ? node.value : null;
    case 'metric':
      return lookup(values, node.key);
    case 'negate': {
      const operand = evaluate(node.operand, values);
      return operand === null ? null : -operand;
    }
    case 'binary': {
      const left = evaluate(node.left, values);
      if (left === null) return null;
      const right = evaluate(node.right, values);
      if (right === null) return null;
      let result: number;
      switch (node.operator) {
        case '+':
          result = left + right;
          break;
        case '-':
          result = left - right;
          break;
        case '*':
          result = left * right;
          break;
        case '/':
          if (right === 0) return null;
          result = left / right;
          break;
      }
      return Number.isFinite(result) ? result : null;
    }
  }
}
