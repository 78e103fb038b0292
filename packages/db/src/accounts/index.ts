export * from './api-token.repository';
export * from './instance-settings.repository';
export * from './membership.repository';
