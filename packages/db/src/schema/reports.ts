// Consultation reports. A report belongs to an organisation and has a public
// address (/reports/<slug>, unique across every organisation). Every save is
// a new version holding what the author composed (the definition); publishing
// a version stores the report resolved from it (the document), frozen from
// then on: later responses change drafts' previews, never a published report.
// Quotes from answers ever flagged for safeguarding need a safeguarding
// lead's clearance before any report may show them.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { staff } from './staff';
import { organisations, responses } from './surveys';

export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Public address: /reports/<slug>. */
    slug: text('slug').notNull(),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('reports_slug').on(t.slug), index('reports_organisation').on(t.organisationId, t.createdAt)]
);

/** One saved version of a report; (report, version) is unique, so of two saves made from the same version only one is stored. */
export const reportVersions = sqliteTable(
  'report_versions',
  {
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id),
    version: integer('version').notNull(),
    /** ReportDefinition (packages/survey inputs/report.ts) as JSON: what the author composed. */
    definition: text('definition', { mode: 'json' }).notNull(),
    /** ReportDocument (packages/reports) as resolved when published; null for a draft. */
    document: text('document', { mode: 'json' }),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    publishedBy: text('published_by').references(() => staff.id),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: createdAt()
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version] }), index('report_versions_published').on(t.reportId, t.publishedAt)]
);

/** A safeguarding lead's clearance of one answer for quoting in published reports. */
export const quoteClearances = sqliteTable(
  'quote_clearances',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id),
    questionId: text('question_id').notNull(),
    clearedBy: text('cleared_by')
      .notNull()
      .references(() => staff.id),
    clearedAt: integer('cleared_at', { mode: 'timestamp_ms' }).notNull(),
    note: text('note').notNull().default('')
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index('quote_clearances_organisation').on(t.organisationId, t.clearedAt)]
);
