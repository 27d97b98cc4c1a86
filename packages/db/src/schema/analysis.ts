// What analysts keep per organisation: settings, codebook versions, review
// decisions and the model trained from them, double-coding rounds, and the
// outbox of notifications about new safeguarding flags.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { codingDelays, safeguardingFlags } from './coding';
import { staff } from './staff';
import { organisations, questionnaires, responses } from './surveys';

/** One row per organisation that has changed a default. */
export const organisationSettings = sqliteTable('organisation_settings', {
  organisationId: text('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** No figure is shown that rests on fewer respondents than this (never below 10). */
  suppressionThreshold: integer('suppression_threshold').notNull().default(10),
  /** Extra words redacted from quotes, e.g. school and staff names. */
  redactionTerms: text('redaction_terms', { mode: 'json' }).$type<string[]>().notNull().default([]),
  /** Where new safeguarding flags are announced (a POST with no answer text). */
  notifyWebhookUrl: text('notify_webhook_url'),
  /** Signs each webhook (Standard Webhooks), so the receiver can tell a notice came from here. */
  notifyWebhookSecret: text('notify_webhook_secret'),
  notifyEmail: text('notify_email'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  updatedBy: text('updated_by').references(() => staff.id)
});

/**
 * Each saved edit of an organisation's codebook is a new version; codes record
 * the version they were made with. Without a row, the default codebook applies.
 */
export const codebooks = sqliteTable(
  'codebooks',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    version: integer('version').notNull(),
    /** A Codebook (packages/themes) as JSON. */
    codebook: text('codebook', { mode: 'json' }).notNull(),
    /** What changed, in the editor's words or made up from the edit. */
    note: text('note').notNull().default(''),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('codebooks_version').on(t.organisationId, t.version)]
);

/**
 * An analyst's verdict on a free-text answer: the themes it really has. Each
 * is a labelled example the organisation's model is retrained from; a later
 * verdict on the same answer replaces the earlier one.
 */
export const reviewDecisions = sqliteTable(
  'review_decisions',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id),
    questionId: text('question_id').notNull(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    themes: text('themes', { mode: 'json' }).$type<string[]>().notNull(),
    reviewedBy: text('reviewed_by')
      .notNull()
      .references(() => staff.id),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index('review_decisions_organisation').on(t.organisationId, t.reviewedAt)]
);

/** The model an organisation's answers are coded with, retrained from its review decisions. */
export const organisationModels = sqliteTable('organisation_models', {
  organisationId: text('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  modelVersion: text('model_version').notNull(),
  /** A ThemeModel (packages/themes) as JSON. */
  model: text('model', { mode: 'json' }).notNull(),
  codebookVersion: text('codebook_version').notNull(),
  examples: integer('examples').notNull(),
  trainedAt: integer('trained_at', { mode: 'timestamp_ms' }).notNull()
});

/** A sample of answers that two analysts code blind, to measure agreement. */
export const doubleCodingRounds = sqliteTable(
  'double_coding_rounds',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    name: text('name').notNull(),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: createdAt(),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' })
  },
  (t) => [index('double_coding_rounds_organisation').on(t.organisationId, t.createdAt)]
);

export const doubleCodingItems = sqliteTable(
  'double_coding_items',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => doubleCodingRounds.id),
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id),
    questionId: text('question_id').notNull(),
    position: integer('position').notNull()
  },
  (t) => [primaryKey({ columns: [t.roundId, t.responseId, t.questionId] }), index('double_coding_items_order').on(t.roundId, t.position)]
);

/** One analyst's themes for one answer in a round; hidden from the other analyst. */
export const doubleCodingLabels = sqliteTable(
  'double_coding_labels',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => doubleCodingRounds.id),
    responseId: text('response_id').notNull(),
    questionId: text('question_id').notNull(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    themes: text('themes', { mode: 'json' }).$type<string[]>().notNull(),
    codedAt: integer('coded_at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [primaryKey({ columns: [t.roundId, t.responseId, t.questionId, t.staffId] })]
);

export const NOTIFICATION_CHANNELS = ['webhook', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
/** A new flag (flag_id), or the start or end of a coding delay (delay_id). */
export const NOTIFICATION_KINDS = ['safeguarding_flag', 'coding_delayed', 'coding_caught_up'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Outbox of announcements to safeguarding leads, sent by a background job
 * and retried with growing waits: new safeguarding flags, and coding that
 * has fallen behind (and caught up again). No message carries answer text:
 * it says what is waiting and links to the queue.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull().default('safeguarding_flag'),
    flagId: text('flag_id').references(() => safeguardingFlags.id),
    delayId: text('delay_id').references(() => codingDelays.id),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
    target: text('target').notNull(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt()
  },
  (t) => [
    index('notifications_due').on(t.status, t.nextAttemptAt),
    uniqueIndex('notifications_flag_channel').on(t.flagId, t.channel),
    uniqueIndex('notifications_delay_kind_channel').on(t.delayId, t.kind, t.channel)
  ]
);
