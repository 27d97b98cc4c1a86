// A strategy's priorities and measures of success, and each measure's status
// from its series: the change from the baseline wave to the newest wave
// after it, against the trajectory to the target (see success-status in
// @safer-voices/insights for the rule). Priorities and measures can be
// changed and removed; a priority only once it has no measures left, so no
// measure of success is lost by removing the heading above it.
import { type Database, newId, series, strategyPriorities, successMeasures, waves } from '@safer-voices/db';
import { assessMeasureOfSuccess, type SuccessStatus } from '@safer-voices/insights';
import type { PriorityInput, SuccessMeasureInput } from '@safer-voices/survey';
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { ApiError } from '../errors';
import { findSeries, isForeignKeyViolation, quotedList } from './series-store';
import { reportsNaming } from '../reports/references';
import { type MeasureLine, type SeriesMeasures, seriesMeasures, type ShownWaveFigure } from './waves-view';

export interface MeasureOfSuccessView {
  id: string;
  name: string;
  seriesId: string;
  seriesName: string;
  measureKey: string | null;
  themeId: string | null;
  /** What the figure is, as the series' measures name it; null when no wave has it. */
  measureName: string | null;
  headline: string | null;
  direction: 'increase' | 'decrease';
  targetPoints: number;
  targetDate: string;
  baseline: { waveId: string; label: string; figure: ShownWaveFigure | null };
  latest: { waveId: string; label: string; figure: ShownWaveFigure | null } | null;
  status: SuccessStatus;
  /** Why the status is what it is, in words. */
  reason: string;
  /** The change since the baseline, in percentage points, with its 95% interval; null when it cannot be worked out. */
  change: { points: number; lower: number; upper: number; designEffectApplied: boolean } | null;
  /** Change the trajectory expects by the newest wave, in points. */
  expectedPoints: number | null;
}

