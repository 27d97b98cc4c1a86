// An analyst's decision on an answer is what the figures count: its themes are
// stored as certain "yes" codes under the model version "analyst", and
// re-coding the questionnaire later keeps them rather than the machine's.
import { type Database, reviewDecisions } from '@safer-voices/db';
import type { Coding, Evidence } from '@safer-voices/themes';
import { and, eq, or } from 'drizzle-orm';
import { type AnswerOutcome, isFailed } from './code-answer';

export const ANALYST_MODEL_VERSION = 'analyst';

/**
 * The coding that records an analyst's themes. Where the machine found
 * evidence for a theme the analyst kept, the evidence stays, so quotes still
 * show why. The safeguarding part is the machine's (or none): a review
 * decision never raises or clears a safeguarding flag.
 */
export function analystCoding(
  themes: readonly string[],
  codebookVersion: string,
  machine?: { themes: readonly { id: string; evidence: Evidence[] }[]; safeguarding?: Coding['safeguarding'] }
): Coding {
  const found = new Map(machine?.themes.map((t) => [t.id, t.evidence]) ?? []);
  return {
    themes: [...new Set(themes)].map((id) => ({ id, confidence: 1, decision: 'yes', evidence: found.get(id) ?? [] })),
    safeguarding: machine?.safeguarding ?? { flag: false, tier: null, confidence: 0, evidence: [] },
    certainty: 1,
    review: false,
    codebookVersion,
    modelVersion: ANALYST_MODEL_VERSION
  };
}

/**
 * Replace the machine's coding with the analyst's wherever an answer has a
 * review decision, including answers the machine could not code this time.
 */
export async function keepAnalystDecisions(db: Database, coded: AnswerOutcome[]): Promise<AnswerOutcome[]> {
  if (coded.length === 0) return coded;
  const decided = new Map<string, string[]>();
  // Chunks keep each query well under SQLite's bound-value limit.
  for (let at = 0; at < coded.length; at += 200) {
    const chunk = coded.slice(at, at + 200);
    const rows = await db
      .select({ responseId: reviewDecisions.responseId, questionId: reviewDecisions.questionId, themes: reviewDecisions.themes })
      .from(reviewDecisions)
      .where(or(...chunk.map((a) => and(eq(reviewDecisions.responseId, a.responseId), eq(reviewDecisions.questionId, a.questionId)))));
    for (const row of rows) decided.set(`${row.responseId}\n${row.questionId}`, row.themes);
  }
  if (decided.size === 0) return coded;
  return coded.map((answer) => {
    const themes = decided.get(`${answer.responseId}\n${answer.questionId}`);
    if (!themes) return answer;
    if (isFailed(answer)) {
      const { error: _, codebookVersion, modelVersion: __, ...rest } = answer;
      return { ...rest, coding: analystCoding(themes, codebookVersion) };
    }
    return { ...answer, coding: analystCoding(themes, answer.coding.codebookVersion, answer.coding) };
  });
}
