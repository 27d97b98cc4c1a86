// Which answers of a response are free text, and what the coder needs to
// know about them. Published versions never change, so what is read about a
// version is kept for the life of the process.
import { type Database, questionnaires, questionnaireVersions } from '@safer-voices/db';
import type { Answers, QuestionnaireDefinition } from '@safer-voices/survey';
import { eq } from 'drizzle-orm';

export interface VersionFacts {
  versionId: string;
  questionnaireId: string;
  organisationId: string;
  definition: QuestionnaireDefinition;
  /** text and longtext questions, with the label the respondent saw. */
  freeTextQuestions: { id: string; label: string }[];
}

export interface FreeTextAnswer {
  responseId: string;
  questionId: string;
  /** Passed to the coder as context: the same words mean different things under different questions. */
  questionLabel: string;
  text: string;
  organisationId: string;
}

export interface StoredResponseRow {
  id: string;
  versionId: string;
  answers: unknown;
}

const factsByDatabase = new WeakMap<Database, Map<string, Promise<VersionFacts | undefined>>>();

async function readVersionFacts(db: Database, versionId: string): Promise<VersionFacts | undefined> {
  const [row] = await db
    .select({ definition: questionnaireVersions.definition, questionnaireId: questionnaires.id, organisationId: questionnaires.organisationId })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(eq(questionnaireVersions.id, versionId));
  if (!row) return undefined;
  const definition = row.definition as QuestionnaireDefinition;
  const freeTextQuestions = definition.pages.flatMap((page) =>
    page.questions.filter((q) => q.type === 'text' || q.type === 'longtext').map((q) => ({ id: q.id, label: q.label }))
  );
  return { versionId, questionnaireId: row.questionnaireId, organisationId: row.organisationId, definition, freeTextQuestions };
}

export function versionFacts(db: Database, versionId: string): Promise<VersionFacts | undefined> {
  let cache = factsByDatabase.get(db);
  if (!cache) factsByDatabase.set(db, (cache = new Map()));
  let facts = cache.get(versionId);
  if (!facts) {
    facts = readVersionFacts(db, versionId);
    cache.set(versionId, facts);
    // A failed read is not remembered.
    facts.catch(() => cache.delete(versionId));
  }
  return facts;
}

/** The non-empty free-text answers of some stored responses. */
export async function freeTextAnswersOf(db: Database, rows: StoredResponseRow[]): Promise<FreeTextAnswer[]> {
  const found: FreeTextAnswer[] = [];
  for (const row of rows) {
    const facts = await versionFacts(db, row.versionId);
    if (!facts) continue;
    const answers = (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as Answers;
    for (const question of facts.freeTextQuestions) {
      const text = answers[question.id];
      if (typeof text !== 'string' || text.trim() === '') continue;
      found.push({ responseId: row.id, questionId: question.id, questionLabel: question.label, text, organisationId: facts.organisationId });
    }
  }
  return found;
}
