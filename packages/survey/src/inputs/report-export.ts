// Asking for a report as a file: the format and, optionally, the version
// (the newest when left out). Read by the API and the staff download page.
import { z } from 'zod';

export const ReportExportSchema = z.strictObject({
  format: z.enum(['docx', 'easy-read-docx', 'pdf', 'html'], { message: 'Choose Word, easy-read Word, PDF or web page' }),
  version: z
    .number({ message: 'Choose a version of the report' })
    .int('Choose a version of the report')
    .min(1, 'Choose a version of the report')
    .max(1_000_000, 'Choose a version of the report')
    .optional()
});

export type ReportExportInput = z.infer<typeof ReportExportSchema>;
