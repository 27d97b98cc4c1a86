// Quotes for the explorer: the most confident "yes" answers of a theme among
// the respondents in view, picked from the in-memory index, then their text
// and evidence read by primary key, redacted with the organisation's terms,
// and the coder's evidence moved onto the redacted text. An answer flagged
// for safeguarding and not cleared for quoting is left out (the one rule in
// store/quotable-answers.ts); the theme's figures still count it.
import { answerCodes, type Database, responses, storableText } from '@safer-voices/db';
import { inArray } from 'drizzle-orm';
import { type Bitset, type ExploreIndex, redactedAnswer, type ThemeGroup, topAnswers } from '@safer-voices/insights';
import { answersNotQuotable, quotable } from '../store/quotable-answers';
import { withSchoolLabels } from '../store/redaction-terms';
import type { ExploreQuote } from './types';

export const QUOTES_PER_THEME = 5;
/** Candidates read to fill the quotes when some may not be quoted. */
const CANDIDATES_PER_THEME = 50;

/**
 * The organisation's terms and the school labels its class codes give
 * responses (the `school` context column of the index), redacted as terms:
 * a pupil naming their own school names it as their class code does.
 */
export function termsWithSchools(index: ExploreIndex, terms: readonly string[]): string[] {
  const schools = (index.dimensions.get('context.school') ?? index.dimensions.get('school'))?.values ?? [];
  return withSchoolLabels(terms, schools);
}

export async function quotesFor(db: Database, index: ExploreIndex, rows: Bitset, question: string | null, theme: ThemeGroup, terms: readonly string[]): Promise<ExploreQuote[]> {
  const candidates = topAnswers(index, rows, question, theme, CANDIDATES_PER_THEME);
  if (candidates.length === 0) return [];
  const notQuotable = await answersNotQuotable(db, candidates);
  const top = candidates.filter((a) => quotable(notQuotable, a)).slice(0, QUOTES_PER_THEME);
  if (top.length === 0) return [];
  const ids = [...new Set(top.map((t) => t.responseId))];
  const [texts, codes] = await Promise.all([
    db.select({ id: responses.id, answers: responses.answers }).from(responses).where(inArray(responses.id, ids)),
    db
      .select({ responseId: answerCodes.responseId, questionId: answerCodes.questionId, themeId: answerCodes.themeId, evidence: answerCodes.evidence })
      .from(answerCodes)
      .where(inArray(answerCodes.responseId, ids))
  ]);
  const answers = new Map(texts.map((r) => [r.id, r.answers as Record<string, unknown>]));
  const evidence = new Map(codes.map((r) => [`${r.responseId}\u0000${r.questionId}\u0000${r.themeId}`, r.evidence]));
  const quotes: ExploreQuote[] = [];
  const allTerms = termsWithSchools(index, terms);
  for (const answer of top) {
    const text = answers.get(answer.responseId)?.[answer.questionId];
    if (typeof text !== 'string') continue;
    // A row stored before text was cleaned on the way in may still hold a lone surrogate or NUL.
    const redacted = redactedAnswer(storableText(text), allTerms);
    const spans = evidence.get(`${answer.responseId}\u0000${answer.questionId}\u0000${answer.themeId}`) ?? [];
    quotes.push({ themeId: theme.id, questionId: answer.questionId, text: redacted.text, evidence: redacted.mapEvidence(spans) });
  }
  return quotes;
}
