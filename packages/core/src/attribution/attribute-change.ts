// Attributes a parent's change to its children by the relation on its edges (sum, product, ratio, segments, formula).

import { DomainError } from '../domain-error';
import { evaluateFormula } from '../formula/evaluate-formula';
import type { FormulaNode } from '../formula/formula-ast';
import { formulaReferences } from '../formula/formula-references';
import type { FactorExponents } from '../metrics/product-factors';
import {
  attributeKitagawa,
  type KitagawaAttribution,
  type SegmentValue,
} from './attribute-kitagawa';
import { attributeProduct } from './attribute-product';
import { attributeRatio } from './attribute-ratio';
import { attributeShapley, type ChildEvaluator } from './attribute-shapley';
import { attributeSum } from './attribute-sum';
import { type Attribution, type ChildValues, childKeys } from './attribution';

/** A parent's children in two periods, with the arithmetic that joins them. */
export type ChangeInput =
  | { relation: 'sum'; before: ChildValues; after: ChildValues }
  | { relation: 'product'; before: ChildValues; after: ChildValues; exponents?: FactorExponents }
  | {
      relation: 'ratio';
      /** Child key of the numerator. */
      numerator: string;
      /** Child key of the denominator. */
      denominator: string;
      before: ChildValues;
      after: ChildValues;
    }
  | {
      relation: 'segments';
      before: Readonly<Record<string, SegmentValue>>;
      after: Readonly<Record<string, SegmentValue>>;
    }
  | {
      relation: 'formula';
      before: ChildValues;
      after: ChildValues;
      /** A parsed formula over the child keys, or any function of the children's values. */
      formula: FormulaNode | ChildEvaluator;
      /** Most changing children to enumerate (2^n evaluations); at most 10. */
      maxPlayers?: number;
    };

/**
 * Splits a parent's change over its children, exactly (contributions add up to the change):
 * sum → each child's change; product → LMDI-I, or Shapley when a value is ≤ 0; ratio →
 * numerator and denominator effects (LMDI, or Shapley); segments → Kitagawa rate and mix;
 * formula → Shapley over the children. Throws a DomainError for a `driver` link, which is not
 * arithmetic, and when the parent has no value in a period.
 *
 * @example
 * attributeChange({
 *   relation: 'product',
 *   exponents: { contacts: -1 },
 *   before: { reps: 10, hours: 30, tph: 4, contacts: 600 },
 *   after: { reps: 9, hours: 32, tph: 5, contacts: 640 },
 * }).contributions; // { reps: -0.22363, hours: 0.13699, tph: 0.47363, contacts: -0.13699 }
 */
export function attributeChange(
  input: Extract<ChangeInput, { relation: 'segments' }>,
): KitagawaAttribution;
export function attributeChange(input: ChangeInput): Attribution;
export function attributeChange(input: ChangeInput): Attribution {
  switch (input.relation) {
    case 'sum':
      return attributeSum(input.before, input.after);
    case 'product':
      return attributeProduct(input.before, input.after, input.exponents);
    case 'ratio':
      return attributeRatioChildren(input);
    case 'segments':
      return attributeKitagawa(input.before, input.after);
    case 'formula':
      return attributeFormula(input);
    default: {
      const relation = (input as { relation: unknown }).relation;
      throw new DomainError(
        'invalid_attribution_input',
        relation === 'driver'
          ? 'a driver link is not arithmetic: it shows a correlation of changes, never a contribution'
          : `unknown relation '${String(relation)}'`,
        { relation },
      );
    }
  }
}

function attributeRatioChildren(input: Extract<ChangeInput, { relation: 'ratio' }>): Attribution {
  const keys = childKeys(input.before, input.after, 'ratio');
  const expected = [input.numerator, input.denominator];
  if (
    input.numerator === input.denominator ||
    keys.length !== 2 ||
    !expected.every((key) => keys.includes(key))
  ) {
    throw new DomainError(
      'invalid_attribution_input',
      `ratio: expected exactly the children '${input.numerator}' (numerator) and '${input.denominator}' (denominator), got ${keys.map((key) => `'${key}'`).join(', ')}`,
      { children: keys },
    );
  }
  const result = attributeRatio(
    { before: input.before[input.numerator]!, after: input.after[input.numerator]! },
    { before: input.before[input.denominator]!, after: input.after[input.denominator]! },
  );
  return {
    ...result,
    contributions: {
      [input.numerator]: result.contributions.numerator!,
      [input.denominator]: result.contributions.denominator!,
    },
  };
}

function attributeFormula(input: Extract<ChangeInput, { relation: 'formula' }>): Attribution {
  let evaluate: ChildEvaluator;
  if (typeof input.formula === 'function') {
    evaluate = input.formula;
  } else {
    const ast = input.formula;
    const keys = childKeys(input.before, input.after, 'formula');
    const unknown = formulaReferences(ast).filter((key) => !keys.includes(key));
    if (unknown.length > 0) {
      throw new DomainError(
        'invalid_attribution_input',
        `formula: refers to ${unknown.map((key) => `'${key}'`).join(', ')}, which ${unknown.length === 1 ? 'is not a child' : 'are not children'} of this node`,
        { unknown },
      );
    }
    evaluate = (values) => evaluateFormula(ast, values);
  }
  return attributeShapley(
    input.before,
    input.after,
    evaluate,
    input.maxPlayers === undefined ? {} : { maxPlayers: input.maxPlayers },
  );
}
