// The safeguarding queue: flagged answers with what a safeguarding lead needs
// to judge them (the words, the questionnaire, when) and only context the
// survey itself collected that does not identify anyone (an age band, a class
// label: asked by the survey, or the school and class of the class code the
// respondent started with). Likely disclosures come first, then answers
// that could not be checked automatically, then possible disclosures.
import { type Database, type ResponseContext, responses, type SafeguardingStatus, safeguardingFlags } from '@safer-voices/db';
import type { Answers, Question, QuestionnaireDefinition } from '@safer-voices/survey';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type VersionFacts, versionFacts } from '../coding/free-text-answers';

const flagColumns = {
  id: safeguardingFlags.id,
  organisationId: safeguardingFlags.organisationId,
  responseId: safeguardingFlags.responseId,
  questionId: safeguardingFlags.questionId,
  tier: safeguardingFlags.tier,
  confidence: safeguardingFlags.confidence,
  evidence: safeguardingFlags.evidence,
  status: safeguardingFlags.status,
  note: safeguardingFlags.note,
  createdAt: safeguardingFlags.createdAt,
  updatedAt: safeguardingFlags.updatedAt,
  updatedBy: safeguardingFlags.updatedBy,
  versionId: responses.versionId,
  // As stored, parsed in describeFlag: one damaged response must not take the queue down with it.
  answers: sql<string>`${responses.answers}`,
  responseContext: responses.context,
  submittedAt: responses.submittedAt
};

const selectFlags = (db: Database) => db.select(flagColumns).from(safeguardingFlags).innerJoin(responses, eq(responses.id, safeguardingFlags.responseId));
type FlagRow = Awaited<ReturnType<typeof selectFlags>>[number];

const LIST_LIMIT = 500;

/** Likely first, then unchecked (no machine has read them), then possible. */
const tierOrder = sql`CASE ${safeguardingFlags.tier} WHEN 'likely' THEN 0 WHEN 'unchecked' THEN 1 ELSE 2 END`;

function parsedAnswers(stored: unknown): Answers {
  try {
    const answers = typeof stored === 'string' ? JSON.parse(stored) : stored;
    return answers && typeof answers === 'object' && !Array.isArray(answers) ? (answers as Answers) : {};
  } catch {
    return {};
  }
}

export async function listFlags(db: Database, organisationId: string, status?: SafeguardingStatus) {
  const rows = await selectFlags(db)
    .where(and(eq(safeguardingFlags.organisationId, organisationId), status ? eq(safeguardingFlags.status, status) : undefined))
    .orderBy(tierOrder, desc(safeguardingFlags.createdAt))
    .limit(LIST_LIMIT);
  return Promise.all(rows.map((row) => describeFlag(db, row)));
}

/** A flag of this organisation, or undefined (another organisation's flag is not found either). */
export async function findFlag(db: Database, organisationId: string, id: string) {
  const [row] = await selectFlags(db).where(and(eq(safeguardingFlags.id, id), eq(safeguardingFlags.organisationId, organisationId)));
  return row ? describeFlag(db, row) : undefined;
}

export type FlagView = Awaited<ReturnType<typeof describeFlag>>;

async function describeFlag(db: Database, row: FlagRow) {
  // A version that cannot be read still shows its flags, with what is known.
  const facts: VersionFacts | undefined = await versionFacts(db, row.versionId).catch(() => undefined);
  const definition = facts?.definition;
  const answers = parsedAnswers(row.answers);
  const question = definition && findQuestion(definition, (q) => q.id === row.questionId);
  const text = answers[row.questionId];
  return {
    id: row.id,
    status: row.status,
    tier: row.tier,
    note: row.note,
    confidence: row.confidence,
    evidence: row.evidence,
    text: typeof text === 'string' ? text : '',
    // Which answer it is, as a safeguarding lead's clearance for quoting in reports names it.
    responseId: row.responseId,
    question: { id: row.questionId, label: question?.label ?? row.questionId },
    questionnaire: { id: facts?.questionnaireId ?? null, title: definition?.title ?? '' },
    submittedAt: row.submittedAt.toISOString(),
    flaggedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    context: contextOf(definition, answers, row.responseContext)
  };
}

function findQuestion(definition: QuestionnaireDefinition, match: (q: Question) => boolean): Question | undefined {
  for (const page of definition.pages) for (const q of page.questions) if (match(q)) return q;
  return undefined;
}

const AGE_KEYS = new Set(['age_band', 'age']);
const CLASS_KEYS = new Set(['class', 'class_label', 'year_group']);

/** An answer as the respondent saw it: a choice's label, or the text itself. */
function shownAnswer(question: Question, value: unknown): string | null {
  if (typeof value === 'string' && 'options' in question) return question.options.find((o) => o.value === value)?.label ?? value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && question.type === 'number' && AGE_KEYS.has(question.measure ?? question.id)) return ageBandOf(value);
  return null;
}

/** An exact age narrows a class down too far; three-year bands do not. */
export function ageBandOf(age: number): string {
  if (age < 8) return 'under 8';
  if (age >= 20) return '20 or over';
  const from = 8 + 3 * Math.floor((age - 8) / 3);
  return `${from}–${from + 2}`;
}

function contextOf(definition: QuestionnaireDefinition | undefined, answers: Answers, codeLabels: ResponseContext | null) {
  const answerFor = (keys: Set<string>) => {
    const question = definition && findQuestion(definition, (q) => keys.has(q.id) || keys.has(q.measure ?? ''));
    return question && question.id in answers ? shownAnswer(question, answers[question.id]) : null;
  };
  const fromCode = [codeLabels?.school, codeLabels?.class].filter(Boolean).join(', ') || null;
  return { ageBand: answerFor(AGE_KEYS), classLabel: answerFor(CLASS_KEYS) ?? fromCode, surveyAgeBand: definition?.ageBand ?? null };
}

export function updateFlagStatement(db: Database, input: { id: string; status: SafeguardingStatus; note: string | null; staffId: string }) {
  return db.update(safeguardingFlags).set({ status: input.status, note: input.note, updatedAt: new Date(), updatedBy: input.staffId }).where(eq(safeguardingFlags.id, input.id));
}
