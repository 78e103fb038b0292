export * from './recompute-scores';
export * from './rescore-after-import';
export * from './score-backfill';
export * from './score-model.repository';
export * from './score-reads';
export type { ScoreScope } from './score-sql';
