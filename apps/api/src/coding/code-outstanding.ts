// Coding on arrival. Submissions are acknowledged by the ingest path alone;
// this runs afterwards, in the background, and finds responses that have not
// been looked at yet (no coded_responses row).
import { codedResponses, type DatabaseHandle, responses } from '@safer-voices/db';
import type { Coder } from '@safer-voices/themes';
import { and, asc, gte, notExists, sql } from 'drizzle-orm';
import { storeCodingStatements } from './coding-statements';
import { freeTextAnswersOf } from './free-text-answers';
import { codeForOrganisations } from './organisation-coder';

export interface CodeOutstandingOptions {
  /** Responses per chunk. */
  limit?: number;
  /** One coder for every answer; by default each organisation's own (organisation-coder.ts). */
  coder?: Coder;
  /** Only look at response ids from here on (ids sort by time; see ingest/ids.ts). */
  sinceId?: string;
}

export interface CodedChunk {
  responses: number;
  answers: number;
  flagged: number;
}

/** Code one chunk of responses not coded yet; all of its writes commit together. */
export async function codeOutstanding(database: Pick<DatabaseHandle, 'db'>, { limit = 200, coder, sinceId = '' }: CodeOutstandingOptions = {}): Promise<CodedChunk> {
  const { db } = database;
  const rows = await db
    .select({ id: responses.id, versionId: responses.versionId, answers: responses.answers })
    .from(responses)
    .where(and(gte(responses.id, sinceId), notExists(db.select({ one: sql`1` }).from(codedResponses).where(sql`${codedResponses.responseId} = ${responses.id}`))))
    .orderBy(asc(responses.id))
    .limit(limit);
  if (rows.length === 0) return { responses: 0, answers: 0, flagged: 0 };
  const coded = await codeForOrganisations(db, await freeTextAnswersOf(db, rows), coder);
  const now = new Date();
  const marks = db
    .insert(codedResponses)
    .values(rows.map((r) => ({ responseId: r.id, codedAt: now })))
    .onConflictDoNothing();
  await db.batch([marks, ...storeCodingStatements(db, coded, now)]);
  return { responses: rows.length, answers: coded.length, flagged: coded.filter((a) => a.coding.safeguarding.flag).length };
}
