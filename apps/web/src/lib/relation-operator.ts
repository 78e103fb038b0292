/**
 * How each edge relation is written on the canvas: the operator glyph on the edge and
 * the words for tooltips and screen readers.
 */
import type { EdgeRelation } from '@treeline/core';

export interface RelationOperator {
  /** The glyph on the edge label. */
  symbol: string;
  /** A short name, for titles and the detail panel. */
  name: string;
  /** What the relation means, for tooltips. */
  description: string;
}

export const RELATION_OPERATORS: Record<EdgeRelation, RelationOperator> = {
  sum: { symbol: '+', name: 'Sum', description: 'The parent is the sum of its children' },
  product: {
    symbol: '×',
    name: 'Product',
    description: 'The parent is the product of its children',
  },
  ratio: {
    symbol: '÷',
    name: 'Ratio',
    description: 'The parent is a numerator divided by a denominator',
  },
  segments: {
    symbol: 'mix',
    name: 'Segments',
    description: 'The parent rate is a weighted mix of segment rates',
  },
  formula: { symbol: 'f', name: 'Formula', description: 'The parent is a formula of its children' },
  driver: {
    symbol: '~',
    name: 'Driver',
    description: 'Influences the parent; a correlation, not an arithmetic part',
  },
};
