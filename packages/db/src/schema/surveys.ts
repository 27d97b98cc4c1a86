// Organisations, questionnaires and their versions, access codes, answers in
// progress and submitted responses.
import { type AnySQLiteColumn, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns';

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** A local partnership points at its hub; a hub (or a standalone organisation) has none. */
  parentId: text('parent_id').references((): AnySQLiteColumn => organisations.id),
  createdAt: createdAt()
});

export const ACCESS_MODES = ['open', 'codes'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const QUESTIONNAIRE_KINDS = ['survey', 'collection'] as const;
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];

/**
 * Non-identifying context a response carries beyond its answers: the school
 * and class labels of the class code it was started with (never a single-use
 * code, never the code itself).
 */
export interface ResponseContext {
  school?: string;
  class?: string;
}

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
    /** Closing a questionnaire sets this to the moment it closed. */
    closesAt: integer('closes_at', { mode: 'timestamp_ms' }),
    /** `open`: anyone with the link; `codes`: a class or single-use access code is needed to start. */
    accessMode: text('access_mode', { enum: ACCESS_MODES }).notNull().default('open'),
    /** `survey`: answered through the site; `collection`: free text imported from a file, never open to respondents. */
    kind: text('kind', { enum: QUESTIONNAIRE_KINDS }).notNull().default('survey'),
    /** The organisation responsible for the answers (the data controller), as respondents read it. Needed to publish. */
    responsibleOrganisation: text('responsible_organisation'),
    /** Whom respondents contact with questions and data-protection requests: an e-mail address, phone number or postal address. Needed to publish. */
    privacyContact: text('privacy_contact'),
    /** How long answers are kept, in the respondents' words ("Two years after the survey closes"). Needed to publish. */
    retention: text('retention'),
    /** Shown in the public list on the home page; null: listed when access is by open link, not when it needs codes. */
    listed: integer('listed', { mode: 'boolean' }),
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

export const ACCESS_CODE_KINDS = ['class', 'single'] as const;
export type AccessCodeKind = (typeof ACCESS_CODE_KINDS)[number];

/**
 * Access codes handed out for a questionnaire in `codes` mode: a class code
 * for a whole class (labelled with its school and class, used many times)
 * or single-use codes made in batches. Only a hash of the code is stored,
 * and a use only adds to `uses`: nothing links a draft or a response to the
 * code it started with.
 */
export const accessCodes = sqliteTable(
  'access_codes',
  {
    id: text('id').primaryKey(),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    /** SHA-256 of the normalised code (upper case, no spaces or dashes). */
    codeHash: text('code_hash').notNull().unique(),
    kind: text('kind', { enum: ACCESS_CODE_KINDS }).notNull(),
    schoolLabel: text('school_label'),
    classLabel: text('class_label'),
    /** Single-use batches share an id, so a batch can be downloaded again. */
    batchId: text('batch_id'),
    /** null: no limit (a class code without one). Single-use codes have 1. */
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt()
  },
  (t) => [index('access_codes_questionnaire').on(t.questionnaireId, t.createdAt), check('access_codes_within_limit', sql`${t.maxUses} IS NULL OR ${t.uses} <= ${t.maxUses}`)]
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
    context: text('context', { mode: 'json' }).$type<ResponseContext>(),
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
    context: text('context', { mode: 'json' }).$type<ResponseContext>(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [index('responses_version').on(t.versionId, t.submittedAt)]
);
