// Tables. Change them in schema/, then `pnpm --filter @safer-voices/db generate`
// writes the migration into migrations/ (the only way the schema changes).
export * from './schema/analysis';
export * from './schema/coding';
export * from './schema/maintenance';
export * from './schema/report-exports';
export * from './schema/reports';
export * from './schema/staff';
export * from './schema/strategy';
export * from './schema/surveys';
export * from './schema/votes';
