// The report model's types (packages/reports/src/model.ts), where the API's
// report code reads them.
export type * from '@safer-voices/reports';
