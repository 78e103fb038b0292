export * from './alert.repository';
