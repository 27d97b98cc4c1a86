// Coding free-text answers and the writes that store the result: themes
// decided "yes" or "review", a coded marker per answer, and a safeguarding
// flag where the coder raises one. Writing the same coding twice leaves the
// same rows, so a chunk that is redone after a crash does no harm.
//
// @safer-voices/themes exports TypeScript source that imports parts of
// `natural` typed by that package's own declarations. Anything type checking
// the API (this app, and the web app that embeds it) reads that source too,
// so the declarations are referenced here, beside the import.
/// <reference path="../../../../packages/themes/src/natural-modules.d.ts" />
import { randomUUID } from 'node:crypto';
import { answerCodes, codedAnswers, type Database, safeguardingFlags } from '@safer-voices/db';
import { type Coder, type Coding, createCoder } from '@safer-voices/themes';
import { and, eq, or, sql } from 'drizzle-orm';
import type { FreeTextAnswer } from './free-text-answers';

let sharedCoder: Coder | undefined;

/** The default codebook's coder (made once per process), for organisations without a codebook or model of their own. */
export function currentCoder(): Coder {
  sharedCoder ??= createCoder();
  return sharedCoder;
}

export interface CodedAnswer extends FreeTextAnswer {
  coding: Coding;
}

export function codeAnswers(coder: Coder, answers: FreeTextAnswer[]): CodedAnswer[] {
  return answers.map((answer) => ({ ...answer, coding: coder.code(answer.text, { question: answer.questionLabel }) }));
}

// Well under SQLite's 32,766 bound values per statement.
const ROWS_PER_STATEMENT = 500;

function inChunks<T>(items: T[]): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += ROWS_PER_STATEMENT) chunks.push(items.slice(at, at + ROWS_PER_STATEMENT));
  return chunks;
}

/** Statements that replace these answers' codes with the new coding. */
export function storeCodingStatements(db: Database, coded: CodedAnswer[], now = new Date()) {
  const statements = [];
  for (const chunk of inChunks(coded)) {
    statements.push(
      db.delete(answerCodes).where(or(...chunk.map((a) => and(eq(answerCodes.responseId, a.responseId), eq(answerCodes.questionId, a.questionId)))))
    );
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
            needsReview: a.coding.review
          }))
        )
        .onConflictDoUpdate({
          target: [codedAnswers.responseId, codedAnswers.questionId],
          set: {
            codebookVersion: sql`excluded.codebook_version`,
            modelVersion: sql`excluded.model_version`,
            codedAt: sql`excluded.coded_at`,
            certainty: sql`excluded.certainty`,
            needsReview: sql`excluded.needs_review`
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
  // A flag, once raised, stays as the safeguarding lead left it: re-coding never resets or removes it.
  const flags = coded
    .filter((a) => a.coding.safeguarding.flag)
    .map((a) => ({
      id: randomUUID(),
      organisationId: a.organisationId,
      responseId: a.responseId,
      questionId: a.questionId,
      confidence: a.coding.safeguarding.confidence,
      evidence: a.coding.safeguarding.evidence,
      updatedAt: now
    }));
  for (const chunk of inChunks(flags)) statements.push(db.insert(safeguardingFlags).values(chunk).onConflictDoNothing());
  return statements;
}
