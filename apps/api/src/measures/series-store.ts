// Series of repeated surveys and their waves. A wave holds the questionnaires
// fielded at one time (age-banded versions share a wave); a questionnaire is
// in one wave at most (the database's unique index says so too).
import { type Database, isUniqueViolation, newId, questionnaires, series, textOfJson, waveQuestionnaires, waves } from '@safer-voices/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { ApiError } from '../errors';

export interface WaveMember {
  id: string;
  title: string;
  accessMode: 'open' | 'codes';
}

export interface WaveSummary {
  id: string;
  label: string;
  /** YYYY-MM-DD. */
  fieldworkDate: string;
  questionnaires: WaveMember[];
}

export interface SeriesSummary {
  id: string;
  organisationId: string;
  name: string;
  description: string;
  /** Oldest first. */
  waves: WaveSummary[];
}

export interface SeriesInput {
  name: string;
  description: string;
}

export interface WaveInput {
  label: string;
  fieldworkDate: string;
  questionnaireIds: string[];
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

async function membersOf(db: Database, waveIds: string[]): Promise<Map<string, WaveMember[]>> {
  if (waveIds.length === 0) return new Map();
  // The title from the newest published version, or the newest one when none is.
  const rows = await db
    .select({
      waveId: waveQuestionnaires.waveId,
      id: questionnaires.id,
      accessMode: questionnaires.accessMode,
      title: sql<unknown>`(SELECT v.definition -> '$.title' FROM questionnaire_versions v WHERE v.questionnaire_id = ${questionnaires.id} ORDER BY v.published_at IS NULL, v.version DESC LIMIT 1)`
    })
    .from(waveQuestionnaires)
    .innerJoin(questionnaires, eq(questionnaires.id, waveQuestionnaires.questionnaireId))
    .where(inArray(waveQuestionnaires.waveId, waveIds))
    .orderBy(asc(waveQuestionnaires.createdAt));
  const byWave = new Map<string, WaveMember[]>();
  for (const r of rows) byWave.set(r.waveId, [...(byWave.get(r.waveId) ?? []), { id: r.id, title: textOfJson(r.title) ?? '', accessMode: r.accessMode }]);
  return byWave;
}

async function summaries(db: Database, found: (typeof series.$inferSelect)[]): Promise<SeriesSummary[]> {
  if (found.length === 0) return [];
  const allWaves = await db
    .select()
    .from(waves)
    .where(
      inArray(
        waves.seriesId,
        found.map((s) => s.id)
      )
    )
    .orderBy(asc(waves.fieldworkDate), asc(waves.label));
  const members = await membersOf(
    db,
    allWaves.map((w) => w.id)
  );
  return found.map((s) => ({
    id: s.id,
    organisationId: s.organisationId,
    name: s.name,
    description: s.description,
    waves: allWaves.filter((w) => w.seriesId === s.id).map((w) => ({ id: w.id, label: w.label, fieldworkDate: isoDate(w.fieldworkDate), questionnaires: members.get(w.id) ?? [] }))
  }));
}

export async function listSeries(db: Database, organisationId: string): Promise<SeriesSummary[]> {
  return summaries(db, await db.select().from(series).where(eq(series.organisationId, organisationId)).orderBy(asc(series.name)));
}

/** The series, whatever organisation it is in: callers check reach (policies/reachable). */
export async function findSeries(db: Database, id: string): Promise<SeriesSummary | null> {
  const [found] = await summaries(db, await db.select().from(series).where(eq(series.id, id)));
  return found ?? null;
}

export async function createSeries(db: Database, organisationId: string, input: SeriesInput): Promise<SeriesSummary> {
  const id = newId();
  try {
    await db.insert(series).values({ id, organisationId, name: input.name, description: input.description });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError(409, 'series_exists', 'There is already a series with that name', [{ field: 'name', message: 'There is already a series with that name' }]);
    throw e;
  }
  return (await findSeries(db, id)) as SeriesSummary;
}

/** Problems with the questionnaires chosen for a wave: each must be one of the organisation's surveys and in no other wave. */
async function memberProblems(db: Database, organisationId: string, questionnaireIds: string[], waveId: string | null): Promise<string[]> {
  if (questionnaireIds.length === 0) return [];
  const found = await db
    .select({ id: questionnaires.id, kind: questionnaires.kind, inWave: waveQuestionnaires.waveId })
    .from(questionnaires)
    .leftJoin(waveQuestionnaires, eq(waveQuestionnaires.questionnaireId, questionnaires.id))
    .where(and(eq(questionnaires.organisationId, organisationId), inArray(questionnaires.id, questionnaireIds)));
  const byId = new Map(found.map((q) => [q.id, q]));
  return questionnaireIds.flatMap((id) => {
    const q = byId.get(id);
    if (q?.kind !== 'survey') return [`There is no survey “${id}” in this organisation`];
    if (q.inWave && q.inWave !== waveId) return ['A questionnaire can be in one wave only; remove it from the other wave first'];
    return [];
  });
}

function refuseProblems(problems: string[]): void {
  if (problems.length > 0) {
    throw new ApiError(
      422,
      'invalid_wave',
      problems[0] as string,
      problems.map((message) => ({ field: 'questionnaireIds', message }))
    );
  }
}

export async function addWave(db: Database, seriesFound: SeriesSummary, input: WaveInput): Promise<SeriesSummary> {
  refuseProblems(await memberProblems(db, seriesFound.organisationId, input.questionnaireIds, null));
  const waveId = newId();
  try {
    await db.batch([
      db.insert(waves).values({ id: waveId, seriesId: seriesFound.id, label: input.label, fieldworkDate: new Date(`${input.fieldworkDate}T12:00:00Z`) }),
      ...input.questionnaireIds.map((questionnaireId) => db.insert(waveQuestionnaires).values({ waveId, questionnaireId }))
    ]);
  } catch (e) {
    if (isUniqueViolation(e))
      throw new ApiError(409, 'wave_exists', 'This series already has a wave with that name, or a questionnaire was just added to another wave', [
        { field: 'label', message: 'This series already has a wave with that name' }
      ]);
    throw e;
  }
  return (await findSeries(db, seriesFound.id)) as SeriesSummary;
}

export async function updateWave(db: Database, seriesFound: SeriesSummary, waveId: string, input: WaveInput): Promise<SeriesSummary> {
  if (!seriesFound.waves.some((w) => w.id === waveId)) throw new ApiError(404, 'wave_not_found', 'There is no such wave in this series');
  refuseProblems(await memberProblems(db, seriesFound.organisationId, input.questionnaireIds, waveId));
  try {
    await db.batch([
      db
        .update(waves)
        .set({ label: input.label, fieldworkDate: new Date(`${input.fieldworkDate}T12:00:00Z`) })
        .where(eq(waves.id, waveId)),
      db.delete(waveQuestionnaires).where(eq(waveQuestionnaires.waveId, waveId)),
      ...input.questionnaireIds.map((questionnaireId) => db.insert(waveQuestionnaires).values({ waveId, questionnaireId }))
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError(409, 'wave_exists', 'This series already has a wave with that name', [{ field: 'label', message: 'This series already has a wave with that name' }]);
    throw e;
  }
  return (await findSeries(db, seriesFound.id)) as SeriesSummary;
}
