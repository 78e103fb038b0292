/**
 * The ways a child can explain its parent, as a person picks one when linking two nodes:
 * each relation, with the ratio side and the product's power spelled out as choices.
 */
import type { EdgeRelation, TreeDraftEdge } from '@treeline/core';

export type RelationChoice = Pick<TreeDraftEdge, 'relation' | 'role' | 'exponent'>;

export interface RelationOption {
  key: string;
  label: string;
  /** What the parent is, in words, once the child is linked this way. */
  hint: string;
  choice: RelationChoice;
}

const choice = (
  relation: EdgeRelation,
  role: RelationChoice['role'] = null,
  exponent: RelationChoice['exponent'] = 1,
): RelationChoice => ({ relation, role, exponent });

export const RELATION_OPTIONS: readonly RelationOption[] = [
  { key: 'sum', label: 'Sum', hint: 'Parent = Σ children', choice: choice('sum') },
  { key: 'product', label: 'Product', hint: 'Parent = Π children', choice: choice('product') },
  {
    key: 'product-divide',
    label: 'Product, dividing',
    hint: 'Parent = … ÷ this child',
    choice: choice('product', null, -1),
  },
  {
    key: 'ratio-numerator',
    label: 'Ratio numerator',
    hint: 'Parent = this ÷ denominator',
    choice: choice('ratio', 'numerator'),
  },
  {
    key: 'ratio-denominator',
    label: 'Ratio denominator',
    hint: 'Parent = numerator ÷ this',
    choice: choice('ratio', 'denominator'),
  },
  {
    key: 'segments',
    label: 'Segment',
    hint: 'Parent rate = mix of segment rates',
    choice: choice('segments'),
  },
  {
    key: 'formula',
    label: 'Formula input',
    hint: "An input of the parent's formula",
    choice: choice('formula'),
  },
  {
    key: 'driver',
    label: 'Driver',
    hint: 'Influences the parent; not arithmetic',
    choice: choice('driver'),
  },
];
