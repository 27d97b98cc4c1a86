// The demo's measures over time: the youth and 8–11 surveys were also run a
// year earlier (closed copies of the same questionnaires, answered by
// invented pupils of the same schools), making a series of two waves, and
// the demo organisation records the four priorities of a local violence
// reduction strategy with measures of success tied to the series. Between the
// waves, feeling safe out after dark really rises and feeling safe at school
// does not (demo-lean.ts), so the measures pages show both verdicts; in both
// waves girls feel less safe after dark than boys, by about as much.
import { type Database, newId, questionnaires, questionnaireVersions, series, strategyPriorities, successMeasures, waveQuestionnaires, waves } from '@safer-voices/db';
import { QuestionnaireDefinitionSchema } from '@safer-voices/survey';
import { templates } from '@safer-voices/survey/templates';
import { eq } from 'drizzle-orm';
import { DEMO_PRIVACY } from './demo-privacy';
import { DEMO_WEEKS, type ResponsePlan, seedResponses } from './seed-responses';
import { seededRandom } from './random';

const DAY = 86_400_000;

/** The earlier wave's responses per survey: a little fewer than this year's. */
export const EARLIER_WAVE_COUNTS: Record<string, number> = { 'youth-safety-11-19': 1200, 'feeling-safe-8-11': 250 };

/** The priorities of a local strategy (as in Bath and North East Somerset's serious violence strategy). */
export const DEMO_PRIORITIES = ['Key determinants of serious violence', 'Harm reduction', 'Perception of safety', 'Delivery of commitments'];

export const DEMO_SERIES_NAME = 'Youth safety survey';

const yearOf = (at: number) => String(new Date(at).getUTCFullYear());

export async function seedDemoSeries(db: Database, organisationId: string, { now = Date.now(), seed = 2025 } = {}): Promise<void> {
  // Fieldwork: this year's responses span the eight weeks up to now (seed-responses.ts); last year's the same weeks a year before.
  const thisWave = now - (DEMO_WEEKS / 2) * 7 * DAY;
  const earlierUntil = now - 364 * DAY;
  const earlierWave = thisWave - 364 * DAY;
  const plans: ResponsePlan[] = [];
  const earlierIds: string[] = [];
  const currentIds: string[] = [];
  const statements = [];
  for (const [slug, count] of Object.entries(EARLIER_WAVE_COUNTS)) {
    const template = templates.find((t) => t.slug === slug);
    const current = await db.select({ id: questionnaires.id }).from(questionnaires).where(eq(questionnaires.slug, slug));
    if (!template || !current[0]) continue;
    currentIds.push(current[0].id);
    const questionnaireId = newId();
    const versionId = newId();
    const definition = QuestionnaireDefinitionSchema.parse({ ...template.definition, title: `${template.definition.title} (${yearOf(earlierWave)})` });
    earlierIds.push(questionnaireId);
    statements.push(
      db.insert(questionnaires).values({ id: questionnaireId, organisationId, slug: `${slug}-${yearOf(earlierWave)}`, closesAt: new Date(earlierUntil + DAY), ...DEMO_PRIVACY }),
      db.insert(questionnaireVersions).values({ id: versionId, questionnaireId, version: 1, definition, publishedAt: new Date(earlierUntil - (DEMO_WEEKS + 1) * 7 * DAY) })
    );
    plans.push({ template: slug, versionId, definition, count, until: earlierUntil, earlierWave: true });
  }
  const seriesId = newId();
  const [earlierWaveId, thisWaveId] = [newId(), newId()];
  const priorities = DEMO_PRIORITIES.map((title, position) => ({ id: newId(), organisationId, title, position }));
  const safety = priorities[2]?.id ?? '';
  const target = { baselineWaveId: earlierWaveId, seriesId, priorityId: safety, direction: 'increase' as const, targetDate: new Date(Date.UTC(new Date(now).getUTCFullYear() + 1, 6, 31)) };
  await db.batch([
    db
      .insert(series)
      .values({ id: seriesId, organisationId, name: DEMO_SERIES_NAME, description: 'Pupils aged 8 to 19 in local schools, once a year. Demo data: the schools, pupils and answers are invented.' }),
    ...statements,
    db.insert(waves).values([
      { id: earlierWaveId, seriesId, label: yearOf(earlierWave), fieldworkDate: new Date(earlierWave) },
      { id: thisWaveId, seriesId, label: yearOf(thisWave), fieldworkDate: new Date(thisWave) }
    ]),
    db
      .insert(waveQuestionnaires)
      .values([...earlierIds.map((questionnaireId) => ({ waveId: earlierWaveId, questionnaireId })), ...currentIds.map((questionnaireId) => ({ waveId: thisWaveId, questionnaireId }))]),
    db.insert(strategyPriorities).values(priorities),
    db.insert(successMeasures).values([
      { id: newId(), name: 'Young people who feel safe out in their area after dark', measureKey: 'safe_area_after_dark', targetPoints: 5, ...target },
      { id: newId(), name: 'Pupils who feel safe at school', measureKey: 'safe_at_school', targetPoints: 5, ...target },
      {
        id: newId(),
        name: 'Young people who write about knives and weapons',
        themeId: 'knives_weapons',
        targetPoints: 3,
        ...target,
        priorityId: priorities[1]?.id ?? safety,
        direction: 'decrease'
      }
    ])
  ]);
  await seedResponses(db, plans, seededRandom(seed));
}
