export * from './errors';
export * from './migrate';
export { latestMigration, migrations } from './migrations';
export * from './open-database';
export * from './schema/database';