export interface PriorityView {
  id: string;
  title: string;
  measures: MeasureOfSuccessView[];
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const countOf = (f: ShownWaveFigure) => Math.round(((f.percent ?? 0) * (f.base ?? 0)) / 100);

function statusOf(row: typeof successMeasures.$inferSelect, seriesName: string, found: SeriesMeasures): MeasureOfSuccessView {
  const line: MeasureLine | undefined = row.measureKey ? found.measures.find((m) => m.key === row.measureKey) : found.themes.find((m) => m.key === `theme:${row.themeId}`);
  const baselineAt = found.waves.findIndex((w) => w.id === row.baselineWaveId);
  const baselineWave = found.waves[baselineAt];
  const figureAt = (waveId: string | undefined) => line?.figures.find((f) => f.id === waveId) ?? null;
  // The newest wave after the baseline that anyone answered (a wave still being planned has nobody yet).
  const latestWave =
    baselineAt < 0
      ? undefined
      : found.waves
          .slice(baselineAt + 1)
          .reverse()
          .find((w) => figureAt(w.id)?.withheld !== 'no respondents');
  const baseline = { waveId: row.baselineWaveId, label: baselineWave?.label ?? '', figure: figureAt(baselineWave?.id) };
  const latest = latestWave ? { waveId: latestWave.id, label: latestWave.label, figure: figureAt(latestWave.id) } : null;
  const common = {
    id: row.id,
    name: row.name,
    seriesId: row.seriesId,
    seriesName,
    measureKey: row.measureKey,
    themeId: row.themeId,
    measureName: line?.name ?? null,
    headline: line?.headline ?? null,
    direction: row.direction,
    targetPoints: row.targetPoints,
    targetDate: isoDate(row.targetDate),
    baseline,
    latest
  };
  const tooEarly = (reason: string): MeasureOfSuccessView => ({ ...common, status: 'too early to tell', reason, change: null, expectedPoints: null });
  if (!line) return tooEarly('No wave of the series has this measure yet.');
  if (!latest) return tooEarly('There is no wave after the baseline yet.');
  if (!baseline.figure?.shown) return tooEarly('The baseline wave has too few people to show a figure.');
  if (!latest.figure?.shown) return tooEarly(`${latest.label} has too few people to show a figure.`);
  const between = line.steps.slice(
    baselineAt,
    found.waves.findIndex((w) => w.id === latest.waveId)
  );
  const unlike = between.find((s) => !s.comparable);
  if (unlike?.weightingDiffers) return tooEarly(`Only one of the waves could be weighted, so they are not compared: ${unlike.notes.at(-1) ?? ''}`);
  if (unlike) return tooEarly(`The waves were asked differently, so they are not compared: ${unlike.notes[0] ?? ''}`);
  const assessment = assessMeasureOfSuccess(
    { direction: row.direction, targetChange: row.targetPoints / 100, baselineDate: new Date(`${baseline.figure.date}T12:00:00Z`), targetDate: row.targetDate },
    { successes: countOf(baseline.figure), n: baseline.figure.base ?? 0, designEffect: baseline.figure.totalDesignEffect },
    { wave: { successes: countOf(latest.figure), n: latest.figure.base ?? 0, designEffect: latest.figure.totalDesignEffect }, date: new Date(`${latest.figure.date}T12:00:00Z`) }
  );
  const c = assessment.change;
  const change =
    c?.difference != null && c.lower != null && c.upper != null ? { points: c.difference * 100, lower: c.lower * 100, upper: c.upper * 100, designEffectApplied: c.designEffects.applied } : null;
  const expectedPoints = assessment.expectedChange * 100;
  const reason =
    assessment.status === 'on track'
      ? `The whole 95% interval of the change since ${baseline.label} is at or beyond the ${expectedPoints.toFixed(1)} points expected by ${latest.label}.`
      : assessment.status === 'not on track'
        ? `The whole 95% interval of the change since ${baseline.label} falls short of the ${expectedPoints.toFixed(1)} points expected by ${latest.label}.`
        : `The 95% interval of the change since ${baseline.label} holds values both short of and beyond the ${expectedPoints.toFixed(1)} points expected by ${latest.label}.`;
  return { ...common, status: assessment.status, reason, change, expectedPoints };
}

export async function strategyOf(db: Database, organisationId: string): Promise<PriorityView[]> {
  const priorities = await db.select().from(strategyPriorities).where(eq(strategyPriorities.organisationId, organisationId)).orderBy(asc(strategyPriorities.position));
  const rows =
    priorities.length === 0
      ? []
      : await db
          .select()
          .from(successMeasures)
          .where(
            inArray(
              successMeasures.priorityId,
              priorities.map((p) => p.id)
            )
          )
          .orderBy(asc(successMeasures.createdAt));
  const seriesIds = [...new Set(rows.map((r) => r.seriesId))];
  const measured = new Map<string, { name: string; measures: SeriesMeasures }>();
  for (const id of seriesIds) {
    const found = await findSeries(db, id);
    if (found) measured.set(id, { name: found.name, measures: await seriesMeasures(db, found) });
  }
  return priorities.map((p) => ({
    id: p.id,
    title: p.title,
    measures: rows.flatMap((r) => {
      const s = measured.get(r.seriesId);
      return r.priorityId === p.id && s ? [statusOf(r, s.name, s.measures)] : [];
    })
  }));
}

export async function addPriority(db: Database, organisationId: string, input: PriorityInput): Promise<string> {
  const id = newId();
  const [last] = await db
    .select({ position: max(strategyPriorities.position) })
    .from(strategyPriorities)
    .where(eq(strategyPriorities.organisationId, organisationId));
  await db.insert(strategyPriorities).values({ id, organisationId, title: input.title, position: (last?.position ?? -1) + 1 });
  return id;
}

export interface PriorityRow {
  id: string;
  organisationId: string;
  title: string;
}

export interface SuccessMeasureRow {
  id: string;
  organisationId: string;
  priorityId: string;
  name: string;
}

/** The priority, whatever organisation it is in: callers check reach (policies/reachable). */
export async function findPriority(db: Database, id: string): Promise<PriorityRow | null> {
  const [found] = await db
    .select({ id: strategyPriorities.id, organisationId: strategyPriorities.organisationId, title: strategyPriorities.title })
    .from(strategyPriorities)
    .where(eq(strategyPriorities.id, id));
  return found ?? null;
}

/** The measure of success with its priority's organisation, whatever that is: callers check reach. */
export async function findSuccessMeasure(db: Database, id: string): Promise<SuccessMeasureRow | null> {
  const [found] = await db
    .select({ id: successMeasures.id, organisationId: strategyPriorities.organisationId, priorityId: successMeasures.priorityId, name: successMeasures.name })
    .from(successMeasures)
    .innerJoin(strategyPriorities, eq(strategyPriorities.id, successMeasures.priorityId))
    .where(eq(successMeasures.id, id));
  return found ?? null;
}

export async function updatePriority(db: Database, found: PriorityRow, input: PriorityInput): Promise<void> {
  await db.update(strategyPriorities).set({ title: input.title }).where(eq(strategyPriorities.id, found.id));
}

/** The names of a priority's measures of success, oldest first. */
async function measureNamesOf(db: Database, priorityId: string): Promise<string[]> {
  const rows = await db.select({ name: successMeasures.name }).from(successMeasures).where(eq(successMeasures.priorityId, priorityId)).orderBy(asc(successMeasures.createdAt));
  return rows.map((r) => r.name);
}

const priorityInUse = (title: string, names: string[]) =>
  new ApiError(
    409,
    'priority_has_measures',
    names.length === 0
      ? `A measure of success was just added to “${title}”; remove it or move it to another priority first`
      : `“${title}” still has ${names.length === 1 ? 'the measure of success' : `${names.length} measures of success:`} ${quotedList(names)}; remove ${names.length === 1 ? 'it' : 'them'} or move ${names.length === 1 ? 'it' : 'them'} to another priority first`
  );

/** 409 naming the reports whose newest version uses the priority or measure of success. */
async function refuseWhileReported(db: Database, organisationId: string, id: string, name: string): Promise<void> {
  const titles = await reportsNaming(db, organisationId, id);
  if (titles.length === 0) return;
  throw new ApiError(
    409,
    'used_in_report',
    `“${name}” is used in ${titles.length === 1 ? 'the report' : 'the reports'} ${quotedList(titles)}; take it out of ${titles.length === 1 ? 'that report' : 'those reports'} first`
  );
}

/** Removes a priority that has no measures of success left; 409 naming them while it has. */
export async function removePriority(db: Database, found: PriorityRow): Promise<void> {
  const names = await measureNamesOf(db, found.id);
  if (names.length > 0) throw priorityInUse(found.title, names);
  await refuseWhileReported(db, found.organisationId, found.id, found.title);
  try {
    await db.delete(strategyPriorities).where(eq(strategyPriorities.id, found.id));
  } catch (e) {
    if (isForeignKeyViolation(e)) throw priorityInUse(found.title, await measureNamesOf(db, found.id));
    throw e;
  }
}

/** The priority and baseline wave must be the organisation's, the wave one of the series'. */
async function refuseMeasureProblems(db: Database, organisationId: string, input: SuccessMeasureInput): Promise<void> {
  const [priority] = await db
    .select({ id: strategyPriorities.id })
    .from(strategyPriorities)
    .where(and(eq(strategyPriorities.id, input.priorityId), eq(strategyPriorities.organisationId, organisationId)));
  const [wave] = await db
    .select({ id: waves.id })
    .from(waves)
    .innerJoin(series, eq(series.id, waves.seriesId))
    .where(and(eq(waves.id, input.baselineWaveId), eq(waves.seriesId, input.seriesId), eq(series.organisationId, organisationId)));
  const issues = [
    ...(priority ? [] : [{ field: 'priorityId', message: 'Choose one of your strategy’s priorities' }]),
    ...(wave ? [] : [{ field: 'baselineWaveId', message: 'Choose the baseline wave from the series' }])
  ];
  if (issues.length > 0) throw new ApiError(422, 'invalid_measure_of_success', issues[0]?.message ?? '', issues);
}

const measureColumns = (input: SuccessMeasureInput) => ({
  priorityId: input.priorityId,
  name: input.name,
  seriesId: input.seriesId,
  measureKey: input.measureKey ?? null,
  themeId: input.themeId ?? null,
  baselineWaveId: input.baselineWaveId,
  direction: input.direction,
  targetPoints: input.targetPoints,
  targetDate: new Date(`${input.targetDate}T12:00:00Z`)
});

/** A wave removed between the check and the write: said as the check would. */
async function writeMeasure<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isForeignKeyViolation(e))
      throw new ApiError(422, 'invalid_measure_of_success', 'Choose the baseline wave from the series', [{ field: 'baselineWaveId', message: 'Choose the baseline wave from the series' }]);
    throw e;
  }
}

export async function addSuccessMeasure(db: Database, organisationId: string, input: SuccessMeasureInput): Promise<string> {
  await refuseMeasureProblems(db, organisationId, input);
  const id = newId();
  await writeMeasure(() => db.insert(successMeasures).values({ id, ...measureColumns(input) }));
  return id;
}

/** Changes everything about a measure of success, its priority too (within the same organisation). */
export async function updateSuccessMeasure(db: Database, found: SuccessMeasureRow, input: SuccessMeasureInput): Promise<void> {
  await refuseMeasureProblems(db, found.organisationId, input);
  await writeMeasure(() => db.update(successMeasures).set(measureColumns(input)).where(eq(successMeasures.id, found.id)));
}

export async function removeSuccessMeasure(db: Database, found: SuccessMeasureRow): Promise<void> {
  await refuseWhileReported(db, found.organisationId, found.id, found.name);
  await db.delete(successMeasures).where(eq(successMeasures.id, found.id));
}
