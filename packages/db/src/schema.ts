// Tables. Change them here, then `pnpm --filter @safer-voices/db generate`
// writes the migration into migrations/ (the only way the schema changes).
import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

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

/** What a member of staff may do; a person may hold several roles. */
export const STAFF_ROLES = ['admin', 'officer', 'analyst', 'author', 'safeguarding_lead'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A member of staff. Sign-in is by e-mail (stored lower-cased) and password. */
export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    /** scrypt, with its salt and cost parameters (see apps/api/src/auth/passwords.ts). */
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    /** A disabled account cannot sign in and its sessions stop working. */
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' })
  },
  (t) => [index('staff_organisation').on(t.organisationId)]
);

export const staffRoles = sqliteTable(
  'staff_roles',
  {
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    role: text('role', { enum: STAFF_ROLES }).notNull()
  },
  (t) => [primaryKey({ columns: [t.staffId, t.role] })]
);

/**
 * A signed-in session. The id is the SHA-256 of the random token the browser
 * holds, so a copy of the database cannot be used to sign in.
 */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Absolute end, however active the session is. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** Idle sessions end a fixed time after this. */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [index('staff_sessions_staff').on(t.staffId), index('staff_sessions_expiry').on(t.expiresAt)]
);

/** An invitation to join an organisation; the id is the SHA-256 of the link's token. */
export const staffInvites = sqliteTable(
  'staff_invites',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    roles: text('roles', { mode: 'json' }).$type<StaffRole[]>().notNull(),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' })
  },
  (t) => [index('staff_invites_organisation').on(t.organisationId)]
);

/**
 * Failed sign-ins, for rate limiting. The key is a salted hash of the e-mail
 * or of the network address (never the address itself); rows are deleted
 * once they are older than the limiting window.
 */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    attemptedAt: integer('attempted_at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [index('login_attempts_key').on(t.key, t.attemptedAt), index('login_attempts_time').on(t.attemptedAt)]
);

/** Random values made once per installation and shared by every API node (e.g. the rate-limit salt). */
export const instanceSecrets = sqliteTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt()
});

/** Who did what, when, to what: sign-in, sign-out, invitations, role changes. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** null when no signed-in person did it (the admin command, a failed sign-in). */
    actorStaffId: text('actor_staff_id').references(() => staff.id),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt()
  },
  (t) => [index('audit_log_organisation').on(t.organisationId, t.createdAt)]
);

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

/** One row per free-text answer that has been coded, whatever themes it got. */
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
    needsReview: integer('needs_review', { mode: 'boolean' }).notNull()
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
  codedAt: integer('coded_at', { mode: 'timestamp_ms' }).notNull()
});

export const SAFEGUARDING_STATUSES = ['new', 'reviewed', 'referred', 'no_action'] as const;
export type SafeguardingStatus = (typeof SAFEGUARDING_STATUSES)[number];

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
    status: text('status', { enum: SAFEGUARDING_STATUSES }).notNull().default('new'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    updatedBy: text('updated_by').references(() => staff.id)
  },
  (t) => [uniqueIndex('safeguarding_flags_answer').on(t.responseId, t.questionId), index('safeguarding_flags_queue').on(t.organisationId, t.status, t.createdAt)]
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
