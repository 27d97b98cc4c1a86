// Coding one free-text answer, so that nothing about one answer can stop
// another being coded: whatever the coder does with it (throws, or hands back
// something unusable), the answer comes out either coded or "could not be
// coded" with the reason, and the caller carries on with the next.
import type { SafeguardingFlagTier } from '@safer-voices/db';
import { type Coder, type Coding, createCoder, detectorCanRead, type SafeguardingCode, type Writer } from '@safer-voices/themes';
import type { FreeTextAnswer } from './free-text-answers';

/**
 * Who wrote the answer, as the disclosure detector weighs it: "when i was 12"
 * from a pupil is recent enough to look at, from an adult it is their childhood.
 */
function writerOf(answer: FreeTextAnswer): Writer {
  if (answer.forChildren === undefined) return 'unknown';
  return answer.forChildren ? 'young' : 'adult';
}

let sharedCoder: Coder | undefined;

/** The default codebook's coder (made once per process), for organisations without a codebook or model of their own. */
export function currentCoder(): Coder {
  sharedCoder ??= createCoder();
  return sharedCoder;
}

export interface CodedAnswer extends FreeTextAnswer {
  coding: Coding;
}

/** An answer the coder could not code, with the reason and the coder that tried. */
export interface FailedAnswer extends FreeTextAnswer {
  error: string;
  codebookVersion: string;
  modelVersion: string;
}

export type AnswerOutcome = CodedAnswer | FailedAnswer;

export const isFailed = (outcome: AnswerOutcome): outcome is FailedAnswer => 'error' in outcome;
export const isCoded = (outcome: AnswerOutcome): outcome is CodedAnswer => !('error' in outcome);

/** Stored reasons are kept short: they are read by analysts, not parsed. */
const MAX_REASON = 500;

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_REASON);
}

const isSpans = (value: unknown) => Array.isArray(value) && value.every((s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && typeof s.text === 'string');

/** What is wrong with a coding the database could not store as it is, or null when it is usable. */
function problemWith(coding: Coding | undefined): string | null {
  if (!coding || typeof coding !== 'object') return 'it returned no coding';
  const themesUsable =
    Array.isArray(coding.themes) && coding.themes.every((t) => t && typeof t.id === 'string' && Number.isFinite(t.confidence) && ['yes', 'no', 'review'].includes(t.decision) && isSpans(t.evidence));
  if (!themesUsable) return 'its themes were not usable';
  const s = coding.safeguarding;
  if (!s || typeof s.flag !== 'boolean' || !Number.isFinite(s.confidence) || !isSpans(s.evidence)) return 'its safeguarding check was not usable';
  if (!Number.isFinite(coding.certainty) || typeof coding.review !== 'boolean') return 'its certainty was not usable';
  if (typeof coding.codebookVersion !== 'string' || typeof coding.modelVersion !== 'string') return 'it did not say which codebook and model it used';
  return null;
}

export function codeAnswer(coder: Coder, answer: FreeTextAnswer): AnswerOutcome {
  const failed = (reason: string): FailedAnswer => ({
    ...answer,
    error: `The coder could not code this answer: ${reason}`.slice(0, MAX_REASON),
    codebookVersion: String(coder.codebookVersion),
    modelVersion: String(coder.modelVersion)
  });
  let coding: Coding;
  try {
    coding = coder.code(answer.text, { question: answer.questionLabel, writer: writerOf(answer) });
  } catch (error) {
    return failed(describeError(error));
  }
  const problem = problemWith(coding);
  return problem ? failed(problem) : { ...answer, coding };
}

/** The answer as could not be coded, for the reason given (e.g. its coding could not be stored). */
export function failedWith(outcome: AnswerOutcome, reason: string): FailedAnswer {
  if (isFailed(outcome)) return { ...outcome, error: reason };
  const { coding, ...answer } = outcome;
  return { ...answer, error: reason, codebookVersion: coding.codebookVersion, modelVersion: coding.modelVersion };
}

/** Outcomes by the response they belong to. */
export function byResponse(outcomes: AnswerOutcome[]): Map<string, AnswerOutcome[]> {
  const grouped = new Map<string, AnswerOutcome[]>();
  for (const outcome of outcomes) {
    const list = grouped.get(outcome.responseId);
    if (list) list.push(outcome);
    else grouped.set(outcome.responseId, [outcome]);
  }
  return grouped;
}

export function codeAnswers(coder: Coder, answers: FreeTextAnswer[]): AnswerOutcome[] {
  return answers.map((answer) => codeAnswer(coder, answer));
}

/**
 * The tier a coding's flag is stored with, or null for no flag. A flag
 * without a tier still reaches the queue (as possible): when in doubt, a
 * person reads it.
 */
export function flagTier(safeguarding: SafeguardingCode): Exclude<SafeguardingFlagTier, 'unchecked'> | null {
  if (safeguarding.tier === 'likely') return 'likely';
  return safeguarding.tier === 'possible' || safeguarding.flag ? 'possible' : null;
}

/**
 * The tier of a coded answer's flag, or null. The detector reads English
 * only: an answer to a questionnaire for children or young people written in
 * another language ("Mae fy nhad yn fy nharo i") is flagged "unchecked", as
 * one the coder failed on is, so a person reads what no machine could.
 */
export function answerFlagTier(answer: CodedAnswer): SafeguardingFlagTier | null {
  return flagTier(answer.coding.safeguarding) ?? (answer.forChildren && !detectorCanRead(answer.text) ? 'unchecked' : null);
}
