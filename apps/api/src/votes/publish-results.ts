// Results become public only when an officer publishes them, after the vote
// has closed and every held vote has been counted or excluded.
import { type Database, votes } from '@safer-voices/db';
import { eq } from 'drizzle-orm';
import { auditStatement } from '../auth/audit';
import { ApiError } from '../errors';
import { heldCount } from './results';
import { stateOf, type VoteRow } from './vote-store';

export async function publishResults(db: Database, vote: VoteRow, staffId: string): Promise<void> {
  if (vote.resultsPublishedAt) throw new ApiError(409, 'results_published', 'The results are already published');
  if (stateOf(vote) !== 'closed') throw new ApiError(409, 'vote_not_closed', 'Results can be published once the vote has closed');
  const held = await heldCount(db, vote.id);
  if (held > 0) {
    throw new ApiError(409, 'held_votes_waiting', `${held.toLocaleString('en-GB')} held ${held === 1 ? 'vote is' : 'votes are'} waiting for review: count or exclude them first`);
  }
  await db.batch([
    db.update(votes).set({ resultsPublishedAt: new Date(), resultsPublishedBy: staffId }).where(eq(votes.id, vote.id)),
    auditStatement(db, { organisationId: vote.organisationId, actorStaffId: staffId, action: 'vote.results_published', target: { type: 'vote', id: vote.id } })
  ]);
}
