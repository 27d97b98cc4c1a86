// Bystander podcast votes. Pupils' podcasts are the entries of a vote; the
// public votes once per person without accounts. Which checks make it "once"
// is chosen per vote (voting codes, a per-browser token, a soft threshold
// per network). Results stay hidden until the vote has closed and an officer
// publishes them.
//
// Audio is stored in the database, in chunks, so every API node can serve
// any range of it and a backup of the database holds everything.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { staff } from './staff';
import { organisations } from './surveys';

export const VOTE_AUDIO_TYPES = ['audio/mpeg', 'audio/mp4', 'audio/ogg'] as const;
export type VoteAudioType = (typeof VOTE_AUDIO_TYPES)[number];

/** counted: in the results; held: kept, waiting for an officer's review; excluded: kept out of the results, with a reason. */
export const BALLOT_STATUSES = ['counted', 'held', 'excluded'] as const;
export type BallotStatus = (typeof BALLOT_STATUSES)[number];

export const votes = sqliteTable(
  'votes',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Public address: /v/<slug>, unique across every organisation. */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    introduction: text('introduction').notNull().default(''),
    opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
    closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
    /** Each vote needs a voting code, usable once. */
    requireCode: integer('require_code', { mode: 'boolean' }).notNull().default(false),
    /** One vote per browser (an httpOnly cookie). */
    browserToken: integer('browser_token', { mode: 'boolean' }).notNull().default(true),
    /** Votes from one network within `networkWindowMinutes` beyond this many are held for review; null: no threshold. */
    networkThreshold: integer('network_threshold'),
    networkWindowMinutes: integer('network_window_minutes').notNull().default(10),
    /** Salt of the network addresses' hashes; never leaves the database. */
    networkSalt: text('network_salt').notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    publishedBy: text('published_by').references(() => staff.id),
    resultsPublishedAt: integer('results_published_at', { mode: 'timestamp_ms' }),
    resultsPublishedBy: text('results_published_by').references(() => staff.id),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('votes_slug').on(t.slug), index('votes_organisation').on(t.organisationId, t.createdAt)]
);

/** An uploaded podcast's audio: its type as read from its bytes, its length, and where its chunks are. */
export const voteAudio = sqliteTable('vote_audio', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id')
    .notNull()
    .references(() => organisations.id),
  mediaType: text('media_type', { enum: VOTE_AUDIO_TYPES }).notNull(),
  bytes: integer('bytes').notNull(),
  durationMs: integer('duration_ms'),
  chunkSize: integer('chunk_size').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: createdAt()
});

export const voteAudioChunks = sqliteTable(
  'vote_audio_chunks',
  {
    audioId: text('audio_id')
      .notNull()
      .references(() => voteAudio.id),
    seq: integer('seq').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull()
  },
  (t) => [primaryKey({ columns: [t.audioId, t.seq] })]
);

