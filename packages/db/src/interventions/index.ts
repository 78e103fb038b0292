export * from './intervention.repository';
export * from './intervention.service';
export * from './intervention-nodes';
export * from './intervention-series';
export * from './verify-intervention-row';
