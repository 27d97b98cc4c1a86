// Double-coding rounds: a random sample of a questionnaire's coded answers
// that analysts code blind, each on their own, to measure agreement. What a
// coder may read while coding is limited to the items and their own progress.
import { codedAnswers, type Database, doubleCodingItems, doubleCodingLabels, doubleCodingRounds, questionnaires, questionnaireVersions, responses, staff, textOfJson } from '@safer-voices/db';
import { and, asc, count, desc, eq, inArray, isNull, notExists, type SQL, sql } from 'drizzle-orm';
import { answerJson } from './answer-json';

export type Round = typeof doubleCodingRounds.$inferSelect;

export interface RoundItem {
  responseId: string;
  questionId: string;
  position: number;
  versionId: string;
  text: string;
}

export interface CoderProgress {
  staffId: string;
  name: string;
  done: number;
}

/** Questionnaires of these organisations with coded answers, newest title first, for choosing what to sample. */
export async function questionnairesWithCodedAnswers(db: Database, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  // The newest version's title as JSON text (`->`), decoded in JavaScript; sorted by its value.
  const title = sql<unknown>`(SELECT newest.definition -> '$.title' FROM ${questionnaireVersions} newest WHERE newest.questionnaire_id = ${questionnaires.id} ORDER BY newest.version DESC LIMIT 1)`;
  const rows = await db
    .select({ id: questionnaires.id, organisationId: questionnaires.organisationId, title: title.as('title'), coded: count() })
    .from(codedAnswers)
    .innerJoin(responses, eq(responses.id, codedAnswers.responseId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(isNull(codedAnswers.error), inArray(questionnaires.organisationId, organisationIds)))
    .groupBy(questionnaires.id)
    .orderBy(sql`json_extract(title, '$')`);
  return rows.map((r) => ({ id: r.id, organisationId: r.organisationId, title: textOfJson(r.title) ?? r.id, codedAnswers: r.coded }));
}

/** A random sample of the questionnaire's coded answers (ones the coder could not code have nothing to compare with). */
export async function sampleCodedAnswers(db: Database, questionnaireId: string, size: number) {
  return db
    .select({ responseId: codedAnswers.responseId, questionId: codedAnswers.questionId })
    .from(codedAnswers)
    .innerJoin(responses, eq(responses.id, codedAnswers.responseId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .where(and(eq(questionnaireVersions.questionnaireId, questionnaireId), isNull(codedAnswers.error)))
    .orderBy(sql`random()`)
    .limit(size);
}

export function newRoundStatements(
  db: Database,
  round: { id: string; organisationId: string; questionnaireId: string; name: string; createdBy: string },
  sample: { responseId: string; questionId: string }[]
) {
  return [
    db.insert(doubleCodingRounds).values(round),
    db.insert(doubleCodingItems).values(sample.map((s, i) => ({ roundId: round.id, responseId: s.responseId, questionId: s.questionId, position: i + 1 })))
  ] as const;
}

export async function findRound(db: Database, id: string): Promise<Round | undefined> {
  const [round] = await db.select().from(doubleCodingRounds).where(eq(doubleCodingRounds.id, id));
  return round;
}

export async function roundsOf(db: Database, organisationIds: string[]): Promise<Round[]> {
  if (organisationIds.length === 0) return [];
  return db.select().from(doubleCodingRounds).where(inArray(doubleCodingRounds.organisationId, organisationIds)).orderBy(sql`${doubleCodingRounds.createdAt} DESC`, doubleCodingRounds.id);
}

export async function itemCount(db: Database, roundId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(doubleCodingItems).where(eq(doubleCodingItems.roundId, roundId));
  return row?.n ?? 0;
}

/** How many items each person has coded; never what they chose. */
export async function coderProgress(db: Database, roundId: string): Promise<CoderProgress[]> {
  return db
    .select({ staffId: doubleCodingLabels.staffId, name: staff.name, done: count() })
    .from(doubleCodingLabels)
    .innerJoin(staff, eq(staff.id, doubleCodingLabels.staffId))
    .where(eq(doubleCodingLabels.roundId, roundId))
    .groupBy(doubleCodingLabels.staffId)
    .orderBy(staff.name, doubleCodingLabels.staffId);
}

/** The title of the questionnaire's newest version (its id when it has none). */
export async function versionTitle(db: Database, questionnaireId: string): Promise<string> {
  const [row] = await db
    .select({ title: sql<unknown>`${questionnaireVersions.definition} -> '$.title'` })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId))
    .orderBy(desc(questionnaireVersions.version))
    .limit(1);
  return textOfJson(row?.title) ?? questionnaireId;
}

/** The round's items in order, with their answers, where `condition` holds. */
async function itemsWhere(db: Database, roundId: string, condition?: SQL, limit?: number): Promise<RoundItem[]> {
  const query = db
    .select({
      responseId: doubleCodingItems.responseId,
      questionId: doubleCodingItems.questionId,
      position: doubleCodingItems.position,
      versionId: responses.versionId,
      text: answerJson(responses.answers, doubleCodingItems.questionId)
    })
    .from(doubleCodingItems)
    .innerJoin(responses, eq(responses.id, doubleCodingItems.responseId))
    .where(and(eq(doubleCodingItems.roundId, roundId), condition))
    .orderBy(doubleCodingItems.position);
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map((r) => ({ ...r, text: textOfJson(r.text) ?? '' }));
}

export function roundItems(db: Database, roundId: string): Promise<RoundItem[]> {
  return itemsWhere(db, roundId);
}

/** The first item this person has not coded yet. */
export async function nextItemFor(db: Database, roundId: string, staffId: string): Promise<RoundItem | undefined> {
  const labelled = db
    .select({ one: sql`1` })
    .from(doubleCodingLabels)
    .where(
      and(
        eq(doubleCodingLabels.roundId, doubleCodingItems.roundId),
        eq(doubleCodingLabels.responseId, doubleCodingItems.responseId),
        eq(doubleCodingLabels.questionId, doubleCodingItems.questionId),
        eq(doubleCodingLabels.staffId, staffId)
      )
    );
  return (await itemsWhere(db, roundId, notExists(labelled), 1))[0];
}

export async function findItem(db: Database, roundId: string, responseId: string, questionId: string): Promise<RoundItem | undefined> {
  return (await itemsWhere(db, roundId, and(eq(doubleCodingItems.responseId, responseId), eq(doubleCodingItems.questionId, questionId))))[0];
}

export async function hasLabel(db: Database, roundId: string, item: { responseId: string; questionId: string }, staffId: string): Promise<boolean> {
  const rows = await db
    .select({ staffId: doubleCodingLabels.staffId })
    .from(doubleCodingLabels)
    .where(
      and(eq(doubleCodingLabels.roundId, roundId), eq(doubleCodingLabels.responseId, item.responseId), eq(doubleCodingLabels.questionId, item.questionId), eq(doubleCodingLabels.staffId, staffId))
    );
  return rows.length > 0;
}

export function labelStatement(db: Database, label: { roundId: string; responseId: string; questionId: string; staffId: string; themes: string[]; codedAt: Date }) {
  return db
    .insert(doubleCodingLabels)
    .values(label)
    .onConflictDoUpdate({
      target: [doubleCodingLabels.roundId, doubleCodingLabels.responseId, doubleCodingLabels.questionId, doubleCodingLabels.staffId],
      set: { themes: label.themes, codedAt: label.codedAt }
    });
}

/** Every label of some coders; only for results, once they are released. */
export async function labelsOf(db: Database, roundId: string, staffIds: string[]) {
  if (staffIds.length === 0) return [];
  return db
    .select()
    .from(doubleCodingLabels)
    .where(and(eq(doubleCodingLabels.roundId, roundId), inArray(doubleCodingLabels.staffId, staffIds)))
    .orderBy(asc(doubleCodingLabels.responseId));
}

/** Results are released: from now on nobody new may start coding the round. */
export function closeRoundStatement(db: Database, roundId: string, at: Date) {
  return db
    .update(doubleCodingRounds)
    .set({ closedAt: at })
    .where(and(eq(doubleCodingRounds.id, roundId), isNull(doubleCodingRounds.closedAt)));
}