export const voteEntries = sqliteTable(
  'vote_entries',
  {
    id: text('id').primaryKey(),
    voteId: text('vote_id')
      .notNull()
      .references(() => votes.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** The school or group that made it. */
    groupName: text('group_name').notNull(),
    /** First names only, as the pupils agreed to be named. */
    firstNames: text('first_names').notNull().default(''),
    /** Required before the vote is published (WCAG 1.2.1). */
    transcript: text('transcript').notNull().default(''),
    /** WebVTT captions of a video version, if there is one. */
    captions: text('captions'),
    audioId: text('audio_id').references(() => voteAudio.id),
    /** Who confirmed that parental consent is held, and when. */
    consentConfirmedBy: text('consent_confirmed_by').references(() => staff.id),
    consentConfirmedAt: integer('consent_confirmed_at', { mode: 'timestamp_ms' }),
    takenDownAt: integer('taken_down_at', { mode: 'timestamp_ms' }),
    takenDownBy: text('taken_down_by').references(() => staff.id),
    takedownReason: text('takedown_reason'),
    createdAt: createdAt()
  },
  (t) => [index('vote_entries_vote').on(t.voteId, t.position)]
);

/** Voting codes made together, for one school, class or event. */
export const voteCodeBatches = sqliteTable(
  'vote_code_batches',
  {
    id: text('id').primaryKey(),
    voteId: text('vote_id')
      .notNull()
      .references(() => votes.id),
    /** The school, class or event; results by it are shown only from the suppression threshold up. */
    label: text('label').notNull(),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: createdAt()
  },
  (t) => [index('vote_code_batches_vote').on(t.voteId)]
);

/** A code is used once: a ballot names it, and ballots' code ids are unique. */
export const voteCodes = sqliteTable(
  'vote_codes',
  {
    id: text('id').primaryKey(),
    voteId: text('vote_id')
      .notNull()
      .references(() => votes.id),
    batchId: text('batch_id')
      .notNull()
      .references(() => voteCodeBatches.id),
    code: text('code').notNull()
  },
  (t) => [uniqueIndex('vote_codes_code').on(t.voteId, t.code), index('vote_codes_batch').on(t.batchId)]
);

export const voteBallots = sqliteTable(
  'vote_ballots',
  {
    id: text('id').primaryKey(),
    voteId: text('vote_id')
      .notNull()
      .references(() => votes.id),
    entryId: text('entry_id')
      .notNull()
      .references(() => voteEntries.id),
    /** Shown to the voter; checks the vote was counted and says nothing else. */
    receipt: text('receipt').notNull(),
    castAt: integer('cast_at', { mode: 'timestamp_ms' }).notNull(),
    codeId: text('code_id').references(() => voteCodes.id),
    /** sha256 of the browser's token, when the vote uses one. */
    browserTokenHash: text('browser_token_hash'),
    /** sha256 of the client's idempotency key: the same submission twice is one ballot. */
    idempotencyKeyHash: text('idempotency_key_hash'),
    status: text('status', { enum: BALLOT_STATUSES }).notNull(),
    /** Held votes from one network in one window share a random group (never derived from the address). */
    heldGroup: text('held_group'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    decidedBy: text('decided_by').references(() => staff.id),
    decisionReason: text('decision_reason')
  },
  // A ballot is written to each index it has a value for, and no other: a
  // vote without codes, or a ballot that is not held, costs the writer no
  // entry in those indexes (each entry is a random page written to the log).
  // A ballot with a code or a browser's token is found again by that (the
  // same submission twice is the stored one with the same key), so only a
  // ballot with neither needs its idempotency key indexed.
  (t) => [
    uniqueIndex('vote_ballots_receipt').on(t.receipt),
    uniqueIndex('vote_ballots_code').on(t.codeId).where(sql`${t.codeId} IS NOT NULL`),
    uniqueIndex('vote_ballots_browser').on(t.voteId, t.browserTokenHash).where(sql`${t.browserTokenHash} IS NOT NULL`),
    uniqueIndex('vote_ballots_idempotency').on(t.voteId, t.idempotencyKeyHash).where(sql`${t.idempotencyKeyHash} IS NOT NULL AND ${t.codeId} IS NULL AND ${t.browserTokenHash} IS NULL`),
    index('vote_ballots_vote').on(t.voteId, t.status, t.entryId),
    index('vote_ballots_held').on(t.voteId, t.heldGroup).where(sql`${t.heldGroup} IS NOT NULL`)
  ]
);

/**
 * Votes per network address (salted hash) per window, kept only while the
 * threshold needs them: rows are removed once their window has passed.
 */
export const voteNetworkWindows = sqliteTable(
  'vote_network_windows',
  {
    voteId: text('vote_id')
      .notNull()
      .references(() => votes.id),
    networkHash: text('network_hash').notNull(),
    windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
    votes: integer('votes').notNull().default(0),
    /** Random, so held votes can be reviewed together without keeping the address. */
    heldGroup: text('held_group').notNull().default(sql`(lower(hex(randomblob(8))))`)
  },
  (t) => [primaryKey({ columns: [t.voteId, t.networkHash, t.windowStart] }), index('vote_network_windows_start').on(t.windowStart)]
);

/** Attempts refused (a code used before, a browser that had voted), counted for the anomaly review. */
export const voteRefusals = sqliteTable(
  'vote_refusals',
  {
    voteId: text('vote_id')
      .notNull()
      .references(() => votes.id),
    reason: text('reason', { enum: ['code_used', 'browser_voted'] }).notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [index('vote_refusals_vote').on(t.voteId, t.at)]
);
