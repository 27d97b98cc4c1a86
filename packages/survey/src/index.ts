export * from './form';
export * from './logic';
export * from './model';
export * from './validate';
export * from './sample-answers';
