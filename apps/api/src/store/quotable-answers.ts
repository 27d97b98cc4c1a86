// The one rule for quoting an answer anywhere outside the safeguarding queue
// (the explorer's quotes, the quotes a report's author may choose, reports
// and their exports): an answer ever flagged for safeguarding is not shown
// as a quote until a safeguarding lead has cleared it for quoting
// (reports/clearances.ts). A flag's status does not clear it: "reviewed",
// "referred" or "no action" say what was done about the disclosure, not that
// its words may be read by others; and a flag is never removed.
import { type Database, quoteClearances, safeguardingFlags } from '@safer-voices/db';
import { inArray } from 'drizzle-orm';

export interface AnswerRef {
  responseId: string;
  questionId: string;
}

export const answerKey = (a: AnswerRef) => `${a.responseId}\n${a.questionId}`;

/** Rows fetched per query: well under SQLite's limit on bound values. */
const CHUNK = 500;

/**
 * The keys (`answerKey`) of those of `answers` that may not be quoted:
 * flagged for safeguarding and not cleared for quoting by a safeguarding lead.
 */
export async function answersNotQuotable(db: Database, answers: readonly AnswerRef[]): Promise<Set<string>> {
  const blocked = new Set<string>();
  const ids = [...new Set(answers.map((a) => a.responseId))];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [flags, clearances] = await Promise.all([
      db.select({ responseId: safeguardingFlags.responseId, questionId: safeguardingFlags.questionId }).from(safeguardingFlags).where(inArray(safeguardingFlags.responseId, chunk)),
      db.select({ responseId: quoteClearances.responseId, questionId: quoteClearances.questionId }).from(quoteClearances).where(inArray(quoteClearances.responseId, chunk))
    ]);
    const cleared = new Set(clearances.map(answerKey));
    for (const flag of flags) {
      const key = answerKey(flag);
      if (!cleared.has(key)) blocked.add(key);
    }
  }
  return blocked;
}

/** Whether an answer may be shown as a quote, given `answersNotQuotable` of a set it belongs to. */
export const quotable = (notQuotable: ReadonlySet<string>, answer: AnswerRef) => !notQuotable.has(answerKey(answer));
