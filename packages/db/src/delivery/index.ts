export * from './delivery.repository';
export * from './digest.repository';
export * from './notification.repository';
export * from './preferences.repository';
export * from './webhook-endpoint.repository';
