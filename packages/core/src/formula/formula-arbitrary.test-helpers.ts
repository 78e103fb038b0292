// fast-check generators of formula trees, shared by the formula tests.

import fc from 'fast-check';
import type { FormulaNode } from './formula-ast';

/** Metric keys of the shapes the tokenizer accepts. */
export const metricKeyArb = fc.stringMatching(
  /^[A-Za-z_][A-Za-z0-9_]{0,6}(\.[A-Za-z0-9_]{1,5}){0,2}$/,
);

/** Formula trees with positions zeroed (compare with `withoutPositions`). */
export const formulaArb: fc.Arbitrary<FormulaNode> = fc.letrec<{ node: FormulaNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .oneof(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1000, noNaN: true }))
      .map((value): FormulaNode => ({ type: 'number', value, position: 0 })),
    metricKeyArb.map((key): FormulaNode => ({ type: 'metric', key, position: 0 })),
    tie('node').map((operand): FormulaNode => ({ type: 'negate', operand, position: 0 })),
    fc.tuple(fc.constantFrom('+', '-', '*', '/' as const), tie('node'), tie('node')).map(
      ([operator, left, right]): FormulaNode => ({
        type: 'binary',
        operator,
        left,
        right,
        position: 0,
      }),
    ),
  ),
})).node;

/** A copy of a tree with every position set to 0. */
export function withoutPositions(node: FormulaNode): FormulaNode {
  switch (node.type) {
    case 'number':
    case 'metric':
      return { ...node, position: 0 };
    case 'negate':
      return { ...node, operand: withoutPositions(node.operand), position: 0 };
    case 'binary':
      return {
        ...node,
        left: withoutPositions(node.left),
        right: withoutPositions(node.right),
        position: 0,
      };
  }
}
