// The measures of a series, wave by wave: every perception-of-safety measure
// its questionnaires share, lined up by measure key (and grid row) across
// versions, age bands and waves, each wave's figure through the explorer's
// disclosure rule, clustering by school allowed for, and the change from wave
// to wave in the Crime Survey's words. Counting runs on the explorer's
// in-memory index of each questionnaire (explore/cache.ts), so a view is a
// few passes over bitsets once the indexes are built.
import type { Database } from '@safer-voices/db';
import {
  type Bitset,
  type Change,
  codedRows,
  intersect,
  type ExploreIndex,
  measureOverWaves,
  measureRows,
  selectRespondents,
  smallestDetectableChange,
  tallyMeasureGroups,
  tallyMeasures,
  type ThemeTally,
  tallyThemes,
  type WaveFigure,
  type WaveInput,
  type WavePart,
  type WaveStep,
  waveSentence
} from '@safer-voices/insights';
import { explorerFor } from '../explore/cache';
import type { LoadedExplorer } from '../explore/load';
import { type ShownTheme, shownThemes } from '../explore/view';
import { currentCodebook } from '../store/codebooks';
import { settingsOf } from '../store/organisation-settings';
import { ageBandOf } from './age-band';
import type { SeriesSummary, WaveMember } from './series-store';
import { type ExploredMember, type WaveWeightingReport, type WeightedCell, weightingVariables, weightWave } from './weighting';
import { weightingOf } from './weighting-store';

export interface ShownWaveFigure extends Omit<WaveFigure, 'date'> {
  /** YYYY-MM-DD. */
  date: string;
}

export interface MeasureLine {
  /** The measure key, with the grid row when the measure is one row of a grid: `safe_places.town_centre`. */
  key: string;
  measure: string;
  name: string;
  /** How the figure reads, e.g. "% very, fairly or quite safe". */
  headline: string;
  /** The question as worded in the newest wave. */
  question: string;
  figures: ShownWaveFigure[];
  steps: (Omit<WaveStep, 'change'> & { change: Change | null })[];
  /** The newest wave's figure and its change from the one before, in a sentence to quote. */
  sentence: string;
  /**
   * Before the next wave's fieldwork: the smallest change it could detect
   * (80% power, 95% level) with the number of respondents expected, from the
   * newest shown figure and its design effect; null when none is shown or no
   * number was given.
   */
  detectable: { points: number; from: string; designEffect: number } | null;
}

export interface SeriesMeasures {
  series: { id: string; name: string };
  threshold: number;
  waves: { id: string; label: string; fieldworkDate: string }[];
  measures: MeasureLine[];
  /** Each theme's prevalence: respondents with it among those with a coded free-text answer. */
  themes: MeasureLine[];
  /** Null when the series is unweighted; otherwise what it is weighted by and how each wave's raking went. */
  weighting: {
    variables: { key: string; label: string }[];
    trim: { lower: number; upper: number };
    waves: WaveWeightingReport[];
  } | null;
}

interface LinePart {
  name: string;
  headline: string;
  measure: string;
  part: WavePart;
}

/** Weighted sums of a measure (or theme) from each weighted cell's counts of those in the base and counted. */
function weightedSums(perCell: readonly { weight: number; base: number; counted: number }[]): NonNullable<WavePart['weighted']> {
  return perCell.reduce((s, c) => ({ base: s.base + c.weight * c.base, counted: s.counted + c.weight * c.counted, baseSquares: s.baseSquares + c.weight * c.weight * c.base }), {
    base: 0,
    counted: 0,
    baseSquares: 0
  });
}

