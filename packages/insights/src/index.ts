export * from './change';
export * from './kappa';
export * from './normal';
export * from './wilson';
