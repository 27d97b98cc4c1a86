// The report model's types, taken from the reports package's model file
// alone: the package's index also exports its renderers (Chromium, docx and
// DOM types), which the API neither runs nor should type-check.
export type * from '../../../../packages/reports/src/model';
