export * from './accounts';
export * from './api-tokens';
export * from './auth-mails';
export * from './demo-sign-in';
export * from './principal';
export * from './treeline-auth';
