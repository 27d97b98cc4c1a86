export * from './change';
export * from './kappa';
export * from './normal';
export { recoverable } from './protect';
export * from './redact';
export * from './shown-count';
export * from './suppress';
export * from './wilson';
export * from './explore';
