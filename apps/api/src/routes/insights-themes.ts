// Theme prevalence for one questionnaire, with disclosure control applied:
// every count and base below the threshold is withheld, a theme's count is
// also withheld when the respondents without it are too few (base − count
// would give them away), and quotes come only from themes whose count is
// shown, redacted (with the organisation's own terms too), with the coder's
// evidence moved onto the redacted text. Themes are labelled and ordered as
// in the organisation's codebook.
/// <reference path="../../../../packages/themes/src/natural-modules.d.ts" />
import type { Database } from '@safer-voices/db';
import { type Figure, redactedAnswer, type SuppressionReason, suppress } from '@safer-voices/insights';
import { activeThemes, type Codebook, DEFAULT_CODEBOOK } from '@safer-voices/themes';
import { codedBases, type QuestionnaireForInsights, quotesFor, themeCounts } from '../store/insights-themes';

export interface ThemeFigure {
  id: string;
  label: string;
  count: number | null;
  /** 0–100, with a 95% Wilson interval. */
  percent: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: 'primary' | 'secondary' | null;
  reason: SuppressionReason | null;
  quotes: Quote[];
}

export interface Quote {
  questionId: string;
  /** Redacted text. */
  text: string;
  /** Evidence on the redacted text: sorted, not overlapping. */
  evidence: { start: number; end: number }[];
}

export interface ThemesView {
  questionnaire: { id: string; title: string };
  questions: { id: string; label: string; base: number | null }[];
  /** The question shown, or null for all free-text questions together. */
  question: string | null;
  threshold: number;
  base: { count: number | null; suppressed: 'primary' | null; reason: SuppressionReason | null };
  themes: ThemeFigure[];
}

export interface ThemesViewOptions {
  /** Smallest number of respondents a figure may rest on. */
  threshold?: number;
  /** The organisation's own words to redact from quotes (school and staff names). */
  redactionTerms?: readonly string[];
  /** The organisation's codebook, for labels and order. */
  codebook?: Codebook;
}

const shownBase = (n: number, threshold: number) => (n >= threshold ? n : null);

function figureOf(count: number, base: number, threshold: number): Figure {
  // [with the theme, without it]: the total is the base, which is shown.
  return suppress([count, base - count], { threshold }).cells[0] as Figure;
}

export async function themesView(
  db: Database,
  questionnaire: QuestionnaireForInsights,
  questionId: string | null,
  { threshold = 10, redactionTerms = [], codebook = DEFAULT_CODEBOOK }: ThemesViewOptions = {}
): Promise<ThemesView> {
  const labels = new Map(codebook.themes.map((t) => [t.id, t.label]));
  // Themes in use, then retired or merged ones that still have codes, then codes the codebook does not know.
  const inUse = activeThemes(codebook).map((t) => t.id);
  const bases = await codedBases(db, questionnaire.id);
  const questions = questionnaire.questions.map((q) => ({ ...q, base: shownBase(bases.perQuestion.get(q.id) ?? 0, threshold) }));
  const baseCount = questionId === null ? bases.any : (bases.perQuestion.get(questionId) ?? 0);
  const counts = await themeCounts(db, questionnaire.id, questionId);
  const others = [...counts.keys()].filter((id) => !inUse.includes(id));
  const ids = [...inUse, ...others.filter((id) => labels.has(id)), ...others.filter((id) => !labels.has(id)).sort()];
  const baseHidden = baseCount < threshold;
  const themes: ThemeFigure[] = ids.map((id) => {
    const figure: Pick<Figure, 'count' | 'percent' | 'lower' | 'upper' | 'suppressed' | 'reason'> = baseHidden
      ? { count: null, percent: null, lower: null, upper: null, suppressed: 'primary', reason: 'base below threshold' }
      : figureOf(counts.get(id) ?? 0, baseCount, threshold);
    const { count, percent, lower, upper, suppressed, reason } = figure;
    return { id, label: labels.get(id) ?? id, count, percent, lower, upper, suppressed, reason, quotes: [] };
  });
  const shown = themes.filter((t) => t.count !== null);
  const stored = await quotesFor(
    db,
    questionnaire.id,
    questionId,
    shown.map((t) => t.id)
  );
  for (const q of stored) {
    const theme = shown.find((t) => t.id === q.themeId);
    if (!theme) continue;
    const redacted = redactedAnswer(q.text, redactionTerms);
    theme.quotes.push({ questionId: q.questionId, text: redacted.text, evidence: redacted.mapEvidence(q.evidence) });
  }
  return {
    questionnaire: { id: questionnaire.id, title: questionnaire.title },
    questions,
    question: questionId,
    threshold,
    base: baseHidden ? { count: null, suppressed: 'primary', reason: 'base below threshold' } : { count: baseCount, suppressed: null, reason: null },
    themes
  };
}
