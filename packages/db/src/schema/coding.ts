// Theme codes for free-text answers, safeguarding flags, coding delays and background jobs.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { staff } from './staff';
import { organisations, responses } from './surveys';

/** A span of an answer that led the coder to a decision (offsets into the answer text). */
export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
}

export const CODE_DECISIONS = ['yes', 'no', 'review'] as const;
export type CodeDecision = (typeof CODE_DECISIONS)[number];

/**
 * Themes found in free-text answers. Only "yes" and "review" decisions are
 * kept; a theme with no row was decided "no" (see coded_answers for which
 * answers have been coded at all, and by which codebook and model).
 */
export const answerCodes = sqliteTable(
  'answer_codes',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id),
    questionId: text('question_id').notNull(),
    themeId: text('theme_id').notNull(),
    confidence: real('confidence').notNull(),
    decision: text('decision', { enum: CODE_DECISIONS }).notNull(),
    evidence: text('evidence', { mode: 'json' }).$type<EvidenceSpan[]>().notNull(),
    codebookVersion: text('codebook_version').notNull(),
    modelVersion: text('model_version').notNull(),
    codedAt: integer('coded_at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId, t.themeId] }), index('answer_codes_theme').on(t.themeId, t.decision)]
);

/**
 * One row per free-text answer that has been coded, whatever themes it got,
 * or that could not be coded (`error` says why; it has no codes and waits
 * for an analyst, first in the review queue).
 */
export const codedAnswers = sqliteTable(
  'coded_answers',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id),
    questionId: text('question_id').notNull(),
    codebookVersion: text('codebook_version').notNull(),
    modelVersion: text('model_version').notNull(),
    codedAt: integer('coded_at', { mode: 'timestamp_ms' }).notNull(),
    /** The coder's chance that every theme decision is right (0–1). */
    certainty: real('certainty').notNull(),
    /** The coder asks for an analyst to check this answer. */
    needsReview: integer('needs_review', { mode: 'boolean' }).notNull(),
    /** Why the answer could not be coded; null when it was. */
    error: text('error')
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] })]
);

/**
 * Responses the coder has looked at on arrival, including those with no
 * free text, so the background coder finds new responses with one index probe.
 */
export const codedResponses = sqliteTable('coded_responses', {
  responseId: text('response_id')
    .primaryKey()
    .references(() => responses.id),
  codedAt: integer('coded_at', { mode: 'timestamp_ms' }).notNull(),
  /** Why the response as a whole could not be read (its answers or its version); null when it was. */
  error: text('error')
});

export const SAFEGUARDING_STATUSES = ['new', 'reviewed', 'referred', 'no_action'] as const;
export type SafeguardingStatus = (typeof SAFEGUARDING_STATUSES)[number];

/**
 * How sure the coder is that an answer discloses harm, or `unchecked`: the
 * answer (from a children's or young people's questionnaire) could not be
 * coded, so a person must read it. The queue shows likely, then unchecked,
 * then possible.
 */
export const SAFEGUARDING_TIERS = ['likely', 'possible', 'unchecked'] as const;
export type SafeguardingFlagTier = (typeof SAFEGUARDING_TIERS)[number];

/**
 * An answer the coder thinks a safeguarding lead should read. One per answer:
 * re-coding never removes or resets a flag once raised.
 */
export const safeguardingFlags = sqliteTable(
  'safeguarding_flags',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id),
    questionId: text('question_id').notNull(),
    confidence: real('confidence').notNull(),
    evidence: text('evidence', { mode: 'json' }).$type<EvidenceSpan[]>().notNull(),
    /** Flags raised before tiers existed came from the one rule-based tier, now "possible". */
    tier: text('tier', { enum: SAFEGUARDING_TIERS }).notNull().default('possible'),
    status: text('status', { enum: SAFEGUARDING_STATUSES }).notNull().default('new'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    updatedBy: text('updated_by').references(() => staff.id)
  },
  (t) => [uniqueIndex('safeguarding_flags_answer').on(t.responseId, t.questionId), index('safeguarding_flags_queue').on(t.organisationId, t.status, t.createdAt)]
);

/**
 * A spell in which an organisation's oldest uncoded answer waited too long
 * (see coding/coding-delays.ts). At most one is open per organisation, so
 * "coding is delayed" is announced once per spell, and "caught up" when it
 * is cleared.
 */
export const codingDelays = sqliteTable(
  'coding_delays',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** When the oldest answer waiting at the time was stored. */
    waitingSince: integer('waiting_since', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
    clearedAt: integer('cleared_at', { mode: 'timestamp_ms' })
  },
  (t) => [uniqueIndex('coding_delays_open').on(t.organisationId).where(sql`${t.clearedAt} IS NULL`)]
);

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Resumable background work, done in chunks. Each chunk's results and the
 * job's new cursor are committed together, so a restarted process carries
 * on from the cursor without redoing or skipping anything.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** e.g. `recode_questionnaire`. */
    kind: text('kind').notNull(),
    /** What the job works on, e.g. { questionnaireId }. */
    params: text('params', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    /** Where the next chunk starts (for re-coding: the last response id done). */
    cursor: text('cursor'),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: createdAt(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    error: text('error')
  },
  (t) => [index('jobs_status').on(t.status, t.createdAt)]
);
