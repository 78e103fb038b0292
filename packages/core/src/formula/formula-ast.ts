// The syntax tree of a metric formula: numbers, metric keys, unary minus and the four operators.

/** The four arithmetic operators, normalised to ASCII (× is '*', ÷ is '/', − is '-'). */
export type BinaryOperator = '+' | '-' | '*' | '/';

/** A parsed metric formula. `position` is the 0-based offset of the node in the source. */
export type FormulaNode =
  | { type: 'number'; value: number; position: number }
  | { type: 'metric'; key: string; position: number }
  | { type: 'negate'; operand: FormulaNode; position: number }
  | {
      type: 'binary';
      operator: BinaryOperator;
      left: FormulaNode;
      right: FormulaNode;
      position: number;
    };
