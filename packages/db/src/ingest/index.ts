// Getting CRM data in: readers (CSV, JSON), the one-transaction import, its record, data health.
export * from './import.repository';
export * from './import-csv';
export * from './open-csv-import';
export * from './read-data-health';
export * from './read-json-records';
export * from './rejection-report-csv';
export * from './run-import';
export { STAGING_SPECS } from './staging-spec';
