// Safeguarding leads clear answers for quoting in published reports. An
// answer ever flagged for safeguarding can be quoted only once cleared; the
// lead sees it in full in the safeguarding queue, so clearing is their
// judgement that the redacted words reveal nothing about the person or what
// they disclosed. Clearing again replaces the note and who cleared it.
import { type Database, questionnaires, questionnaireVersions, quoteClearances, responses, safeguardingFlags, staff } from '@safer-voices/db';
import type { QuoteClearanceInput } from '@safer-voices/survey';
import { and, desc, eq } from 'drizzle-orm';
import { ApiError } from '../errors';
import { reportAuditStatement } from './audit';

export interface ClearanceView {
  responseId: string;
  questionId: string;
  note: string;
  clearedBy: string;
  clearedAt: string;
  /** Whether the answer was flagged for safeguarding (clearing one that was not changes nothing but is allowed). */
  flagged: boolean;
}

export async function listClearances(db: Database, organisationId: string): Promise<ClearanceView[]> {
  const rows = await db
    .select({
      responseId: quoteClearances.responseId,
      questionId: quoteClearances.questionId,
      note: quoteClearances.note,
      clearedBy: staff.name,
      clearedAt: quoteClearances.clearedAt,
      flag: safeguardingFlags.id
    })
    .from(quoteClearances)
    .innerJoin(staff, eq(staff.id, quoteClearances.clearedBy))
    .leftJoin(safeguardingFlags, and(eq(safeguardingFlags.responseId, quoteClearances.responseId), eq(safeguardingFlags.questionId, quoteClearances.questionId)))
    .where(eq(quoteClearances.organisationId, organisationId))
    .orderBy(desc(quoteClearances.clearedAt));
  return rows.map((r) => ({ responseId: r.responseId, questionId: r.questionId, note: r.note, clearedBy: r.clearedBy, clearedAt: r.clearedAt.toISOString(), flagged: r.flag !== null }));
}

export async function clearQuote(db: Database, organisationId: string, staffId: string, input: QuoteClearanceInput): Promise<void> {
  const [answer] = await db
    .select({ answers: responses.answers })
    .from(responses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(responses.id, input.responseId), eq(questionnaires.organisationId, organisationId)));
  const text = (answer?.answers as Record<string, unknown> | undefined)?.[input.questionId];
  if (typeof text !== 'string') throw new ApiError(404, 'answer_not_found', 'There is no such answer in your organisation');
  const at = new Date();
  await db.batch([
    db
      .insert(quoteClearances)
      .values({ organisationId, responseId: input.responseId, questionId: input.questionId, clearedBy: staffId, clearedAt: at, note: input.note })
      .onConflictDoUpdate({ target: [quoteClearances.responseId, quoteClearances.questionId], set: { clearedBy: staffId, clearedAt: at, note: input.note } }),
    reportAuditStatement(db, {
      organisationId,
      actorStaffId: staffId,
      action: 'report.quote_cleared',
      target: { type: 'answer', id: `${input.responseId}/${input.questionId}` },
      detail: { questionId: input.questionId }
    })
  ]);
}
