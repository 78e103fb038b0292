export * from './alert.repository';
export * from './my-branches';
