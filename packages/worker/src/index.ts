// Background work: the outbox dispatcher, the job queue and the durable subscribers.
export * from './delivery-sender';
export * from './digest-job';
export * from './dispatch-domain-events';
export * from './durable-subscribers';
export * from './job-queue';
export * from './movement-alerts';
export * from './start-worker';
export * from './subscriber';
