// The public side of a podcast vote, no sign-in: the vote and its podcasts
// (audio by ranges, transcripts, captions), casting a vote, checking a
// receipt, and the results once an officer has published them. No running
// total is reachable here: results answer 404 until published.
import { type Database, voteBallots, voteEntries } from '@safer-voices/db';
import { BallotInputSchema, normaliseVotingCode } from '@safer-voices/survey';
import { and, eq, isNotNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { limitBody } from '../body-limit';
import { clientAddress } from '../auth/client-address';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { validate } from '../validation';
import { audioResponse } from '../votes/audio/range';
import { findAudio } from '../votes/audio/store';
import { sha256 } from '../votes/ballot-writer';
import { castBallot, findVoteBySlugCached } from '../votes/cast';
import { formatReceipt } from '../votes/codes';
import { resultsOf, TAKEN_DOWN } from '../votes/results';
import { entriesOf, findEntry, findVoteBySlug, stateOf, type VoteRow, voteNotFound } from '../votes/vote-store';

const SlugParam = z.object({ slug: z.string().min(1).max(100) });
const EntryParam = SlugParam.extend({ entryId: z.string().min(1).max(100) });
const ReceiptParam = SlugParam.extend({ receipt: z.string().min(1).max(40) });
const DownloadQuery = z.object({ download: z.enum(['1']).optional() });
const BrowserInput = z.strictObject({ browserToken: z.string().min(16).max(200) });

const BALLOT_BODY_LIMIT = 4 * 1024;
const ballotLimit = limitBody(BALLOT_BODY_LIMIT, () => {
  throw new ApiError(413, 'body_too_large', 'The request body is larger than 4 KB');
});

/** A published vote; a draft is answered as if it did not exist. */
async function publishedVote(db: Database, slug: string): Promise<VoteRow> {
  const vote = await findVoteBySlug(db, slug);
  if (!vote?.publishedAt) throw voteNotFound();
  return vote;
}

async function liveEntry(db: Database, vote: VoteRow, entryId: string) {
  const found = await findEntry(db, vote.id, entryId);
  if (!found) throw new ApiError(404, 'entry_not_found', 'There is no such podcast in this vote');
  if (found.entry.takenDownAt) throw new ApiError(410, 'entry_taken_down', 'This podcast has been taken down');
  return found;
}

export const publicVotesRoute = new Hono<Env>()
  .get('/:slug', validate('param', SlugParam), async (c) => {
    const vote = await publishedVote(c.var.db, c.req.valid('param').slug);
    const entries = (await entriesOf(c.var.db, vote.id)).filter(({ entry }) => !entry.takenDownAt);
    return c.json({
      vote: {
        slug: vote.slug,
        title: vote.title,
        introduction: vote.introduction,
        opensAt: vote.opensAt.toISOString(),
        closesAt: vote.closesAt.toISOString(),
        state: stateOf(vote),
        requireCode: vote.requireCode,
        browserToken: vote.browserToken,
        resultsPublished: vote.resultsPublishedAt !== null,
        entries: entries.map(({ entry, audio }) => ({
          id: entry.id,
          title: entry.title,
          groupName: entry.groupName,
          firstNames: entry.firstNames,
          transcript: entry.transcript,
          hasCaptions: entry.captions !== null,
          audio: audio?.id ? { mediaType: audio.mediaType, bytes: audio.bytes, durationMs: audio.durationMs } : null
        }))
      }
    });
  })
  .on(['GET', 'HEAD'], '/:slug/entries/:entryId/audio', validate('param', EntryParam), validate('query', DownloadQuery), async (c) => {
    const { slug, entryId } = c.req.valid('param');
    const vote = await publishedVote(c.var.db, slug);
    const found = await liveEntry(c.var.db, vote, entryId);
    const audio = found.audio?.id ? await findAudio(c.var.db, found.audio.id) : null;
    if (!audio) throw new ApiError(404, 'audio_not_found', 'This podcast has no audio');
    return audioResponse(c.var.db, c.req.raw, audio, found.entry.title, { download: c.req.valid('query').download === '1' });
  })
  .get('/:slug/entries/:entryId/captions', validate('param', EntryParam), async (c) => {
    const { slug, entryId } = c.req.valid('param');
    const vote = await publishedVote(c.var.db, slug);
    const found = await liveEntry(c.var.db, vote, entryId);
    if (found.entry.captions === null) throw new ApiError(404, 'captions_not_found', 'This podcast has no captions');
    return c.body(found.entry.captions, 200, { 'content-type': 'text/vtt; charset=utf-8', 'cache-control': 'no-cache' });
  })
  .post('/:slug/ballots', validate('param', SlugParam), ballotLimit, validate('json', BallotInputSchema), async (c) => {
    const vote = await findVoteBySlugCached(c.var.db, c.req.valid('param').slug);
    if (!vote?.publishedAt) throw voteNotFound();
    const cast = await castBallot(c.var.db, c.var.ballots, vote, c.req.valid('json'), clientAddress(c));
    return c.json(cast, cast.replayed ? 200 : 201);
  })
  // Whether a vote was cast from this browser (the vote page's token, which only the browser holds): its page says
  // so above the form. Only what the ballot keeps already is read (the token's hash); nothing is stored.
  .post('/:slug/browser-voted', validate('param', SlugParam), ballotLimit, validate('json', BrowserInput), async (c) => {
    const vote = await findVoteBySlugCached(c.var.db, c.req.valid('param').slug);
    if (!vote?.publishedAt) throw voteNotFound();
    if (!vote.browserToken) return c.json({ voted: false });
    const [found] = await c.var.db
      .select({ id: voteBallots.id })
      .from(voteBallots)
      .where(and(eq(voteBallots.voteId, vote.id), eq(voteBallots.browserTokenHash, sha256(`${vote.id}|${c.req.valid('json').browserToken}`))))
      .limit(1);
    return c.json({ voted: found !== undefined });
  })
  // Says whether the vote with this receipt was counted; nothing about who cast it or for which podcast.
  .get('/:slug/receipts/:receipt', validate('param', ReceiptParam), async (c) => {
    const { slug, receipt } = c.req.valid('param');
    const vote = await publishedVote(c.var.db, slug);
    const [found] = await c.var.db
      .select({
        receipt: voteBallots.receipt,
        status: voteBallots.status,
        castAt: voteBallots.castAt,
        reason: voteBallots.decisionReason,
        takenDown: isNotNull(voteEntries.takenDownAt)
      })
      .from(voteBallots)
      .innerJoin(voteEntries, eq(voteEntries.id, voteBallots.entryId))
      .where(and(eq(voteBallots.voteId, vote.id), eq(voteBallots.receipt, normaliseVotingCode(receipt))));
    if (!found)
      throw new ApiError(404, 'receipt_not_found', 'There is no vote with this receipt code in this vote', [
        { field: 'receipt', message: 'Check the code: it is 10 letters and numbers, like ABCDE-FGHJK' }
      ]);
    // A vote for a podcast since taken down is not counted, as the results say; the receipt says so too.
    const status = found.takenDown && found.status !== 'excluded' ? 'excluded' : found.status;
    return c.json({
      receipt: formatReceipt(found.receipt),
      status,
      castOn: found.castAt.toISOString().slice(0, 10),
      reason: status !== 'excluded' ? null : found.status === 'excluded' ? found.reason : TAKEN_DOWN
    });
  })
  .get('/:slug/results', validate('param', SlugParam), async (c) => {
    const vote = await publishedVote(c.var.db, c.req.valid('param').slug);
    // Published results of a vote that is somehow open again would be running totals: never shown.
    if (!vote.resultsPublishedAt || stateOf(vote) !== 'closed') throw new ApiError(404, 'results_not_published', 'The results of this vote have not been published');
    return c.json({ results: await resultsOf(c.var.db, vote, await entriesOf(c.var.db, vote.id)), publishedAt: vote.resultsPublishedAt.toISOString() });
  });
