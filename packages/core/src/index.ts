export * from './attribute-change';
export * from './attribute-hierarchy';
export * from './attribute-kitagawa';
export * from './attribute-lmdi';
export * from './attribute-product';
export * from './attribute-product-shapley';
export * from './attribute-ratio';
export * from './attribute-shapley';
export * from './attribute-sum';
// Attribution
export type { Attribution, AttributionMethod, ChildValues } from './attribution';
export { preciseSum } from './attribution';
export * from './built-in-metrics';
// Periods
export * from './civil-date';
export * from './detect-metric-cycles';
export * from './domain-error';
export * from './evaluate-formula';
export * from './format-formula';
// Formulas
export * from './formula-ast';
export * from './formula-references';
export * from './formula-syntax-error';
// Metrics and templates
export * from './metric-definition';
export * from './parse-formula';
export * from './period-label';
export * from './period-view';
export * from './periods';
export type { FactorExponents } from './product-factors';
export * from './templates/activity-per-contact-template';
export * from './templates/tree-template';
export * from './tokenize-formula';
export * from './tree-view';
export * from './zoned-time';
