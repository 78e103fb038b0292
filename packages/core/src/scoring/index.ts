export * from './check-score-model';
export * from './score-bands';
