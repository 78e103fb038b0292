export * from './alert.repository';
export * from './check-movements';
export * from './my-branches';
