// Coding on arrival. Submissions are acknowledged by the ingest path alone;
// this runs afterwards, in the background, and finds responses that have not
// been looked at yet (no coded_responses row).
//
// Nothing in one response can stop the others being coded: each answer is
// coded on its own (code-answer.ts), a response that cannot be read is marked
// with the reason, and when the chunk's writes fail together its responses
// are written one at a time (write-one-by-one.ts).
//
// With several API nodes, two coders can read the same responses as not
// looked at yet. Each response's marker is written as a claim, so only the
// first to store a response stores its coding; the other drops that response
// and stores the rest of its chunk.
import { codedResponses, type DatabaseHandle } from '@safer-voices/db';
import type { Coder } from '@safer-voices/themes';
import { inArray, sql } from 'drizzle-orm';
import { type AnswerOutcome, answerFlagTier, byResponse, failedWith, isCoded, isFailed } from './code-answer';
import { inChunks, storeCodingStatements } from './coding-statements';
import { markResponsesStatement, storeFailureStatements, unreadableResponseStatements } from './failure-statements';
import { type ResponseReading, readResponses, type StoredResponseRow, unreadable } from './free-text-answers';
import { codeForOrganisations } from './organisation-coder';
import { batch, type ResponseWrite, type Statement, writeOneByOne } from './write-one-by-one';

export interface CodeOutstandingOptions {
  /** Responses per chunk. */
  limit?: number;
  /** One coder for every answer; by default each organisation's own (organisation-coder.ts). */
  coder?: Coder;
  /** Only look at response ids from here on (ids sort by time; see packages/db/src/ids.ts). */
  sinceId?: string;
  /**
   * Only responses to surveys (not rows imported into a collection) submitted
   * from this time (ms) on: what a pupil or resident has just sent is read
   * for disclosures before an imported file's backlog, however large.
   */
  surveysSubmittedSince?: number;
}

export interface CodedChunk {
  responses: number;
  /** Free-text answers coded. */
  answers: number;
  /** Safeguarding flags raised, of any tier. */
  flagged: number;
  /** Answers and responses stored as could not be coded. */
  failed: number;
  /** Responses another process stored first, so this one dropped its coding of them. */
  storedElsewhere: number;
  /** The last response id of the chunk (ids sort by time), or null when there was none. */
  lastId: string | null;
}

/** The oldest responses not looked at yet, with their answers as stored text (parsed one by one later). */
function outstanding(db: DatabaseHandle['db'], { sinceId = '', surveysSubmittedSince, limit }: CodeOutstandingOptions & { limit: number }): Promise<StoredResponseRow[]> {
  if (surveysSubmittedSince !== undefined) {
    // By the (version, submitted) index: only the surveys' recent responses are read, not an import's rows.
    return db.all<StoredResponseRow>(sql`
      SELECT r.id AS id, r.version_id AS versionId, r.answers AS answers FROM responses r
      WHERE r.version_id IN (SELECT v.id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id WHERE q.kind = 'survey')
        AND r.submitted_at >= ${surveysSubmittedSince}
        AND NOT EXISTS (SELECT 1 FROM coded_responses c WHERE c.response_id = r.id)
      ORDER BY r.id LIMIT ${limit}`);
  }
  return db.all<StoredResponseRow>(sql`
    SELECT r.id AS id, r.version_id AS versionId, r.answers AS answers FROM responses r
    WHERE r.id >= ${sinceId} AND NOT EXISTS (SELECT 1 FROM coded_responses c WHERE c.response_id = r.id)
    ORDER BY r.id LIMIT ${limit}`);
}

/** The writes of one response: its marker, its codes and flags, and what could not be coded. */
function writesOf(db: DatabaseHandle['db'], reading: ResponseReading, outcomes: AnswerOutcome[], now: Date): ResponseWrite {
  const { responseId } = reading;
  if (unreadable(reading)) {
    const store = unreadableResponseStatements(db, responseId, reading.error, reading.facts, now);
    return { responseId, store, storeFailure: () => [markResponsesStatement(db, [{ responseId, error: reading.error }], now, { claim: true })] };
  }
  const coded = outcomes.filter(isCoded);
  const failed = outcomes.filter(isFailed);
  const store: Statement[] = [markResponsesStatement(db, [{ responseId }], now, { claim: true }), ...storeCodingStatements(db, coded, now), ...storeFailureStatements(db, failed, now)];
  const storeFailure = (reason: string): Statement[] => [
    // With free text, the reason goes on each answer; without, on the response.
    markResponsesStatement(db, [{ responseId, error: outcomes.length === 0 ? reason : null }], now, { claim: true }),
    ...storeFailureStatements(
      db,
      outcomes.map((o) => failedWith(o, reason)),
      now
    )
  ];
  return { responseId, store, storeFailure };
}

/** Which of these responses have been marked as looked at. */
async function marked(db: DatabaseHandle['db'], responseIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of inChunks(responseIds)) {
    const rows = await db.select({ id: codedResponses.responseId }).from(codedResponses).where(inArray(codedResponses.responseId, chunk));
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/**
 * Store the chunk's writes together. When the batch fails because another
 * process stored some of these responses first, it is tried again without
 * them; when it fails otherwise, response by response. Returns how many
 * responses were left to the other process.
 */
async function storeChunk(db: DatabaseHandle['db'], writes: ResponseWrite[]): Promise<number> {
  let left = writes;
  while (left.length > 0) {
    try {
      await batch(
        db,
        left.flatMap((w) => w.store)
      );
      break;
    } catch (error) {
      const taken = await marked(
        db,
        left.map((w) => w.responseId)
      );
      if (taken.size === 0) {
        console.error(`Storing the coding of ${left.length} responses failed; storing them one at a time`, error);
        await writeOneByOne(db, left);
        break;
      }
      left = left.filter((w) => !taken.has(w.responseId));
    }
  }
  return writes.length - left.length;
}

/** Code one chunk of responses not coded yet; its writes commit together (or, if they cannot, response by response). */
export async function codeOutstanding(database: Pick<DatabaseHandle, 'db'>, { limit = 200, coder, sinceId = '', surveysSubmittedSince }: CodeOutstandingOptions = {}): Promise<CodedChunk> {
  const { db } = database;
  const rows = await outstanding(db, { sinceId, surveysSubmittedSince, limit });
  if (rows.length === 0) return { responses: 0, answers: 0, flagged: 0, failed: 0, storedElsewhere: 0, lastId: null };
  const readings = await readResponses(db, rows);
  const outcomes = await codeForOrganisations(
    db,
    readings.flatMap((r) => (unreadable(r) ? [] : r.answers)),
    coder
  );
  const now = new Date();
  const outcomesOf = byResponse(outcomes);
  const writes = readings.map((reading) => writesOf(db, reading, outcomesOf.get(reading.responseId) ?? [], now));
  const storedElsewhere = await storeChunk(db, writes);
  const failed = outcomes.filter(isFailed);
  const unreadableResponses = readings.filter(unreadable).length;
  if (failed.length + unreadableResponses > 0) console.error(`${failed.length} answers and ${unreadableResponses} responses could not be coded; each is stored with the reason`);
  const raised = outcomes.filter((o) => (isFailed(o) ? o.forChildren : answerFlagTier(o) !== null));
  return { responses: rows.length, answers: outcomes.length - failed.length, flagged: raised.length, failed: failed.length + unreadableResponses, storedElsewhere, lastId: rows.at(-1)?.id ?? null };
}
