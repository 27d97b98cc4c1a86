// What resolving a report reads once and every section shares: the
// organisation, its threshold and redaction terms, the questionnaires and
// collections the report covers (with their explorer indexes), the series and
// its measures, the codebook's themes and the strategy.
import { type Database, organisations, questionnaires } from '@safer-voices/db';
import type { ReportDefinition } from '@safer-voices/survey';
import { and, eq, inArray } from 'drizzle-orm';
import { explorerFor } from '../explore/cache';
import type { LoadedExplorer } from '../explore/load';
import { type ShownTheme, shownThemes } from '../explore/view';
import { ageBandOf } from '../measures/age-band';
import { findSeries, type SeriesSummary } from '../measures/series-store';
import { type PriorityView, strategyOf } from '../measures/strategy-store';
import { type SeriesMeasures, seriesMeasures } from '../measures/waves-view';
import { currentCodebook } from '../store/codebooks';
import { type OrganisationSettings, settingsOf } from '../store/organisation-settings';

export interface CoveredQuestionnaire {
  id: string;
  kind: 'survey' | 'collection';
  accessMode: 'open' | 'codes';
  title: string;
  /** "11–19", "8–11", "adults" (a collection: ""). */
  ageBand: string;
  audience: 'child' | 'youth' | 'adult' | null;
  /** The series' wave it is in, if any. */
  wave: { id: string; label: string; fieldworkDate: string } | null;
  loaded: LoadedExplorer;
}

export interface ResolveContext {
  organisationId: string;
  organisationName: string;
  settings: OrganisationSettings;
  threshold: number;
  covered: CoveredQuestionnaire[];
  series: SeriesSummary | null;
  measures: SeriesMeasures | null;
  codebookVersion: number;
  themes: ShownTheme[];
  strategy: PriorityView[];
}

/** The organisation's questionnaires of a kind among `ids`, in the order given; others are left out (the save checks refuse them). */
async function ownQuestionnaires(db: Database, organisationId: string, ids: readonly string[], kind: 'survey' | 'collection') {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: questionnaires.id, accessMode: questionnaires.accessMode, kind: questionnaires.kind })
    .from(questionnaires)
    .where(and(eq(questionnaires.organisationId, organisationId), eq(questionnaires.kind, kind), inArray(questionnaires.id, [...ids])));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function resolveContext(db: Database, organisationId: string, definition: ReportDefinition): Promise<ResolveContext> {
  const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  const [settings, { version: codebookVersion, codebook }, strategy] = await Promise.all([settingsOf(db, organisationId), currentCodebook(db, organisationId), strategyOf(db, organisationId)]);
  const found = definition.covers.seriesId ? await findSeries(db, definition.covers.seriesId) : null;
  const series = found && found.organisationId === organisationId ? found : null;
  const measures = series ? await seriesMeasures(db, series) : null;
  const inWaves = (series?.waves ?? []).flatMap((wave) => wave.questionnaires.map((q) => ({ id: q.id, wave: { id: wave.id, label: wave.label, fieldworkDate: wave.fieldworkDate } })));
  const waveOf = new Map(inWaves.map((q) => [q.id, q.wave]));
  const surveyIds = [...new Set([...inWaves.map((q) => q.id), ...definition.covers.questionnaireIds])];
  const rows = [...(await ownQuestionnaires(db, organisationId, surveyIds, 'survey')), ...(await ownQuestionnaires(db, organisationId, definition.covers.collectionIds, 'collection'))];
  const covered: CoveredQuestionnaire[] = [];
  for (const row of rows) {
    const loaded = await explorerFor(db, { id: row.id, organisationId, kind: row.kind });
    const newest = loaded.meta.versions.at(-1)?.definition;
    covered.push({
      id: row.id,
      kind: row.kind,
      accessMode: row.accessMode,
      title: loaded.meta.title,
      ageBand: row.kind === 'survey' ? ageBandOf(loaded) : '',
      audience: row.kind === 'survey' ? (newest?.audience ?? null) : null,
      wave: waveOf.get(row.id) ?? null,
      loaded
    });
  }
  return {
    organisationId,
    organisationName: organisation?.name ?? '',
    settings,
    threshold: settings.suppressionThreshold,
    covered,
    series,
    measures,
    codebookVersion,
    themes: shownThemes(codebook),
    strategy
  };
}
