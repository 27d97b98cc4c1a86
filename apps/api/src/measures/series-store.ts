// Series of repeated surveys and their waves. A wave holds the questionnaires
// fielded at one time (age-banded versions share a wave); a questionnaire is
// in one wave at most (the database's unique index says so too). Removing a
// wave removes only the grouping: its questionnaires and their responses stay.
// A wave that is the baseline of a measure of success is not removed: the
// measure would lose what its target is counted from.
import { type Database, isUniqueViolation, newId, questionnaires, series, successMeasures, textOfJson, waveQuestionnaires, waves } from '@safer-voices/db';
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
  const wave = seriesFound.waves.find((w) => w.id === waveId);
  if (!wave) throw new ApiError(404, 'wave_not_found', 'There is no such wave in this series');
  // Emptying a baseline wave would take away what its measures of success count from, as removing it would.
  if (input.questionnaireIds.length === 0 && wave.questionnaires.length > 0) {
    const counting = await measuresWithBaseline(db, waveId);
    if (counting.length > 0) {
      const message = `Wave ${wave.label} is the baseline of ${counting.length === 1 ? 'the measure of success' : 'the measures of success'} ${quotedList(counting)}: it must keep at least one questionnaire`;
      throw new ApiError(409, 'wave_is_baseline', message, [{ field: 'questionnaireIds', message }]);
    }
  }
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

/** Whether a write failed because a row still refers to the one it would remove (told by the driver's code, as isUniqueViolation is). */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, rawCode, extendedCode } = e as { code?: unknown; rawCode?: unknown; extendedCode?: unknown };
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || extendedCode === 'SQLITE_CONSTRAINT_FOREIGNKEY' || rawCode === 787) return true;
  }
  return false;
}

/** “A”, “A” and “B”, “A”, “B” and “C”: names in curly quotes, for a sentence. */
export function quotedList(names: string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** The measures of success counted from a wave, by name. */
export async function measuresWithBaseline(db: Database, waveId: string): Promise<string[]> {
  const rows = await db.select({ name: successMeasures.name }).from(successMeasures).where(eq(successMeasures.baselineWaveId, waveId)).orderBy(asc(successMeasures.createdAt));
  return rows.map((r) => r.name);
}

const baselineRefusal = (waveLabel: string, names: string[]) =>
  new ApiError(
    409,
    'wave_is_baseline',
    names.length === 0
      ? `Wave ${waveLabel} was just made the baseline of a measure of success; change that measure’s baseline first`
      : `Wave ${waveLabel} is the baseline of ${names.length === 1 ? 'the measure of success' : 'the measures of success'} ${quotedList(names)}: change ${names.length === 1 ? 'its' : 'their'} baseline wave or remove ${names.length === 1 ? 'it' : 'them'} first`
  );

/**
 * Removes a wave from its series: the questionnaires stay, with their
 * responses, free to join another wave. Refused (409) while a measure of
 * success counts from it.
 */
export async function removeWave(db: Database, seriesFound: SeriesSummary, waveId: string): Promise<SeriesSummary> {
  const wave = seriesFound.waves.find((w) => w.id === waveId);
  if (!wave) throw new ApiError(404, 'wave_not_found', 'There is no such wave in this series');
  const counting = await measuresWithBaseline(db, waveId);
  if (counting.length > 0) throw baselineRefusal(wave.label, counting);
  try {
    await db.batch([db.delete(waveQuestionnaires).where(eq(waveQuestionnaires.waveId, waveId)), db.delete(waves).where(eq(waves.id, waveId))]);
  } catch (e) {
    // A measure of success made this wave its baseline between the check and the removal.
    if (isForeignKeyViolation(e)) throw baselineRefusal(wave.label, await measuresWithBaseline(db, waveId));
    throw e;
  }
  return (await findSeries(db, seriesFound.id)) as SeriesSummary;
}
