// The report the command line (and the benchmark) builds for a questionnaire
// without an author: a summary for the author to replace, the methodology,
// how safe people feel (across the series' waves when the questionnaire is in
// a series, else its own measures as the explorer shows them), the themes
// most often raised, and "You said, we did" rows from the organisation's
// newest published report whose strategy priorities still exist.
import { type Database, reports, waveQuestionnaires, waves } from '@safer-voices/db';
import type { ReportDefinition, ReportSectionDefinition } from '@safer-voices/survey';
import { desc, eq } from 'drizzle-orm';
import { dimensionsOf, exploreView } from '../explore/view';
import { resolveContext } from '../reports/context';
import { interval, percent } from '../reports/format';
import { latestPublished } from '../reports/store';

const EVERYONE_QUERY = { versions: [], from: null, to: null, question: null, by: null, theme: null, filters: {} };
const TOP_THEMES = 5;
const MAX_MEASURES = 12;

export const SUMMARY_PLACEHOLDER = 'Write your summary here: what people told you, and what will happen next. (This report was made by the command line with the default sections.)';

async function seriesOf(db: Database, questionnaireId: string): Promise<string | null> {
  const [row] = await db
    .select({ seriesId: waves.seriesId })
    .from(waveQuestionnaires)
    .innerJoin(waves, eq(waves.id, waveQuestionnaires.waveId))
    .where(eq(waveQuestionnaires.questionnaireId, questionnaireId))
    .orderBy(desc(waves.fieldworkDate))
    .limit(1);
  return row?.seriesId ?? null;
}

type Rows = Extract<ReportSectionDefinition, { kind: 'you-said-we-did' }>['rows'];

async function publishedRows(db: Database, organisationId: string, priorities: Set<string>): Promise<Rows> {
  const rows = await db.select({ id: reports.id }).from(reports).where(eq(reports.organisationId, organisationId)).orderBy(desc(reports.createdAt));
  for (const report of rows) {
    const published = await latestPublished(db, report.id);
    const own = (published?.definition.sections ?? []).flatMap((s) => (s.kind === 'you-said-we-did' ? s.rows : [])).filter((r) => priorities.has(r.priorityId));
    if (own.length > 0) return own.slice(0, 50);
  }
  return [];
}

export async function defaultReportDefinition(db: Database, organisationId: string, questionnaireId: string): Promise<ReportDefinition> {
  const seriesId = await seriesOf(db, questionnaireId);
  const own = await resolveContext(db, organisationId, { title: 'x', covers: { questionnaireIds: [questionnaireId], collectionIds: [] }, sections: [], easyRead: null });
  const questionnaire = own.covered[0];
  if (!questionnaire) throw new Error('The questionnaire is not one of the organisation’s surveys');
  const view = await exploreView(db, questionnaire.loaded, EVERYONE_QUERY, { settings: own.settings, themes: own.themes, dimensions: dimensionsOf(questionnaire.loaded) });
  const topThemes = view.prevalence
    .filter((p) => p.percent !== null && own.themes.some((t) => t.id === p.themeId))
    .sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0))
    .slice(0, TOP_THEMES)
    .map((p) => ({ themeId: p.themeId, text: '', quotes: [] }));

  const covers = seriesId ? { seriesId, questionnaireIds: [], collectionIds: [] } : { questionnaireIds: [questionnaireId], collectionIds: [] };
  const context = seriesId ? await resolveContext(db, organisationId, { title: 'x', covers, sections: [], easyRead: null }) : own;
  const successMeasureIds = context.strategy
    .flatMap((p) => p.measures)
    .filter((m) => !seriesId || m.seriesId === seriesId)
    .map((m) => m.id)
    .slice(0, 30);
  const safety: ReportSectionDefinition = seriesId
    ? { id: 'safety', kind: 'safety', intro: '', measureKeys: (context.measures?.measures ?? []).slice(0, MAX_MEASURES).map((m) => m.key), successMeasureIds }
    : {
        id: 'safety',
        kind: 'safety',
        intro: view.measures
          .slice(0, MAX_MEASURES)
          .map((m) =>
            m.figure.percent === null
              ? `${m.name}: withheld, because too few people answered.`
              : `${m.name} (${m.headline}): ${percent(m.figure.percent)} (95% interval ${interval(m.figure.lower, m.figure.upper)}).`
          )
          .join('\n\n'),
        measureKeys: [],
        successMeasureIds
      };
  const rows = await publishedRows(db, organisationId, new Set(context.strategy.map((p) => p.id)));
  const sections: ReportSectionDefinition[] = [
    { id: 'summary', kind: 'summary', text: SUMMARY_PLACEHOLDER },
    { id: 'methodology', kind: 'methodology', notes: '' },
    safety,
    { id: 'themes', kind: 'themes', intro: '', themes: topThemes },
    ...(rows.length > 0 ? [{ id: 'you-said-we-did', kind: 'you-said-we-did', rows } as const] : [])
  ];
  return { title: `${questionnaire.title}: what you told us`.slice(0, 200), covers, sections, easyRead: null };
}