/** Every measure of one questionnaire, counted over all its respondents, with its school groups; weighted when `cells` are given. */
function partsOf(loaded: LoadedExplorer, member: WaveMember, cells: readonly WeightedCell[] | undefined): Map<string, LinePart> {
  const { index, meta } = loaded;
  const measured = meta.dimensions.flatMap((d) => (d.headline ? [{ ...d, headline: d.headline }] : []));
  const rows = measured.map(({ key, headline }) => measureRows(index, { dimension: key, counts: headline.counts, notInBase: headline.notInBase }));
  const everyone = selectRespondents(index, {});
  const tallies = tallyMeasures(everyone, rows);
  const bySchool = tallyMeasureGroups(index, everyone, meta.contextKeys.school, rows);
  const perCell = cells?.map((cell) => ({ weight: cell.weight, tallies: tallyMeasures({ rows: cell.rows, parts: [] }, rows) }));
  const ageBand = ageBandOf(loaded);
  const lines = new Map<string, LinePart>();
  measured.forEach((d, i) => {
    // A grid row's dimension is `question.row`; its measure is the question's, so the row keeps lines apart.
    const dot = d.key.indexOf('.');
    const rowId = dot >= 0 ? d.key.slice(dot + 1) : null;
    const key = rowId ? `${d.headline.measure}.${rowId}` : d.headline.measure;
    if (lines.has(key)) return; // one question per measure and row: the first
    const tally = tallies[i] ?? { base: 0, counted: 0 };
    const schools = (bySchool[i] ?? []).map((g) => ({ base: g.base, counted: g.counts[0] ?? 0 })).filter((g) => g.base > 0);
    const scale = JSON.stringify([d.options.map((o) => o.value), d.headline.counts]);
    const weighted = perCell && weightedSums(perCell.map((c) => ({ weight: c.weight, ...(c.tallies[i] ?? { base: 0, counted: 0 }) })));
    lines.set(key, {
      name: d.headline.name,
      headline: d.headline.label,
      measure: d.headline.measure,
      part: {
        questionnaireId: member.id,
        ageBand,
        wording: d.label,
        scale,
        mode: member.accessMode === 'codes' ? 'school' : 'open',
        base: tally.base,
        counted: tally.counted,
        schools,
        ...(weighted ? { weighted } : {})
      }
    });
  });
  return lines;
}

const THEME_HEADLINE = '% of those who wrote an answer whose answer had the theme';

/** Each theme's prevalence in one questionnaire, with its school groups: one line per theme, keyed `theme:<id>`. */
// Each theme's count over a whole questionnaire, by school, changes only when
// respondents arrive or answers are coded again: kept per index until then.
const themeTallies = new WeakMap<ExploreIndex, { size: number; codesVersion: number; themes: string; tally: ThemeTally }>();

function wholeTally(loaded: LoadedExplorer, themes: readonly ShownTheme[]): ThemeTally {
  const { index, meta } = loaded;
  const key = JSON.stringify(themes.map((t) => [t.id, t.themeIds]));
  const kept = themeTallies.get(index);
  if (kept && kept.size === index.size && kept.codesVersion === index.codesVersion && kept.themes === key) return kept.tally;
  const tally = tallyThemes(index, codedRows(index, null), null, themes, { by: meta.contextKeys.school });
  themeTallies.set(index, { size: index.size, codesVersion: index.codesVersion, themes: key, tally });
  return tally;
}

// A weighting cell's theme counts, like wholeTally's: kept per cell (its rows
// are kept while the questionnaire does not grow) until answers are coded again.
const cellTallies = new WeakMap<Bitset, { size: number; codesVersion: number; themes: string; tally: ThemeTally }>();

function cellThemeTally(loaded: LoadedExplorer, rows: Bitset, themes: readonly ShownTheme[]): ThemeTally {
  const { index } = loaded;
  const key = JSON.stringify(themes.map((t) => [t.id, t.themeIds]));
  const kept = cellTallies.get(rows);
  if (kept && kept.size === index.size && kept.codesVersion === index.codesVersion && kept.themes === key) return kept.tally;
  const tally = tallyThemes(index, intersect(codedRows(index, null), rows), null, themes);
  cellTallies.set(rows, { size: index.size, codesVersion: index.codesVersion, themes: key, tally });
  return tally;
}

function themePartsOf(loaded: LoadedExplorer, member: WaveMember, themes: readonly ShownTheme[], cells: readonly WeightedCell[] | undefined): Map<string, LinePart> {
  const tally = wholeTally(loaded, themes);
  const perCell = cells?.map((cell) => ({ weight: cell.weight, tally: cellThemeTally(loaded, cell.rows, themes) }));
  const groups = tally.crossTab ? [...tally.crossTab.groups.values()] : [];
  const ageBand = ageBandOf(loaded);
  const mode = member.accessMode === 'codes' ? 'school' : 'open';
  return new Map(
    themes.map((theme, t): [string, LinePart] => [
      `theme:${theme.id}`,
      {
        name: theme.label,
        headline: THEME_HEADLINE,
        measure: `theme:${theme.id}`,
        part: {
          questionnaireId: member.id,
          ageBand,
          // Every free-text answer of the questionnaire, coded with the organisation's codebook as it is now.
          wording: '',
          scale: '',
          mode,
          base: tally.base,
          counted: tally.counts[t] ?? 0,
          schools: groups.map((g) => ({ base: g.base, counted: g.counts[t] ?? 0 })).filter((g) => g.base > 0),
          ...(perCell ? { weighted: weightedSums(perCell.map((c) => ({ weight: c.weight, base: c.tally.base, counted: c.tally.counts[t] ?? 0 }))) } : {})
        }
      }
    ])
  );
}

