// The review queue as the API returns it: the next answers with redacted text
// and the coder's suggestions, the organisation's active themes for the
// checklist, progress counts and the state of the organisation's model.
import type { Database } from '@safer-voices/db';
import { activeThemes, type Codebook } from '@safer-voices/themes';
import { ApiError } from '../errors';
import { currentCodebook } from './codebooks';
import type { AnalysedQuestionnaire } from './analysed-questionnaire';
import { staffRedactionTerms } from './redaction-terms';
import { type ModelStatus, modelState } from './review-model';
import { type QueueCounts, type QueuePosition, queueCounts, queueRows, storedCodesOf } from './review-queue';
import { mergeSpans, redactedAnswer, type Span } from '@safer-voices/insights';

export interface ThemeChoice {
  id: string;
  label: string;
  definition: string;
}

export interface Suggestion {
  themeId: string;
  label: string;
  /** "yes": the coder would count it; "review": the coder is unsure. */
  decision: 'yes' | 'review';
  confidence: number;
  /** Where in the redacted text the coder saw it. */
  evidence: Span[];
}

export interface QueueItem {
  responseId: string;
  questionId: string;
  /** Pass back as `after` to carry on after this answer (when skipping it or after deciding it). */
  position: string;
  question: string;
  /** Redacted with the organisation's terms. */
  text: string;
  certainty: number;
  needsReview: boolean;
  /** Why the coder could not code this answer; null when it did. */
  couldNotBeCoded: string | null;
  suggestions: Suggestion[];
  /** Every suggestion's evidence together, for highlighting the text. */
  evidence: Span[];
}

export interface ReviewQueueView {
  questionnaire: { id: string; title: string };
  counts: QueueCounts;
  items: QueueItem[];
  /** True when the list started after a position, so answers before it (skipped ones) are not in it. */
  continued: boolean;
  themes: ThemeChoice[];
  model: ModelStatus;
}

export function themeChoices(codebook: Codebook): ThemeChoice[] {
  return activeThemes(codebook).map((t) => ({ id: t.id, label: t.label, definition: t.definition }));
}

/** The themes an analyst chose, each once; refused (400, naming each stranger) unless every one is an active theme of the codebook. */
export function chosenThemes(codebook: Codebook, ids: readonly string[]): string[] {
  const active = new Set(activeThemes(codebook).map((t) => t.id));
  const issues = ids.flatMap((id, i) => (active.has(id) ? [] : [{ field: `themes.${i}`, message: `“${id}” is not one of your organisation's themes` }]));
  if (issues.length > 0) throw new ApiError(400, 'invalid_request', "Choose themes from your organisation's codebook", issues);
  return [...new Set(ids)];
}

/** Labels for every theme the codebook has known, retired ones included (old codes may use them). */
export const themeLabels = (codebook: Codebook) => new Map(codebook.themes.map((t) => [t.id, t.label]));

export function encodePosition(p: QueuePosition): string {
  return Buffer.from(JSON.stringify([p.needsReview ? 1 : 0, p.certainty, p.responseId, p.questionId])).toString('base64url');
}

export async function reviewQueueView(db: Database, questionnaire: AnalysedQuestionnaire, after: QueuePosition | null, limit: number): Promise<ReviewQueueView> {
  const organisationId = questionnaire.organisationId;
  const [{ codebook }, terms, counts, rows, model] = await Promise.all([
    currentCodebook(db, organisationId),
    staffRedactionTerms(db, organisationId),
    queueCounts(db, questionnaire.id),
    queueRows(db, questionnaire.id, after, limit),
    modelState(db, organisationId)
  ]);
  const labels = themeLabels(codebook);
  const questions = new Map(questionnaire.questions.map((q) => [q.id, q.label]));
  const codes = await storedCodesOf(db, rows);
  const items = rows.map((row): QueueItem => {
    const redacted = redactedAnswer(row.text, terms);
    const suggestions = codes
      .filter((c) => c.responseId === row.responseId && c.questionId === row.questionId)
      .map((c) => ({ themeId: c.themeId, label: labels.get(c.themeId) ?? c.themeId, decision: c.decision, confidence: c.confidence, evidence: redacted.mapEvidence(c.evidence) }));
    return {
      responseId: row.responseId,
      questionId: row.questionId,
      position: encodePosition(row),
      question: questions.get(row.questionId) ?? row.questionId,
      text: redacted.text,
      certainty: row.certainty,
      needsReview: row.needsReview,
      couldNotBeCoded: row.error,
      // The coder's "yes" first, then what it was unsure of.
      suggestions: [...suggestions.filter((s) => s.decision === 'yes'), ...suggestions.filter((s) => s.decision === 'review')],
      evidence: mergeSpans(suggestions.flatMap((s) => s.evidence))
    };
  });
  return {
    questionnaire: { id: questionnaire.id, title: questionnaire.title },
    counts,
    items,
    continued: after !== null,
    themes: themeChoices(codebook),
    model: model.status
  };
}
