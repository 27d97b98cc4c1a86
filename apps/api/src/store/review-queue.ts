// What the review queue reads: a questionnaire's coded answers that no analyst
// has decided yet, those the coder asks to have checked first, then the least
// certain first (active learning: the answers the model learns most from).
// Answers the coder could not code come first of all (certainty 0, asked to
// be checked), each with the reason, so an analyst gives them their themes.
import { codedAnswers, type Database, type EvidenceSpan, questionnaires, questionnaireVersions, responses, textOfJson } from '@safer-voices/db';
import { and, eq, sql } from 'drizzle-orm';
import { answerJson } from './answer-json';

/** Where an answer sits in the queue's order; the queue can carry on after it. */
export interface QueuePosition {
  needsReview: boolean;
  certainty: number;
  responseId: string;
  questionId: string;
}

export interface QueueRow extends QueuePosition {
  versionId: string;
  text: string;
  /** Why the coder could not code it; null when it did. */
  error: string | null;
}

interface RawRow {
  response_id: string;
  question_id: string;
  version_id: string;
  certainty: number;
  needs_review: number;
  error: string | null;
  text: unknown;
}

const answerText = answerJson(sql`r.answers`, sql`ca.question_id`);

/** The next undecided answers after `after` (or from the start), most in need of a look first. */
export async function queueRows(db: Database, questionnaireId: string, after: QueuePosition | null, limit: number): Promise<QueueRow[]> {
  // (1 − needs_review) ascending is "needs review" first; the row-value comparison continues after a position in exactly this order.
  const afterFilter = after
    ? sql`AND (1 - ca.needs_review, ca.certainty, ca.response_id, ca.question_id) > (${after.needsReview ? 0 : 1}, ${after.certainty}, ${after.responseId}, ${after.questionId})`
    : sql``;
  const rows = await db.all<RawRow>(sql`
    SELECT ca.response_id, ca.question_id, r.version_id, ca.certainty, ca.needs_review, ca.error, ${answerText} AS text
    FROM coded_answers ca
    JOIN responses r ON r.id = ca.response_id
    JOIN questionnaire_versions v ON v.id = r.version_id
    WHERE v.questionnaire_id = ${questionnaireId}
      AND NOT EXISTS (SELECT 1 FROM review_decisions rd WHERE rd.response_id = ca.response_id AND rd.question_id = ca.question_id)
      ${afterFilter}
    ORDER BY 1 - ca.needs_review, ca.certainty, ca.response_id, ca.question_id
    LIMIT ${limit}`);
  return rows.flatMap((r) => {
    const text = textOfJson(r.text);
    if (text === undefined) return [];
    return [
      {
        responseId: r.response_id,
        questionId: r.question_id,
        versionId: r.version_id,
        certainty: Number(r.certainty),
        needsReview: Number(r.needs_review) === 1,
        error: r.error ?? null,
        text
      }
    ];
  });
}

/**
 * How far a questionnaire's review has got. The queue is every coded answer
 * without a decision: first those the coder asked an analyst to check, then
 * the rest. `left` is made from its two parts here, and pages say the parts
 * as they are, so the numbers on a page always add up.
 */
export interface QueueCounts {
  /** Every coded answer without a decision: the whole queue (askedToCheck + notAskedToCheck). */
  left: number;
  /** Of those, the ones the coder asked an analyst to check (first in the queue). */
  askedToCheck: number;
  /** Of those, the ones the coder did not ask to have checked (after them, least certain first). */
  notAskedToCheck: number;
  decided: number;
  /** Undecided answers the coder could not code (first of all in the queue; part of askedToCheck). */
  couldNotBeCoded: number;
  /** Responses whose answers could not be read at all, so are in no queue. */
  unreadableResponses: number;
}

interface CountsRow {
  asked: number | null;
  not_asked: number | null;
  decided: number | null;
  failed: number | null;
  unreadable: number | null;
}

