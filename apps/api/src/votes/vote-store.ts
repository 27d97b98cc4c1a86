// Votes and their entries as staff set them up. A vote is a draft until it
// is published; from then on how "one vote per person" is checked (codes,
// browser, network) is fixed, because changing it mid-vote would treat
// voters differently. Entries can be added and changed until publishing and
// taken down at any time.
import { randomBytes } from 'node:crypto';
import { type Database, isUniqueViolation, newId, voteAudio, voteBallots, voteEntries, votes } from '@safer-voices/db';
import type { EntryInput, VoteInput } from '@safer-voices/survey';
import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import { auditStatement } from '../auth/audit';
import { addressFrom } from '../store/addresses';
import { ApiError } from '../errors';

export type VoteRow = typeof votes.$inferSelect;
export type EntryRow = typeof voteEntries.$inferSelect;

export type VoteState = 'draft' | 'not_yet_open' | 'open' | 'closed';

export const voteNotFound = () => new ApiError(404, 'vote_not_found', 'There is no such vote');
export const entryNotFound = () => new ApiError(404, 'entry_not_found', 'There is no such podcast in this vote');

export function stateOf(vote: Pick<VoteRow, 'publishedAt' | 'opensAt' | 'closesAt'>, now = new Date()): VoteState {
  if (!vote.publishedAt) return 'draft';
  if (now < vote.opensAt) return 'not_yet_open';
  if (now >= vote.closesAt) return 'closed';
  return 'open';
}

/** An address from the title people can read out: "best-bystander-podcast-2027-4f2a". */
const slugFor = (title: string) => addressFrom(title, 'vote', { words: 40, randomHex: 4 });

export async function findVote(db: Database, id: string): Promise<VoteRow | null> {
  const [found] = await db.select().from(votes).where(eq(votes.id, id));
  return found ?? null;
}

export async function findVoteBySlug(db: Database, slug: string): Promise<VoteRow | null> {
  const [found] = await db.select().from(votes).where(eq(votes.slug, slug));
  return found ?? null;
}

export async function listVotes(db: Database, organisationId: string) {
  const rows = await db.select().from(votes).where(eq(votes.organisationId, organisationId)).orderBy(desc(votes.createdAt));
  const entryCounts = rows.length
    ? await db
        .select({ voteId: voteEntries.voteId, n: count() })
        .from(voteEntries)
        .where(
          inArray(
            voteEntries.voteId,
            rows.map((r) => r.id)
          )
        )
        .groupBy(voteEntries.voteId)
    : [];
  const entriesOf = new Map(entryCounts.map((r) => [r.voteId, r.n]));
  return rows.map((vote) => ({ ...summaryOf(vote), entries: entriesOf.get(vote.id) ?? 0 }));
}

export function summaryOf(vote: VoteRow) {
  return {
    id: vote.id,
    organisationId: vote.organisationId,
    slug: vote.slug,
    title: vote.title,
    introduction: vote.introduction,
    opensAt: vote.opensAt.toISOString(),
    closesAt: vote.closesAt.toISOString(),
    requireCode: vote.requireCode,
    browserToken: vote.browserToken,
    networkThreshold: vote.networkThreshold,
    networkWindowMinutes: vote.networkWindowMinutes,
    state: stateOf(vote),
    publishedAt: vote.publishedAt?.toISOString() ?? null,
    resultsPublishedAt: vote.resultsPublishedAt?.toISOString() ?? null
  };
}

