// Getting CRM data in: readers (CSV, JSON), the one-transaction import, its record and events, data health.
export * from './import.repository';
export * from './import-csv';
export * from './import-event-bus';
export * from './open-csv-import';
export * from './read-data-health';
export * from './read-json-records';
export * from './rejection-report-csv';
export * from './run-import';
export { STAGING_SPECS } from './staging-spec';