/** Line up the parts of each wave by key and work out every line. */
/** The change a next wave of `expected` respondents could detect, from the newest figure shown. */
function detectableFrom(figures: readonly WaveFigure[], expected: number | null): MeasureLine['detectable'] {
  const newest = [...figures].reverse().find((f) => f.shown && f.percent !== null);
  if (!newest || expected === null) return null;
  const designEffect = newest.totalDesignEffect;
  const found = smallestDetectableChange({ n: expected, p: (newest.percent as number) / 100, designEffect });
  return found ? { points: found.points, from: newest.label, designEffect } : null;
}

function linesOf(perWave: { wave: SeriesSummary['waves'][number]; parts: Map<string, LinePart>[] }[], threshold: number, expected: number | null): MeasureLine[] {
  // Lines in the order the newest questionnaires ask them, then any older ones.
  const keys: string[] = [];
  for (const { parts } of [...perWave].reverse()) for (const lines of parts) for (const key of lines.keys()) if (!keys.includes(key)) keys.push(key);
  return keys.map((key): MeasureLine => {
    const inputs: WaveInput[] = perWave.map(({ wave, parts }) => ({
      id: wave.id,
      label: wave.label,
      date: new Date(`${wave.fieldworkDate}T12:00:00Z`),
      parts: parts.flatMap((lines) => {
        const line = lines.get(key);
        return line ? [line.part] : [];
      })
    }));
    const newest = [...perWave].reverse().flatMap(({ parts }) => parts.flatMap((lines) => lines.get(key) ?? []))[0] as LinePart;
    const { figures, steps } = measureOverWaves(inputs, threshold);
    const last = figures.at(-1);
    const sentence = last ? waveSentence(newest.name, last, figures.at(-2) ?? null, steps.at(-1) ?? null) : '';
    return {
      key,
      measure: newest.measure,
      name: newest.name,
      headline: newest.headline,
      question: newest.part.wording,
      figures: figures.map((f) => ({ ...f, date: f.date.toISOString().slice(0, 10) })),
      steps,
      sentence,
      detectable: detectableFrom(figures, expected)
    };
  });
}

/** `expected`: respondents expected in the next wave, for the smallest change it could detect. */
/** Each wave's questionnaires with their explorer indexes. */
async function exploredWaves(db: Database, found: SeriesSummary): Promise<{ wave: SeriesSummary['waves'][number]; members: ExploredMember[] }[]> {
  return Promise.all(
    found.waves.map(async (wave) => ({
      wave,
      members: await Promise.all(wave.questionnaires.map(async (member) => ({ member, loaded: await explorerFor(db, { id: member.id, organisationId: found.organisationId, kind: 'survey' }) })))
    }))
  );
}

/** What the series' waves can be weighted by, from every questionnaire in them. */
export async function seriesWeightingVariables(db: Database, found: SeriesSummary) {
  return weightingVariables((await exploredWaves(db, found)).flatMap((w) => w.members));
}

/** `expected`: respondents expected in the next wave, for the smallest change it could detect. */
export async function seriesMeasures(db: Database, found: SeriesSummary, expected: number | null = null): Promise<SeriesMeasures> {
  const [settings, { codebook }, weighting, perWave] = await Promise.all([
    settingsOf(db, found.organisationId),
    currentCodebook(db, found.organisationId),
    weightingOf(db, found.id),
    exploredWaves(db, found)
  ]);
  const themes = shownThemes(codebook);
  const variables = weighting ? weightingVariables(perWave.flatMap((w) => w.members)) : [];
  const threshold = settings.suppressionThreshold;
  const weighted = perWave.map(({ wave, members }) => ({
    wave,
    members,
    ...(weighting ? weightWave(wave, members, weighting, variables, threshold) : { weights: new Map<string, WeightedCell[]>(), report: null })
  }));
  const measures = linesOf(
    weighted.map(({ wave, members, weights }) => ({ wave, parts: members.map(({ member, loaded }) => partsOf(loaded, member, weights.get(member.id))) })),
    threshold,
    expected
  );
  const themeLines = linesOf(
    weighted.map(({ wave, members, weights }) => ({ wave, parts: members.map(({ member, loaded }) => themePartsOf(loaded, member, themes, weights.get(member.id))) })),
    threshold,
    expected
  );
  return {
    series: { id: found.id, name: found.name },
    threshold,
    waves: found.waves.map((w) => ({ id: w.id, label: w.label, fieldworkDate: w.fieldworkDate })),
    measures,
    themes: themeLines,
    weighting: weighting
      ? {
          variables: weighting.variables.map((v) => ({ key: v.key, label: variables.find((known) => known.key === v.key)?.label ?? v.key })),
          trim: weighting.trim,
          waves: weighted.flatMap((w) => (w.report ? [w.report] : []))
        }
      : null
  };
}
