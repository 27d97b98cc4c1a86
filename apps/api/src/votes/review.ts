// What an officer checks before publishing results: votes held because many
// came from one network in a short time (decided together, a group at a
// time, with a reason), attempts refused because a code or browser had
// voted, and minutes with far more votes than usual.
import { type Database, voteBallots, voteRefusals } from '@safer-voices/db';
import { and, count, eq, isNotNull, max, min, sql } from 'drizzle-orm';
import { auditStatement } from '../auth/audit';
import { ApiError } from '../errors';
import type { VoteRow } from './vote-store';

/** A minute is a burst when it has at least this many votes… */
const BURST_FLOOR = 20;
/** …and this many times the median of the minutes that had any. */
const BURST_FACTOR = 5;

export async function reviewOf(db: Database, vote: VoteRow, now = new Date()) {
  const groups = await db
    .select({ group: voteBallots.heldGroup, status: voteBallots.status, reason: voteBallots.decisionReason, votes: count(), firstAt: min(voteBallots.castAt), lastAt: max(voteBallots.castAt) })
    .from(voteBallots)
    .where(and(eq(voteBallots.voteId, vote.id), isNotNull(voteBallots.heldGroup)))
    .groupBy(voteBallots.heldGroup, voteBallots.status, voteBallots.decisionReason);
  const refusals = await db.select({ reason: voteRefusals.reason, n: count() }).from(voteRefusals).where(eq(voteRefusals.voteId, vote.id)).groupBy(voteRefusals.reason);
  const minutes = await db
    .select({ minute: sql<number>`${voteBallots.castAt} / 60000`.mapWith(Number), votes: count() })
    .from(voteBallots)
    .where(eq(voteBallots.voteId, vote.id))
    .groupBy(sql`${voteBallots.castAt} / 60000`);
  const sorted = minutes.map((m) => m.votes).sort((a, b) => a - b);
  const median = sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) : 0;
  const bursts = minutes
    .filter((m) => m.votes >= BURST_FLOOR && m.votes >= BURST_FACTOR * median)
    .map((m) => ({ at: new Date(m.minute * 60_000).toISOString(), votes: m.votes }))
    .sort((a, b) => a.at.localeCompare(b.at));
  const asTime = (v: unknown) => (v === null || v === undefined ? null : new Date(v instanceof Date ? v.getTime() : Number(v)).toISOString());
  return {
    held: groups
      .filter((g) => g.status === 'held')
      .map((g) => ({ group: String(g.group), votes: g.votes, firstAt: asTime(g.firstAt), lastAt: asTime(g.lastAt) }))
      .sort((a, b) => String(a.firstAt).localeCompare(String(b.firstAt))),
    decided: groups
      .filter((g) => g.status !== 'held')
      .map((g) => ({ group: String(g.group), votes: g.votes, decision: g.status === 'excluded' ? ('exclude' as const) : ('count' as const), reason: g.reason ?? '', firstAt: asTime(g.firstAt) })),
    /** How many votes one network may cast in a window before the rest are held; null: no threshold. */
    threshold: vote.networkThreshold === null ? null : { votes: vote.networkThreshold, minutes: vote.networkWindowMinutes },
    refused: {
      codeUsed: refusals.find((r) => r.reason === 'code_used')?.n ?? 0,
      browserVoted: refusals.find((r) => r.reason === 'browser_voted')?.n ?? 0
    },
    bursts,
    medianPerMinute: median,
    checkedAt: now.toISOString()
  };
}

const noHeldGroup = () => new ApiError(404, 'held_group_not_found', 'There are no held votes in this group: they may have been decided already');

/** Count or exclude every held vote of one group, with the officer's reason. */
export async function decideHeldGroup(db: Database, vote: VoteRow, group: string, decision: 'count' | 'exclude', reason: string, staffId: string): Promise<number> {
  const heldInGroup = and(eq(voteBallots.voteId, vote.id), eq(voteBallots.heldGroup, group), eq(voteBallots.status, 'held'));
  const [waiting] = await db.select({ n: count() }).from(voteBallots).where(heldInGroup);
  if (!waiting?.n) throw noHeldGroup();
  const [result] = await db.batch([
    db
      .update(voteBallots)
      .set({ status: decision === 'count' ? 'counted' : 'excluded', decidedAt: new Date(), decidedBy: staffId, decisionReason: reason })
      .where(heldInGroup)
      .returning({ id: voteBallots.id }),
    auditStatement(db, { organisationId: vote.organisationId, actorStaffId: staffId, action: 'vote.held_decided', target: { type: 'vote', id: vote.id }, detail: { group, decision, reason } })
  ]);
  return result.length;
}