/** The counts from their parts: the one place the queue's length is worked out. */
export function countsOf(row: CountsRow | undefined): QueueCounts {
  const askedToCheck = Number(row?.asked ?? 0);
  const notAskedToCheck = Number(row?.not_asked ?? 0);
  return {
    left: askedToCheck + notAskedToCheck,
    askedToCheck,
    notAskedToCheck,
    decided: Number(row?.decided ?? 0),
    couldNotBeCoded: Number(row?.failed ?? 0),
    unreadableResponses: Number(row?.unreadable ?? 0)
  };
}

export async function queueCounts(db: Database, questionnaireId: string): Promise<QueueCounts> {
  const [row] = await db.all<CountsRow>(sql`
    SELECT sum(rd.response_id IS NULL AND ca.needs_review = 1) AS asked,
           sum(rd.response_id IS NULL AND ca.needs_review = 0) AS not_asked,
           sum(rd.response_id IS NOT NULL) AS decided,
           sum(rd.response_id IS NULL AND ca.error IS NOT NULL) AS failed,
           (SELECT count(*) FROM coded_responses cr JOIN responses r2 ON r2.id = cr.response_id JOIN questionnaire_versions v2 ON v2.id = r2.version_id
            WHERE v2.questionnaire_id = ${questionnaireId} AND cr.error IS NOT NULL) AS unreadable
    FROM coded_answers ca
    JOIN responses r ON r.id = ca.response_id
    JOIN questionnaire_versions v ON v.id = r.version_id
    LEFT JOIN review_decisions rd ON rd.response_id = ca.response_id AND rd.question_id = ca.question_id
    WHERE v.questionnaire_id = ${questionnaireId}`);
  return countsOf(row);
}

export interface StoredCode {
  responseId: string;
  questionId: string;
  themeId: string;
  decision: 'yes' | 'review';
  confidence: number;
  evidence: EvidenceSpan[];
}

/** The codes stored for some answers ("yes" and "review"; "no" is never stored). */
export async function storedCodesOf(db: Database, answers: readonly { responseId: string; questionId: string }[]): Promise<StoredCode[]> {
  if (answers.length === 0) return [];
  const rows = await db.all<{ response_id: string; question_id: string; theme_id: string; decision: 'yes' | 'review'; confidence: number; evidence: string }>(sql`
    SELECT response_id, question_id, theme_id, decision, confidence, evidence FROM answer_codes
    WHERE (response_id, question_id) IN (VALUES ${sql.join(
      answers.map((a) => sql`(${a.responseId}, ${a.questionId})`),
      sql`, `
    )})
    ORDER BY confidence DESC, theme_id`);
  return rows.map((r) => ({
    responseId: r.response_id,
    questionId: r.question_id,
    themeId: r.theme_id,
    decision: r.decision,
    confidence: Number(r.confidence),
    evidence: JSON.parse(r.evidence) as EvidenceSpan[]
  }));
}

export interface CodedAnswerFacts {
  responseId: string;
  questionId: string;
  versionId: string;
  questionnaireId: string;
  organisationId: string;
  text: string;
}

/** A coded free-text answer and whose it is; undefined when there is none. */
export async function findCodedAnswer(db: Database, responseId: string, questionId: string): Promise<CodedAnswerFacts | undefined> {
  const [row] = await db
    .select({
      versionId: responses.versionId,
      questionnaireId: questionnaireVersions.questionnaireId,
      organisationId: questionnaires.organisationId,
      text: answerJson(responses.answers, codedAnswers.questionId)
    })
    .from(codedAnswers)
    .innerJoin(responses, eq(responses.id, codedAnswers.responseId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(codedAnswers.responseId, responseId), eq(codedAnswers.questionId, questionId)));
  const text = textOfJson(row?.text);
  if (!row || text === undefined) return undefined;
  return { responseId, questionId, ...row, text };
}
