// The writes that store coded answers: themes decided "yes" or "review", a
// coded marker per answer, and a safeguarding flag (with its tier) where the
// coder raises one. Writing the same coding twice leaves the same rows, so a
// chunk that is redone after a crash does no harm.
import { answerCodes, codedAnswers, type Database, newId, safeguardingFlags } from '@safer-voices/db';
import { type AnyColumn, and, eq, isNotNull, or, sql } from 'drizzle-orm';
import { answerFlagTier, type CodedAnswer } from './code-answer';

export { type CodedAnswer, codeAnswers, currentCoder } from './code-answer';

// Well under SQLite's 32,766 bound values per statement.
const ROWS_PER_STATEMENT = 500;

export function inChunks<T>(items: T[]): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += ROWS_PER_STATEMENT) chunks.push(items.slice(at, at + ROWS_PER_STATEMENT));
  return chunks;
}

const sameAnswer = (columns: { responseId: AnyColumn; questionId: AnyColumn }, chunk: { responseId: string; questionId: string }[]) =>
  or(...chunk.map((a) => and(eq(columns.responseId, a.responseId), eq(columns.questionId, a.questionId))));

/** Statements that replace these answers' codes with the new coding. */
export function storeCodingStatements(db: Database, coded: CodedAnswer[], now = new Date()) {
  const statements = [];
  for (const chunk of inChunks(coded)) {
    statements.push(db.delete(answerCodes).where(sameAnswer(answerCodes, chunk)));
    // An answer that could not be coded before gets a new row rather than an
    // update, so readers that follow coded_answers by rowid (the explorer) see it coded.
    statements.push(db.delete(codedAnswers).where(and(isNotNull(codedAnswers.error), sameAnswer(codedAnswers, chunk))));
    statements.push(
      db
        .insert(codedAnswers)
        .values(
          chunk.map((a) => ({
            responseId: a.responseId,
            questionId: a.questionId,
            codebookVersion: a.coding.codebookVersion,
            modelVersion: a.coding.modelVersion,
            codedAt: now,
            certainty: a.coding.certainty,
            needsReview: a.coding.review,
            error: null
          }))
        )
        .onConflictDoUpdate({
          target: [codedAnswers.responseId, codedAnswers.questionId],
          set: {
            codebookVersion: sql`excluded.codebook_version`,
            modelVersion: sql`excluded.model_version`,
            codedAt: sql`excluded.coded_at`,
            certainty: sql`excluded.certainty`,
            needsReview: sql`excluded.needs_review`,
            error: sql`excluded.error`
          }
        })
    );
  }
  const codes = coded.flatMap((a) =>
    a.coding.themes
      .filter((theme) => theme.decision !== 'no')
      .map((theme) => ({
        responseId: a.responseId,
        questionId: a.questionId,
        themeId: theme.id,
        confidence: theme.confidence,
        decision: theme.decision,
        evidence: theme.evidence,
        codebookVersion: a.coding.codebookVersion,
        modelVersion: a.coding.modelVersion,
        codedAt: now
      }))
  );
  for (const chunk of inChunks(codes)) statements.push(db.insert(answerCodes).values(chunk));
  const flags = coded.flatMap((a) => {
    const tier = answerFlagTier(a);
    if (!tier) return [];
    return [
      {
        id: newId(),
        organisationId: a.organisationId,
        responseId: a.responseId,
        questionId: a.questionId,
        tier,
        confidence: a.coding.safeguarding.confidence,
        evidence: a.coding.safeguarding.evidence,
        updatedAt: now
      }
    ];
  });
  // A flag, once raised, stays as the safeguarding lead left it: re-coding
  // never resets or removes it. Only a flag raised because the answer could
  // not be checked takes the tier and words of the check that now worked.
  for (const chunk of inChunks(flags)) {
    statements.push(
      db
        .insert(safeguardingFlags)
        .values(chunk)
        .onConflictDoUpdate({
          target: [safeguardingFlags.responseId, safeguardingFlags.questionId],
          set: { tier: sql`excluded.tier`, confidence: sql`excluded.confidence`, evidence: sql`excluded.evidence` },
          setWhere: sql`${safeguardingFlags.tier} = 'unchecked'`
        })
    );
  }
  return statements;
}
