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
export * from './benchmark-motions';
export * from './built-in-metrics';
// Periods
export * from './civil-date';
export * from './comparison-period';
export * from './detect-metric-cycles';
export * from './diff-tree-drafts';
export * from './domain-error';
export * from './evaluate-formula';
// Formulas
export * from './focus-period';
export * from './format-formula';
export * from './formula-ast';
export * from './formula-references';
export * from './formula-syntax-error';
// Ingestion: CSV/API import mapping
export * from './ingest/column-mapping';
export * from './ingest/compile-mapping';
export type { CompiledMapping } from './ingest/compiled-mapping';
export * from './ingest/detect-preset';
export * from './ingest/import-entity';
export * from './ingest/import-fields';
export type { ImportPreset, ImportSystem } from './ingest/import-preset';
export * from './ingest/import-presets';
export * from './ingest/import-row';
export type { ImportRowError, NormalizedRecord } from './ingest/import-row-error';
export * from './ingest/normalize-api-record';
export * from './ingest/normalize-csv-record';
export { DATE_FORMAT_LABELS, DATE_FORMATS, type DateFormat } from './ingest/parse-timestamp';
export { resolveWallTime } from './ingest/zone-resolver';
// Metrics and templates
export * from './metric-definition';
export * from './metric-factors';
export * from './outbound-window';
export * from './parse-formula';
export * from './period-label';
export * from './period-view';
export * from './periods';
export type { FactorExponents } from './product-factors';
export * from './templates/activity-per-contact-template';
export * from './templates/contact-sources';
export * from './templates/contact-to-customer-template';
export * from './templates/contacts-growth-template';
export * from './templates/tree-draft-from-template';
export * from './templates/tree-template';
export * from './templates/tree-templates';
export * from './tokenize-formula';
// Trees
export * from './tree-draft';
export * from './tree-hygiene-warnings';
export * from './tree-issue';
export * from './tree-view';
export * from './validate-tree';
export * from './zoned-time';
