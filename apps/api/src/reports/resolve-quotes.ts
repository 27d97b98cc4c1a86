// Quotes a report may show: answers to a free-text question of a covered
// questionnaire, redacted as the explorer redacts them (names, contacts,
// handles, schools, addresses, the organisation's own terms and its class-code
// school labels replaced), attributed without
// anything identifying ("Pupil, 11–19 survey, 2026"). An answer ever flagged
// for safeguarding is shown only once a safeguarding lead has cleared it, by
// the one rule in store/quotable-answers.ts.
import { answerCodes, type Database, responses, storableText } from '@safer-voices/db';
import { redactedAnswer } from '@safer-voices/insights';
import { and, eq, inArray } from 'drizzle-orm';
import { termsWithSchools } from '../explore/quotes';
import { type AnswerRef, answerKey, answersNotQuotable } from '../store/quotable-answers';
import type { CoveredQuestionnaire, ResolveContext } from './context';

export type QuoteRef = AnswerRef;

export type QuoteProblem = 'not_found' | 'not_free_text' | 'not_cleared' | 'not_coded';

/** A quote, or why it cannot be shown (without its words: an answer not quotable is never shown). */
export type LoadedQuote = { ok: true; text: string; attribution: string } | { ok: false; problem: QuoteProblem };

export const quoteKey = answerKey;

export const QUOTE_PROBLEMS: Record<QuoteProblem, string> = {
  not_found: 'That answer is not in the questionnaires this report covers',
  not_free_text: 'That is not a written answer to a free-text question',
  not_cleared: 'This answer was flagged for safeguarding: a safeguarding lead must clear it for publication before it can be quoted',
  not_coded: 'That answer is not coded with this theme'
};

function attribution(q: CoveredQuestionnaire, submittedAt: Date): string {
  const year = submittedAt.getUTCFullYear();
  if (q.kind === 'collection') return `Comment from an earlier consultation, ${year}`;
  const who = q.accessMode === 'codes' && q.audience !== 'adult' ? 'Pupil' : q.audience === 'adult' ? 'Resident' : 'Young person';
  const survey = q.ageBand === 'adults' || q.ageBand === '' ? 'residents’ survey' : `${q.ageBand} survey`;
  return `${who}, ${survey}, ${year}`;
}

/**
 * Each quote, redacted and attributed, or why it cannot be shown. With
 * `themeIds` (a quote's theme and those merged into it, by quote key), a
 * quote must also be coded with one of them, as the explorer offers it.
 */
export async function loadQuotes(db: Database, context: ResolveContext, refs: readonly QuoteRef[], themeIds?: Map<string, readonly string[]>): Promise<Map<string, LoadedQuote>> {
  const found = new Map<string, LoadedQuote>();
  if (refs.length === 0) return found;
  const ids = [...new Set(refs.map((r) => r.responseId))];
  const [rows, notQuotable, codes] = await Promise.all([
    db.select({ id: responses.id, versionId: responses.versionId, answers: responses.answers, submittedAt: responses.submittedAt }).from(responses).where(inArray(responses.id, ids)),
    answersNotQuotable(db, refs),
    themeIds
      ? db
          .select({ responseId: answerCodes.responseId, questionId: answerCodes.questionId, themeId: answerCodes.themeId })
          .from(answerCodes)
          .where(and(inArray(answerCodes.responseId, ids), eq(answerCodes.decision, 'yes')))
      : Promise.resolve([])
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const coded = new Set(codes.map((c) => `${quoteKey(c)}\n${c.themeId}`));
  for (const ref of refs) {
    const key = quoteKey(ref);
    const row = byId.get(ref.responseId);
    const questionnaire = row && context.covered.find((q) => q.loaded.meta.versions.some((v) => v.id === row.versionId));
    if (!row || !questionnaire) {
      found.set(key, { ok: false, problem: 'not_found' });
      continue;
    }
    const text = (row.answers as Record<string, unknown> | null)?.[ref.questionId];
    if (!questionnaire.loaded.meta.freeTextQuestions.some((q) => q.id === ref.questionId) || typeof text !== 'string' || text.trim() === '') {
      found.set(key, { ok: false, problem: 'not_free_text' });
      continue;
    }
    const themes = themeIds?.get(key);
    if (themes && !themes.some((t) => coded.has(`${key}\n${t}`))) {
      found.set(key, { ok: false, problem: 'not_coded' });
      continue;
    }
    if (notQuotable.has(key)) {
      found.set(key, { ok: false, problem: 'not_cleared' });
      continue;
    }
    const terms = termsWithSchools(questionnaire.loaded.index, context.settings.redactionTerms);
    found.set(key, { ok: true, text: redactedAnswer(storableText(text), terms).text, attribution: attribution(questionnaire, row.submittedAt) });
  }
  return found;
}
