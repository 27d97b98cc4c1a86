// What the theme prevalence view reads: a questionnaire's free-text
// questions, how many respondents answered (and were coded), how many got a
// `yes` for each theme, and the most confident coded answers as quotes.
// Counts are of respondents (distinct responses), never of answers, so a
// respondent who names a theme under two questions counts once in "all".
import { type Database, type EvidenceSpan, textOfJson } from '@safer-voices/db';
import type { QuestionnaireDefinition } from '@safer-voices/survey';
import { sql } from 'drizzle-orm';

export interface QuestionnaireForInsights {
  id: string;
  organisationId: string;
  title: string;
  /** Free-text questions over every version, labelled as in the newest version. */
  questions: { id: string; label: string }[];
}

export async function questionnaireForInsights(db: Database, id: string): Promise<QuestionnaireForInsights | undefined> {
  const rows = await db.all<{ organisation_id: string; definition: string }>(sql`
    SELECT q.organisation_id, v.definition FROM questionnaires q
    JOIN questionnaire_versions v ON v.questionnaire_id = q.id
    WHERE q.id = ${id} ORDER BY v.version DESC`);
  const first = rows[0];
  if (!first) return undefined;
  const questions = new Map<string, string>();
  let title = '';
  for (const row of rows) {
    const definition = JSON.parse(row.definition) as QuestionnaireDefinition;
    title ||= definition.title;
    for (const page of definition.pages) {
      for (const q of page.questions) if ((q.type === 'text' || q.type === 'longtext') && !questions.has(q.id)) questions.set(q.id, q.label);
    }
  }
  return { id, organisationId: first.organisation_id, title, questions: [...questions].map(([qid, label]) => ({ id: qid, label })) };
}

const questionFilter = (column: string, questionId: string | null) => (questionId === null ? sql`` : sql`AND ${sql.raw(column)} = ${questionId}`);

/** Respondents with a coded answer (not one that could not be coded): per question, and to any of them. */
export async function codedBases(db: Database, questionnaireId: string): Promise<{ perQuestion: Map<string, number>; any: number }> {
  const rows = await db.all<{ question_id: string | null; n: number }>(sql`
    SELECT ca.question_id, count(DISTINCT ca.response_id) AS n FROM coded_answers ca
    JOIN responses r ON r.id = ca.response_id
    JOIN questionnaire_versions v ON v.id = r.version_id
    WHERE v.questionnaire_id = ${questionnaireId} AND ca.error IS NULL
    GROUP BY ca.question_id
    UNION ALL
    SELECT NULL, count(DISTINCT ca.response_id) FROM coded_answers ca
    JOIN responses r ON r.id = ca.response_id
    JOIN questionnaire_versions v ON v.id = r.version_id
    WHERE v.questionnaire_id = ${questionnaireId} AND ca.error IS NULL`);
  const perQuestion = new Map<string, number>();
  let any = 0;
  for (const row of rows) {
    if (row.question_id === null) any = Number(row.n);
    else perQuestion.set(row.question_id, Number(row.n));
  }
  return { perQuestion, any };
}

/** Respondents with a `yes` for each theme (themes nobody got are absent). */
export async function themeCounts(db: Database, questionnaireId: string, questionId: string | null): Promise<Map<string, number>> {
  const rows = await db.all<{ theme_id: string; n: number }>(sql`
    SELECT ac.theme_id, count(DISTINCT ac.response_id) AS n FROM answer_codes ac
    JOIN responses r ON r.id = ac.response_id
    JOIN questionnaire_versions v ON v.id = r.version_id
    WHERE v.questionnaire_id = ${questionnaireId} AND ac.decision = 'yes' ${questionFilter('ac.question_id', questionId)}
    GROUP BY ac.theme_id`);
  return new Map(rows.map((r) => [r.theme_id, Number(r.n)]));
}

export interface StoredQuote {
  themeId: string;
  questionId: string;
  text: string;
  evidence: EvidenceSpan[];
}

/** The most confident `yes` answers for each of some themes, up to `perTheme` each. */
export async function quotesFor(db: Database, questionnaireId: string, questionId: string | null, themeIds: string[], perTheme = 5): Promise<StoredQuote[]> {
  if (themeIds.length === 0) return [];
  const rows = await db.all<{ theme_id: string; question_id: string; text: unknown; evidence: string }>(sql`
    SELECT theme_id, question_id, text, evidence FROM (
      SELECT ac.theme_id, ac.question_id, ac.evidence,
        r.answers -> ('$."' || ac.question_id || '"') AS text,
        row_number() OVER (PARTITION BY ac.theme_id ORDER BY ac.confidence DESC, ac.response_id) AS n
      FROM answer_codes ac
      JOIN responses r ON r.id = ac.response_id
      JOIN questionnaire_versions v ON v.id = r.version_id
      WHERE v.questionnaire_id = ${questionnaireId} AND ac.decision = 'yes' ${questionFilter('ac.question_id', questionId)}
        AND ac.theme_id IN (${sql.join(
          themeIds.map((t) => sql`${t}`),
          sql`, `
        )})
    ) WHERE n <= ${perTheme} ORDER BY theme_id, n`);
  return rows.flatMap((r) => {
    const text = textOfJson(r.text);
    return text === undefined ? [] : [{ themeId: r.theme_id, questionId: r.question_id, text, evidence: JSON.parse(r.evidence) as EvidenceSpan[] }];
  });
}
