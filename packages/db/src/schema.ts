// Tables. Change them here, then `pnpm --filter @safer-voices/db generate`
// writes the migration into migrations/ (the only way the schema changes).
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt()
});

export const questionnaires = sqliteTable(
  'questionnaires',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Public address: /s/<slug>. */
    slug: text('slug').notNull().unique(),
    opensAt: integer('opens_at', { mode: 'timestamp_ms' }),
    closesAt: integer('closes_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt()
  },
  (t) => [index('questionnaires_organisation').on(t.organisationId)]
);

/** Each version's definition is frozen once published (a trigger enforces it). */
export const questionnaireVersions = sqliteTable(
  'questionnaire_versions',
  {
    id: text('id').primaryKey(),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    version: integer('version').notNull(),
    /** QuestionnaireDefinition as JSON. */
    definition: text('definition', { mode: 'json' }).notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('questionnaire_versions_number').on(t.questionnaireId, t.version)]
);

/**
 * Answers in progress, keyed by a hash of the respondent's session cookie.
 * Nothing here identifies the respondent; drafts expire.
 */
export const responseDrafts = sqliteTable(
  'response_drafts',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    answers: text('answers', { mode: 'json' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [index('response_drafts_expiry').on(t.expiresAt)]
);

/**
 * A submitted response: the exact version answered, the answers, and nothing
 * about who. Written once, by group commit, before it is acknowledged; views
 * for analysis are built from it afterwards, off the respondent's path.
 */
export const responses = sqliteTable(
  'responses',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    /** SHA-256 of the client's idempotency key, so a retry is stored once. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** Answers keyed by question id, as validated against the version. */
    answers: text('answers', { mode: 'json' }).notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [index('responses_version').on(t.versionId, t.submittedAt)]
);
