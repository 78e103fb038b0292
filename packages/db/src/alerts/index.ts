export * from './alert.repository';
export * from './check-movements';
