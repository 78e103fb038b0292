export * from './delivery.repository';
export * from './notification.repository';
export * from './webhook-endpoint.repository';
