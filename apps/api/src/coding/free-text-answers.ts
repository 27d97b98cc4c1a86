// Which answers of a response are free text, and what the coder needs to
// know about them. Published versions never change, so what is read about a
// version is kept for the life of the process.
//
// A response whose stored answers or version cannot be read is reported as
// such, not thrown: one damaged row must not stop the coding of the others.
// A failing database still throws, so the whole pass is tried again later.
import { type Database, questionnaires, questionnaireVersions } from '@safer-voices/db';
import type { Answers, QuestionnaireDefinition } from '@safer-voices/survey';
import { eq, sql } from 'drizzle-orm';
import { forChildrenOrYoungPeople } from './audience';

export interface VersionFacts {
  versionId: string;
  questionnaireId: string;
  organisationId: string;
  definition: QuestionnaireDefinition;
  /** text and longtext questions, with the label the respondent saw. */
  freeTextQuestions: { id: string; label: string }[];
  /** Written for children or young people: an answer that cannot be checked goes to the safeguarding lead. */
  forChildren: boolean;
}

export interface FreeTextAnswer {
  responseId: string;
  questionId: string;
  /** Passed to the coder as context: the same words mean different things under different questions. */
  questionLabel: string;
  text: string;
  organisationId: string;
  /** The questionnaire is for children or young people (known when the answer was read from its response). */
  forChildren?: boolean;
}

export interface StoredResponseRow {
  id: string;
  versionId: string;
  /** As stored: JSON text, or already parsed. */
  answers: unknown;
}

/** A response's free-text answers, or why they could not be read. */
export type ResponseReading = { responseId: string; answers: FreeTextAnswer[] } | { responseId: string; error: string; facts: VersionFacts | undefined };

export const unreadable = (reading: ResponseReading): reading is Extract<ResponseReading, { error: string }> => 'error' in reading;

/** The version's row was found but its definition is not a questionnaire. */
export class UnreadableVersionError extends Error {}

const factsByDatabase = new WeakMap<Database, Map<string, Promise<VersionFacts | undefined>>>();

async function readVersionFacts(db: Database, versionId: string): Promise<VersionFacts | undefined> {
  // The definition is read as stored text and parsed here, so a damaged one is told apart from a database failure.
  const [row] = await db
    .select({ definition: sql<string>`${questionnaireVersions.definition}`, questionnaireId: questionnaires.id, organisationId: questionnaires.organisationId })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(eq(questionnaireVersions.id, versionId));
  if (!row) return undefined;
  try {
    const definition = JSON.parse(row.definition) as QuestionnaireDefinition;
    const freeTextQuestions = definition.pages.flatMap((page) => page.questions.filter((q) => q.type === 'text' || q.type === 'longtext').map((q) => ({ id: q.id, label: q.label })));
    return { versionId, questionnaireId: row.questionnaireId, organisationId: row.organisationId, definition, freeTextQuestions, forChildren: forChildrenOrYoungPeople(definition) };
  } catch (error) {
    throw new UnreadableVersionError(`Questionnaire version ${versionId} could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export function versionFacts(db: Database, versionId: string): Promise<VersionFacts | undefined> {
  let cache = factsByDatabase.get(db);
  if (!cache) {
    cache = new Map();
    factsByDatabase.set(db, cache);
  }
  let facts = cache.get(versionId);
  if (!facts) {
    facts = readVersionFacts(db, versionId);
    cache.set(versionId, facts);
    // A failed read is not remembered.
    facts.catch(() => cache.delete(versionId));
  }
  return facts;
}

function parseAnswers(stored: unknown): Answers {
  const answers = typeof stored === 'string' ? JSON.parse(stored) : stored;
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) throw new Error('they are not a set of answers');
  return answers as Answers;
}

/** One response's non-empty free-text answers, or why they could not be read. */
async function readResponse(db: Database, row: StoredResponseRow): Promise<ResponseReading> {
  let facts: VersionFacts | undefined;
  try {
    facts = await versionFacts(db, row.versionId);
  } catch (error) {
    if (error instanceof UnreadableVersionError) return { responseId: row.id, error: error.message, facts: undefined };
    throw error;
  }
  if (!facts) return { responseId: row.id, error: `Its questionnaire version ${row.versionId} was not found`, facts: undefined };
  let answers: Answers;
  try {
    answers = parseAnswers(row.answers);
  } catch (error) {
    return { responseId: row.id, error: `Its stored answers could not be read: ${error instanceof Error ? error.message : String(error)}`, facts };
  }
  const found: FreeTextAnswer[] = [];
  for (const question of facts.freeTextQuestions) {
    const text = answers[question.id];
    if (typeof text !== 'string' || text.trim() === '') continue;
    found.push({ responseId: row.id, questionId: question.id, questionLabel: question.label, text, organisationId: facts.organisationId, forChildren: facts.forChildren });
  }
  return { responseId: row.id, answers: found };
}

/** Each response's free-text answers (or why they could not be read), in the rows' order. */
export async function readResponses(db: Database, rows: StoredResponseRow[]): Promise<ResponseReading[]> {
  const readings: ResponseReading[] = [];
  for (const row of rows) readings.push(await readResponse(db, row));
  return readings;
}
