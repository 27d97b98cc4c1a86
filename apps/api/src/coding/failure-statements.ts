// The writes that record what could not be coded, so it is neither tried
// again in a loop nor lost: an answer the coder failed on (coded_answers with
// its `error`, no themes, first in the review queue), or a whole response
// that could not be read (coded_responses with its `error`). On a
// questionnaire for children or young people each also raises a safeguarding
// flag of the tier "unchecked": a person must read what no machine checked.
import { codedAnswers, codedResponses, type Database, newId, safeguardingFlags } from '@safer-voices/db';
import { sql } from 'drizzle-orm';
import type { FailedAnswer } from './code-answer';
import { inChunks } from './coding-statements';
import type { VersionFacts } from './free-text-answers';

interface UncheckedAnswer {
  organisationId: string;
  responseId: string;
  questionId: string;
}

/** "Needs a human look" flags; an answer already flagged keeps its flag as it is. */
export function uncheckedFlagStatements(db: Database, answers: UncheckedAnswer[], now: Date) {
  return inChunks(answers).map((chunk) =>
    db
      .insert(safeguardingFlags)
      .values(chunk.map((a) => ({ id: newId(), ...a, tier: 'unchecked' as const, confidence: 0, evidence: [], updatedAt: now })))
      .onConflictDoNothing()
  );
}

/**
 * Statements recording answers the coder failed on. An answer that already
 * has a coding keeps it (a re-coding that fails loses nothing); one that was
 * failing already gets the newer reason.
 */
export function storeFailureStatements(db: Database, failed: FailedAnswer[], now = new Date()) {
  const statements = inChunks(failed).map((chunk) =>
    db
      .insert(codedAnswers)
      .values(
        chunk.map((a) => ({
          responseId: a.responseId,
          questionId: a.questionId,
          codebookVersion: a.codebookVersion,
          modelVersion: a.modelVersion,
          codedAt: now,
          // Nothing is known, so it comes first in the review queue.
          certainty: 0,
          needsReview: true,
          error: a.error
        }))
      )
      .onConflictDoUpdate({
        target: [codedAnswers.responseId, codedAnswers.questionId],
        set: { error: sql`excluded.error`, codedAt: sql`excluded.coded_at`, codebookVersion: sql`excluded.codebook_version`, modelVersion: sql`excluded.model_version` },
        setWhere: sql`${codedAnswers.error} IS NOT NULL`
      })
  );
  const unchecked = failed.filter((a) => a.forChildren).map((a) => ({ organisationId: a.organisationId, responseId: a.responseId, questionId: a.questionId }));
  return [...statements, ...uncheckedFlagStatements(db, unchecked, now)];
}

/**
 * Marks responses as looked at by the coder; `error` says why one could not be
 * read. As a claim, the statement fails when another process has marked one
 * of them already, and with it the batch of that response's coding: each
 * response's coding is stored once, by the process that got there first.
 */
export function markResponsesStatement(db: Database, marks: { responseId: string; error?: string | null }[], now: Date, { claim = false } = {}) {
  const insert = db.insert(codedResponses).values(marks.map((m) => ({ responseId: m.responseId, codedAt: now, error: m.error ?? null })));
  return claim ? insert : insert.onConflictDoNothing();
}

/**
 * A response that could not be read: marked with the reason and, on a
 * questionnaire for children or young people, flagged for a person to read
 * (once, on its first free-text question, as its answers cannot be told apart).
 */
export function unreadableResponseStatements(db: Database, responseId: string, reason: string, facts: VersionFacts | undefined, now: Date) {
  const first = facts?.forChildren ? facts.freeTextQuestions[0] : undefined;
  const flags = facts && first ? uncheckedFlagStatements(db, [{ organisationId: facts.organisationId, responseId, questionId: first.id }], now) : [];
  return [markResponsesStatement(db, [{ responseId, error: reason }], now, { claim: true }), ...flags];
}
