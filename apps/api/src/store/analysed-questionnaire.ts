// A questionnaire as the review and double-coding pages see it: its title and
// free-text questions over every version. (Theme prevalence itself is counted
// only by the explorer's engine, under its disclosure rules.)
import { type Database, questionnaires, questionnaireVersions } from '@safer-voices/db';
import type { QuestionnaireDefinition } from '@safer-voices/survey';
import { desc, eq } from 'drizzle-orm';

export interface AnalysedQuestionnaire {
  id: string;
  organisationId: string;
  title: string;
  /** Free-text questions over every version, labelled as in the newest version. */
  questions: { id: string; label: string }[];
}

export async function analysedQuestionnaire(db: Database, id: string): Promise<AnalysedQuestionnaire | undefined> {
  const rows = await db
    .select({ organisationId: questionnaires.organisationId, definition: questionnaireVersions.definition })
    .from(questionnaires)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.questionnaireId, questionnaires.id))
    .where(eq(questionnaires.id, id))
    .orderBy(desc(questionnaireVersions.version));
  const first = rows[0];
  if (!first) return undefined;
  const questions = new Map<string, string>();
  let title = '';
  for (const row of rows) {
    const definition = row.definition as QuestionnaireDefinition;
    title ||= definition.title;
    for (const page of definition.pages) {
      for (const q of page.questions) if ((q.type === 'text' || q.type === 'longtext') && !questions.has(q.id)) questions.set(q.id, q.label);
    }
  }
  return { id, organisationId: first.organisationId, title, questions: [...questions].map(([qid, label]) => ({ id: qid, label })) };
}
