export * from './attribution/attribute-change';
export * from './attribution/attribute-hierarchy';
export * from './attribution/attribute-kitagawa';
export * from './attribution/attribute-lmdi';
export * from './attribution/attribute-product';
export * from './attribution/attribute-product-shapley';
export * from './attribution/attribute-ratio';
export * from './attribution/attribute-shapley';
export * from './attribution/attribute-sum';
// Attribution
export type { Attribution, AttributionMethod, ChildValues } from './attribution/attribution';
export { preciseSum } from './attribution/attribution';
export * from './domain-error';
// Domain events (the outbox's union)
export * from './events/domain-event';
export * from './events/recorded-domain-event';
export * from './formula/evaluate-formula';
export * from './formula/format-formula';
export * from './formula/formula-ast';
export * from './formula/formula-references';
export * from './formula/formula-syntax-error';
export * from './formula/parse-formula';
export * from './formula/tokenize-formula';
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
export * from './metrics/built-in-metrics';
export * from './metrics/detect-metric-cycles';
// Metrics and templates
export * from './metrics/metric-definition';
export * from './metrics/metric-factors';
export type { FactorExponents } from './metrics/product-factors';
// Periods
export * from './periods/civil-date';
export * from './periods/comparison-period';
// Formulas
export * from './periods/focus-period';
export * from './periods/outbound-window';
export * from './periods/period-label';
export * from './periods/period-view';
export * from './periods/periods';
export * from './periods/zoned-time';
export * from './trees/benchmark-motions';
export * from './trees/diff-tree-drafts';
export * from './trees/templates/activity-per-contact-template';
export * from './trees/templates/contact-sources';
export * from './trees/templates/contact-to-customer-template';
export * from './trees/templates/contacts-growth-template';
export * from './trees/templates/tree-draft-from-template';
export * from './trees/templates/tree-template';
export * from './trees/templates/tree-templates';
// Trees
export * from './trees/tree-draft';
export * from './trees/tree-hygiene-warnings';
export * from './trees/tree-issue';
export * from './trees/tree-view';
export * from './trees/validate-tree';
