export * from './mailer';
export * from './webhook';