export async function createVote(db: Database, organisationId: string, staffId: string, input: VoteInput): Promise<VoteRow> {
  for (let attempt = 0; ; attempt += 1) {
    const id = newId();
    try {
      await db.batch([
        db.insert(votes).values({ id, organisationId, slug: slugFor(input.title), ...input, networkSalt: randomBytes(16).toString('base64url'), createdBy: staffId }),
        auditStatement(db, { organisationId, actorStaffId: staffId, action: 'vote.created', target: { type: 'vote', id } })
      ]);
      const created = await findVote(db, id);
      if (!created) throw new Error('A vote just created could not be read back');
      return created;
    } catch (error) {
      // Two votes of the same title made at once can draw the same suffix: draw again.
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

const HOW_VOTES_ARE_CHECKED = ['requireCode', 'browserToken', 'networkThreshold', 'networkWindowMinutes'] as const;

export async function updateVote(db: Database, vote: VoteRow, staffId: string, input: VoteInput): Promise<void> {
  if (vote.publishedAt) {
    const changed = HOW_VOTES_ARE_CHECKED.filter((key) => input[key] !== vote[key]);
    if (changed.length > 0) {
      throw new ApiError(
        409,
        'vote_published',
        'How votes are checked cannot change once the vote is published: it would treat voters differently',
        changed.map((field) => ({ field, message: 'This cannot change once the vote is published' }))
      );
    }
    // A closed vote stays closed: its results may have been seen, and reopened they would become running totals.
    if (stateOf(vote) === 'closed' && input.closesAt.getTime() !== vote.closesAt.getTime()) {
      throw new ApiError(409, 'vote_closed', 'The vote has closed and cannot be reopened: make a new vote instead', [
        { field: 'closesAt', message: 'The vote has closed: its closing time cannot change' }
      ]);
    }
    if (input.opensAt.getTime() !== vote.opensAt.getTime() && stateOf(vote) !== 'not_yet_open') {
      throw new ApiError(409, 'vote_published', 'The vote has opened: its opening time cannot change', [{ field: 'opensAt', message: 'The vote has opened: this cannot change' }]);
    }
  }
  await db.batch([
    db.update(votes).set(input).where(eq(votes.id, vote.id)),
    auditStatement(db, { organisationId: vote.organisationId, actorStaffId: staffId, action: 'vote.changed', target: { type: 'vote', id: vote.id } })
  ]);
}

export async function entriesOf(db: Database, voteId: string) {
  return db
    .select({ entry: voteEntries, audio: { id: voteAudio.id, mediaType: voteAudio.mediaType, bytes: voteAudio.bytes, durationMs: voteAudio.durationMs, sha256: voteAudio.sha256 } })
    .from(voteEntries)
    .leftJoin(voteAudio, eq(voteAudio.id, voteEntries.audioId))
    .where(eq(voteEntries.voteId, voteId))
    .orderBy(asc(voteEntries.position), asc(voteEntries.createdAt));
}

export type EntryWithAudio = Awaited<ReturnType<typeof entriesOf>>[number];

export async function findEntry(db: Database, voteId: string, entryId: string): Promise<EntryWithAudio | null> {
  const [found] = (await entriesOf(db, voteId)).filter((e) => e.entry.id === entryId);
  return found ?? null;
}

/** What an officer sees of an entry: everything, including who confirmed consent. */
export function entryView({ entry, audio }: EntryWithAudio) {
  return {
    id: entry.id,
    title: entry.title,
    groupName: entry.groupName,
    firstNames: entry.firstNames,
    transcript: entry.transcript,
    hasCaptions: entry.captions !== null,
    audio: audio?.id ? { mediaType: audio.mediaType, bytes: audio.bytes, durationMs: audio.durationMs } : null,
    consentConfirmed: entry.consentConfirmedAt !== null,
    consentConfirmedAt: entry.consentConfirmedAt?.toISOString() ?? null,
    takenDown: entry.takenDownAt !== null,
    takenDownAt: entry.takenDownAt?.toISOString() ?? null,
    takedownReason: entry.takedownReason
  };
}

const notWhilePublished = () => new ApiError(409, 'vote_published', 'The vote is published: its podcasts cannot be added or changed now, only taken down');

export interface EntryChange {
  input: EntryInput;
  audioId?: string;
  /** undefined: keep the captions; null: remove them. */
  captions?: string | null;
}

export async function addEntry(db: Database, vote: VoteRow, staffId: string, change: EntryChange): Promise<string> {
  if (vote.publishedAt) throw notWhilePublished();
  const id = newId();
  const [last] = await db.select({ n: count() }).from(voteEntries).where(eq(voteEntries.voteId, vote.id));
  const { consentConfirmed, ...fields } = change.input;
  await db.batch([
    db.insert(voteEntries).values({
      id,
      voteId: vote.id,
      position: last?.n ?? 0,
      ...fields,
      audioId: change.audioId ?? null,
      captions: change.captions ?? null,
      consentConfirmedAt: consentConfirmed ? new Date() : null,
      consentConfirmedBy: consentConfirmed ? staffId : null
    }),
    auditStatement(db, { organisationId: vote.organisationId, actorStaffId: staffId, action: 'vote.entry_added', target: { type: 'vote_entry', id } })
  ]);
  return id;
}

export async function updateEntry(db: Database, vote: VoteRow, found: EntryWithAudio, staffId: string, change: EntryChange): Promise<void> {
  if (vote.publishedAt) throw notWhilePublished();
  const { consentConfirmed, ...fields } = change.input;
  const wasConfirmed = found.entry.consentConfirmedAt !== null;
  await db.batch([
    db
      .update(voteEntries)
      .set({
        ...fields,
        ...(change.audioId ? { audioId: change.audioId } : {}),
        ...(change.captions !== undefined ? { captions: change.captions } : {}),
        // Confirmed once stays as confirmed, by whom and when, until someone unticks it.
        ...(consentConfirmed && !wasConfirmed ? { consentConfirmedAt: new Date(), consentConfirmedBy: staffId } : {}),
        ...(!consentConfirmed ? { consentConfirmedAt: null, consentConfirmedBy: null } : {})
      })
      .where(eq(voteEntries.id, found.entry.id)),
    auditStatement(db, { organisationId: vote.organisationId, actorStaffId: staffId, action: 'vote.entry_changed', target: { type: 'vote_entry', id: found.entry.id } })
  ]);
}

/** At once, from a published vote too: it leaves the public page and its votes are excluded from the results, with the reason. */
export async function takeDownEntry(db: Database, vote: VoteRow, found: EntryWithAudio, staffId: string, reason: string): Promise<void> {
  if (found.entry.takenDownAt) throw new ApiError(409, 'already_taken_down', 'This podcast has already been taken down');
  await db.batch([
    db.update(voteEntries).set({ takenDownAt: new Date(), takenDownBy: staffId, takedownReason: reason }).where(eq(voteEntries.id, found.entry.id)),
    auditStatement(db, { organisationId: vote.organisationId, actorStaffId: staffId, action: 'vote.entry_taken_down', target: { type: 'vote_entry', id: found.entry.id }, detail: { reason } })
  ]);
}

/** What stops a vote being published, one line per problem (empty: it can be). */
export function publishProblems(entries: EntryWithAudio[]): { field: string; message: string }[] {
  const live = entries.filter((e) => !e.entry.takenDownAt);
  const problems: { field: string; message: string }[] = [];
  if (live.length < 2) problems.push({ field: 'entries', message: 'Add at least two podcasts to vote between' });
  for (const { entry, audio } of live) {
    const field = `entries.${entry.id}`;
    if (!audio?.id) problems.push({ field, message: `“${entry.title}” has no audio file` });
    if (!entry.transcript.trim()) problems.push({ field, message: `“${entry.title}” needs a transcript, so people who cannot hear it can read it` });
    if (!entry.consentConfirmedAt) problems.push({ field, message: `“${entry.title}”: confirm that parental consent is held` });
  }
  return problems;
}

export async function publishVote(db: Database, vote: VoteRow, staffId: string): Promise<void> {
  if (vote.publishedAt) throw new ApiError(409, 'already_published', 'This vote is already published');
  if (vote.closesAt.getTime() <= Date.now()) {
    throw new ApiError(409, 'closes_in_the_past', 'The vote’s closing time has passed: change it before publishing', [{ field: 'closesAt', message: 'Choose a closing time in the future' }]);
  }
  const problems = publishProblems(await entriesOf(db, vote.id));
  if (problems.length > 0) throw new ApiError(409, 'not_ready', 'The vote is not ready to publish', problems);
  await db.batch([
    db.update(votes).set({ publishedAt: new Date(), publishedBy: staffId }).where(eq(votes.id, vote.id)),
    auditStatement(db, { organisationId: vote.organisationId, actorStaffId: staffId, action: 'vote.published', target: { type: 'vote', id: vote.id } })
  ]);
}

/** How many votes have been cast, in all: staff see this while a vote is open, never a count per podcast. */
export async function ballotsCast(db: Database, voteId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(voteBallots).where(eq(voteBallots.voteId, voteId));
  return row?.n ?? 0;
}
