// The most confident answers of a theme among the respondents in view: the
// explorer's quotes.
import type { Bitset } from './bitset';
import type { ExploreIndex, QuestionColumn } from './explore-index';
import type { ThemeGroup } from './select';

export interface TopAnswer {
  row: number;
  responseId: string;
  questionId: string;
  themeId: string;
  confidence: number;
}

const byConfidence = (a: TopAnswer, b: TopAnswer): number =>
  b.confidence - a.confidence || (a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0) || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0);

/**
 * The most confident "yes" answers for a theme (and themes merged into it)
 * among the respondents in `rows`, one per answer, highest confidence first
 * (ties by response id, so the choice is stable).
 */
export function topAnswers(index: ExploreIndex, rows: Bitset, question: string | null, theme: ThemeGroup, limit = 5): TopAnswer[] {
  const wantedQuestion = question === null ? -1 : (index.questions.get(question)?.index ?? -2);
  if (wantedQuestion === -2 || limit <= 0) return [];
  const generations = index.questionIds.map((id) => (index.questions.get(id) as QuestionColumn).generation);
  // The best `limit` distinct answers so far, best first.
  const best: TopAnswer[] = [];
  for (const slot of index.slotsOf(theme.themeIds)) {
    const list = index.entries[slot];
    if (!list) continue;
    for (let at = 0; at < list.length; at++) {
      // Cheapest test first: once `limit` answers are held, most entries are less confident.
      const confidence = list.confidence[at] as number;
      const worst = best[limit - 1];
      if (worst && confidence < worst.confidence) continue;
      const row = list.rows[at] as number;
      if (((rows[row >>> 5] as number) & (1 << (row & 31))) === 0) continue;
      const q = list.questions[at] as number;
      if (wantedQuestion >= 0 && q !== wantedQuestion) continue;
      if ((generations[q] as Uint32Array)[row] !== list.generation[at]) continue;
      const candidate: TopAnswer = { row, responseId: index.ids[row] as string, questionId: index.questionIds[q] as string, themeId: index.themeIds[slot] as string, confidence };
      const same = best.findIndex((b) => b.row === row && b.questionId === candidate.questionId);
      if (same >= 0) {
        if (byConfidence(candidate, best[same] as TopAnswer) >= 0) continue;
        best.splice(same, 1);
      }
      best.push(candidate);
      best.sort(byConfidence);
      if (best.length > limit) best.pop();
    }
  }
  return best;
}
