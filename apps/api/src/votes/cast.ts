// Casting a vote: the vote must be open and the podcast still in it; the
// checks the vote chose (a code, the browser's token, the network's
// threshold) are applied; the ballot is then written with others arriving at
// the same moment and acknowledged once stored. Nothing about the voter is
// kept but hashes: of the browser's token (for as long as the vote), of the
// network address with the vote's salt (only while its window lasts).
import type { Database } from '@safer-voices/db';
import type { BallotInput } from '@safer-voices/survey';
import { LRUCache } from 'lru-cache';
import { ApiError } from '../errors';
import { type BallotWriter, sha256 } from './ballot-writer';
import { findCode, formatReceipt } from './codes';
import { entriesOf, findVoteBySlug, stateOf, type VoteRow, voteNotFound } from './vote-store';

// A newspaper's link brings thousands of votes a minute to one vote: its row
// is read once a second, not per vote. Taking a podcast down shows at once on
// the page; a vote cast for it in that second is excluded with its others.
const recentVotes = new LRUCache<string, Promise<VoteRow | null>>({ max: 200, ttl: 1000 });

export function findVoteBySlugCached(db: Database, slug: string): Promise<VoteRow | null> {
  let found = recentVotes.get(slug);
  if (!found) {
    found = findVoteBySlug(db, slug);
    recentVotes.set(slug, found);
    found.catch(() => recentVotes.delete(slug));
  }
  return found;
}

const recentEntries = new LRUCache<string, Promise<Map<string, boolean>>>({ max: 200, ttl: 1000 });

/** The vote's podcasts, each with whether it has been taken down, read at most once a second. */
function entriesCached(db: Database, voteId: string): Promise<Map<string, boolean>> {
  let found = recentEntries.get(voteId);
  if (!found) {
    found = entriesOf(db, voteId).then((rows) => new Map(rows.map(({ entry }) => [entry.id, entry.takenDownAt !== null])));
    recentEntries.set(voteId, found);
    found.catch(() => recentEntries.delete(voteId));
  }
  return found;
}

/** After a takedown here: this node refuses votes for it at once (others within the second). */
export function forgetCachedEntries(voteId: string) {
  recentEntries.delete(voteId);
}

export function assertVoteOpen(vote: VoteRow) {
  const state = stateOf(vote);
  if (state === 'draft') throw voteNotFound();
  if (state === 'not_yet_open') throw new ApiError(409, 'vote_not_open', `This vote opens on ${londonTime(vote.opensAt)}`);
  if (state === 'closed') throw new ApiError(409, 'vote_closed', `This vote closed on ${londonTime(vote.closesAt)}; votes can no longer be cast`);
}

export const londonTime = (d: Date) => d.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export interface CastResult {
  receipt: string;
  status: 'counted' | 'held' | 'excluded';
  replayed: boolean;
  /**
   * The same submission again, naming another podcast (Back, another choice,
   * the same page's key): the first vote stands, and the voter must be told.
   */
  changed: boolean;
}

export async function castBallot(db: Database, ballots: BallotWriter, vote: VoteRow, input: BallotInput, networkAddress: string | null): Promise<CastResult> {
  assertVoteOpen(vote);
  const takenDown = (await entriesCached(db, vote.id)).get(input.entryId);
  if (takenDown === undefined) throw new ApiError(404, 'entry_not_found', 'There is no such podcast in this vote', [{ field: 'entryId', message: 'Choose one of the podcasts on the page' }]);
  if (takenDown) throw new ApiError(409, 'entry_taken_down', 'This podcast has been taken down and can no longer be voted for', [{ field: 'entryId', message: 'Choose another podcast' }]);

  let codeId: string | null = null;
  if (vote.requireCode) {
    if (!input.code) throw new ApiError(400, 'code_required', 'This vote needs a voting code', [{ field: 'code', message: 'Enter the voting code from your slip, like ABCD-EFGH' }]);
    const code = await findCode(db, vote.id, input.code);
    if (!code)
      throw new ApiError(400, 'code_unknown', 'That is not a voting code for this vote', [{ field: 'code', message: 'Check the code against your slip: it is 8 letters and numbers, like ABCD-EFGH' }]);
    codeId = code.id;
  }
  if (vote.browserToken && !input.browserToken) {
    throw new ApiError(400, 'browser_token_missing', 'This vote allows one vote per browser, and your browser did not send back the cookie that keeps count', [
      { field: 'browserToken', message: 'Allow cookies for this site and try again, or ask for a voting code' }
    ]);
  }
  const outcome = await ballots.write({
    voteId: vote.id,
    entryId: input.entryId,
    codeId,
    browserTokenHash: vote.browserToken && input.browserToken ? sha256(`${vote.id}|${input.browserToken}`) : null,
    idempotencyKeyHash: input.idempotencyKey ? sha256(`${vote.id}|${input.idempotencyKey}`) : null,
    networkHash: vote.networkThreshold !== null && networkAddress ? sha256(`${vote.networkSalt}|${networkAddress}`) : null,
    networkThreshold: vote.networkThreshold,
    networkWindowMinutes: vote.networkWindowMinutes
  });
  if (outcome.kind === 'refused') {
    if (outcome.reason === 'code_used')
      throw new ApiError(409, 'code_used', 'This voting code has already been used', [{ field: 'code', message: 'Each code counts once. Ask for another code if this one was not used by you' }]);
    throw new ApiError(409, 'already_voted', 'A vote has already been cast from this browser', [{ field: 'entryId', message: 'You can vote once' }]);
  }
  const status = outcome.status === 'held' || outcome.status === 'excluded' ? outcome.status : 'counted';
  const replayed = outcome.kind === 'replayed';
  return { receipt: formatReceipt(outcome.receipt), status, replayed, changed: replayed && outcome.entryId !== input.entryId };
}
