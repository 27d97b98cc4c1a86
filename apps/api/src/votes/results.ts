// A closed vote's results: votes per podcast, what was excluded and why, and
// votes by school (the label of the voting codes' batch), shown only from the
// organisation's suppression threshold up. Held votes not yet reviewed are
// counted apart: results cannot be published while any are left.
import { type Database, voteBallots, voteCodeBatches, voteCodes } from '@safer-voices/db';
import { suppress } from '@safer-voices/insights';
import { and, count, eq } from 'drizzle-orm';
import { settingsOf } from '../store/organisation-settings';
import type { EntryWithAudio, VoteRow } from './vote-store';

export interface VoteResults {
  entries: { id: string; title: string; groupName: string; votes: number; takenDown: boolean }[];
  counted: number;
  /** Held votes still waiting for review. */
  awaitingReview: number;
  excluded: { reason: string; votes: number }[];
  bySchool: {
    threshold: number;
    /** The podcasts of each school's `votes`, in order. */
    entryIds: string[];
    schools: { label: string; total: number | null; votes: (number | null)[] }[];
    /** Votes cast without a code, which have no school. */
    withoutCode: number;
    /** True when schools had votes but none can be shown: a withheld figure could be worked out from the public totals. */
    notShown: boolean;
  };
}

/** Why votes for a podcast taken down are not counted: in the results and on their receipts. */
export const TAKEN_DOWN = 'The podcast was taken down';

export async function resultsOf(db: Database, vote: VoteRow, entries: EntryWithAudio[]): Promise<VoteResults> {
  const rows = await db
    .select({ entryId: voteBallots.entryId, status: voteBallots.status, reason: voteBallots.decisionReason, school: voteCodeBatches.label, n: count() })
    .from(voteBallots)
    .leftJoin(voteCodes, eq(voteCodes.id, voteBallots.codeId))
    .leftJoin(voteCodeBatches, eq(voteCodeBatches.id, voteCodes.batchId))
    .where(eq(voteBallots.voteId, vote.id))
    .groupBy(voteBallots.entryId, voteBallots.status, voteBallots.decisionReason, voteCodeBatches.label);

  const live = new Map(entries.map(({ entry }) => [entry.id, entry]));
  const takenDown = new Set(entries.filter(({ entry }) => entry.takenDownAt).map(({ entry }) => entry.id));
  const perEntry = new Map<string, number>();
  const excluded = new Map<string, number>();
  const perSchool = new Map<string, Map<string, number>>();
  let awaitingReview = 0;
  let withoutCode = 0;
  for (const row of rows) {
    if (row.status === 'held') {
      awaitingReview += row.n;
      continue;
    }
    const reason = row.status === 'excluded' ? (row.reason ?? 'Excluded on review') : takenDown.has(row.entryId) ? TAKEN_DOWN : null;
    if (reason) {
      excluded.set(reason, (excluded.get(reason) ?? 0) + row.n);
      continue;
    }
    perEntry.set(row.entryId, (perEntry.get(row.entryId) ?? 0) + row.n);
    if (row.school === null) withoutCode += row.n;
    else {
      const school = perSchool.get(row.school) ?? new Map<string, number>();
      school.set(row.entryId, (school.get(row.entryId) ?? 0) + row.n);
      perSchool.set(row.school, school);
    }
  }

  const shownEntries = [...live.values()].filter((e) => !e.takenDownAt);
  const { suppressionThreshold } = await settingsOf(db, vote.organisationId);
  const labels = [...perSchool.keys()].sort((a, b) => a.localeCompare(b));
  const table = labels.map((label) => shownEntries.map((e) => perSchool.get(label)?.get(e.id) ?? 0));
  const protectedTable = labels.length > 0 && shownEntries.length > 0 ? suppress(table, { threshold: suppressionThreshold }) : null;

  const schools = labels.map((label, i) => ({
    label,
    total: protectedTable?.rowTotals[i]?.count ?? null,
    votes: protectedTable?.cells[i]?.map((cell) => cell.count) ?? []
  }));

  return {
    entries: [...live.values()].map((e) => ({ id: e.id, title: e.title, groupName: e.groupName, votes: takenDown.has(e.id) ? 0 : (perEntry.get(e.id) ?? 0), takenDown: takenDown.has(e.id) })),
    counted: [...perEntry.values()].reduce((s, n) => s + n, 0),
    awaitingReview,
    excluded: [...excluded].map(([reason, votes]) => ({ reason, votes })).sort((a, b) => b.votes - a.votes),
    bySchool: {
      threshold: suppressionThreshold,
      entryIds: shownEntries.map((e) => e.id),
      // Not even the schools' names: with one school, "withheld" beside its name next to the totals would say it all.
      schools: recoverable(schools) ? [] : schools,
      notShown: recoverable(schools),
      withoutCode
    }
  };
}

/**
 * Whether a withheld school figure could be worked out from what results
 * publish anyway: each podcast's votes and those cast without a code are
 * shown, so a podcast's schools add up to a known number (exactly, when all
 * had codes), as do the schools' totals. One withheld figure in such a sum
 * is that number less the others; then the table is not shown at all
 * (with one school, its row is the podcasts' totals).
 */
function recoverable(schools: { total: number | null; votes: (number | null)[] }[]): boolean {
  const alone = (figures: (number | null)[]) => figures.filter((n) => n === null).length === 1;
  const columns = schools[0]?.votes.map((_, c) => schools.map((school) => school.votes[c] ?? null)) ?? [];
  return alone(schools.map((school) => school.total)) || columns.some(alone);
}

export async function heldCount(db: Database, voteId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(voteBallots)
    .where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.status, 'held')));
  return row?.n ?? 0;
}
