// Word (the report, or its easy-read version), PDF and HTML files of a
// report, made in the background. A row is the job (its progress, so any API
// node can say how far it has got) and, once done, the file itself, so any
// node can hand it over and an author can leave the page and come back. A node claims a job by setting its lease; a
// job whose lease ran out (its server stopped) is taken up again or marked
// failed. Files are removed a week after they were asked for.
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { reports } from './reports';
import { staff } from './staff';
import { organisations } from './surveys';

export const REPORT_EXPORT_FORMATS = ['docx', 'easy-read-docx', 'pdf', 'html'] as const;
export const REPORT_EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const reportExports = sqliteTable(
  'report_exports',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id),
    version: integer('version').notNull(),
    format: text('format', { enum: REPORT_EXPORT_FORMATS }).notNull(),
    status: text('status', { enum: REPORT_EXPORT_STATUSES }).notNull().default('queued'),
    /** Steps done of `total` (read the report, start the renderer, lay out the file, store it). */
    done: integer('done').notNull().default(0),
    total: integer('total').notNull(),
    /** Claims made on the job; one more than allowed and it is marked failed. */
    attempts: integer('attempts').notNull().default(0),
    /** While running: the claiming node renews this; past it, the job is taken as abandoned. */
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    /** Shown to the author when the job failed. */
    error: text('error'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    bytes: blob('bytes', { mode: 'buffer' }),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: createdAt()
  },
  (t) => [index('report_exports_report').on(t.reportId, t.createdAt), index('report_exports_status').on(t.status, t.leaseUntil), index('report_exports_created').on(t.createdAt)]
);
