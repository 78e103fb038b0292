export * from './api-token.repository';
export * from './create-workspace-with-admin';
export * from './instance-settings.repository';
export * from './membership.repository';
