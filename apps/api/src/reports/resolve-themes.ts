// The "what people told us" section: the prevalence of each theme the author
// chose — from the series' theme lines for its newest wave with enough
// people to show figures (the section says which wave, or why none), and
// from the explorer's unfiltered view of each other questionnaire or
// collection covered — as a bar chart with its data table; then, theme by
// theme, the author's words and the quotes chosen (redacted, cleared).
import type { Database } from '@safer-voices/db';
import type { Block, TableBlock } from './model';
import type { ReportSectionDefinition } from '@safer-voices/survey';
import { dimensionsOf, exploreView } from '../explore/view';
import type { ResolveContext } from './context';
import { withheldNote } from '@safer-voices/insights';
import { interval, paragraphsOf, percent, waveReason, withheldMarks } from './format';
import { type LoadedQuote, quoteKey } from './resolve-quotes';

type ThemesSection = Extract<ReportSectionDefinition, { kind: 'themes' }>;

interface Prevalence {
  themeId: string;
  label: string;
  percent: number | null;
  lower: number | null;
  upper: number | null;
  /** Why no figure is shown, when none is: the explorer's or the series' reason. */
  reason: string | null;
}

interface Source {
  /** What the figures are of, e.g. "the 2026 wave of the Youth safety survey". */
  of: string;
  figures: Prevalence[];
}

const EVERYONE_QUERY = { versions: [], from: null, to: null, question: null, by: null, theme: null, filters: {} };

/** A theme's figure from a wave or a questionnaire: its share and interval when shown, else why not. */
function themeFigure(
  theme: { id: string; label: string },
  shown: boolean,
  f: { percent: number | null; lower: number | null; upper: number | null } | undefined,
  reason: string | null | undefined
): Prevalence {
  return {
    themeId: theme.id,
    label: theme.label,
    percent: shown ? (f?.percent ?? null) : null,
    lower: shown ? (f?.lower ?? null) : null,
    upper: shown ? (f?.upper ?? null) : null,
    reason: shown ? null : (reason ?? null)
  };
}

/**
 * The series' wave the figures are from: the newest in which enough people
 * wrote an answer for a theme's figure to be shown. A newer wave with too
 * few is named, so the reader knows why it is not the one shown.
 */
function seriesWave(context: ResolveContext): { wave: { id: string; label: string } | null; skipped: string[]; answered: boolean } {
  const lines = context.measures?.themes ?? [];
  const waves = context.measures?.waves ?? [];
  const answered = (id: string) => lines.some((l) => l.figures.some((f) => f.id === id && f.withheld !== 'no respondents'));
  const enough = (id: string) => lines.some((l) => l.figures.some((f) => f.id === id && f.shown && f.percent !== null && f.base !== null && f.base >= context.threshold));
  const skipped: string[] = [];
  for (const wave of [...waves].reverse()) {
    if (enough(wave.id)) return { wave, skipped, answered: true };
    if (answered(wave.id)) skipped.push(wave.label);
  }
  return { wave: null, skipped, answered: skipped.length > 0 };
}

const listed = (labels: readonly string[]) => (labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`);

/** What the section says about the series' wave its figures are from, or why it shows none. */
function seriesNote(context: ResolveContext, picked: ReturnType<typeof seriesWave>): string | null {
  const series = context.series;
  if (!series) return null;
  const few = `fewer than ${context.threshold} people wrote an answer we could count`;
  if (picked.wave) {
    const from = `The figures below are from the ${picked.wave.label} wave of ${series.name}`;
    return picked.skipped.length === 0
      ? `${from}, the newest wave.`
      : `${from}, the newest wave with enough people to show them: in the ${listed(picked.skipped)} ${picked.skipped.length === 1 ? 'wave' : 'waves'} ${few}.`;
  }
  return picked.answered
    ? `No figures from ${series.name} are shown: in every wave ${few}, too few to show without risking someone being identified.`
    : `No figures from ${series.name} are shown: no one in its waves has written an answer that has been coded yet.`;
}

async function sourcesOf(db: Database, context: ResolveContext, themeIds: readonly string[]): Promise<{ sources: Source[]; note: string | null; picked: ReturnType<typeof seriesWave> }> {
  const picked = seriesWave(context);
  const chosen = themeIds.flatMap((id) => context.themes.find((t) => t.id === id) ?? []);
  if (chosen.length === 0) return { sources: [], note: null, picked };
  const sources: Source[] = [];
  const lines = context.measures?.themes ?? [];
  const newest = picked.wave;
  if (context.series && newest) {
    sources.push({
      of: `${newest.label}, ${context.series.name}`,
      figures: chosen.map((theme) => {
        const f = lines.find((l) => l.key === `theme:${theme.id}`)?.figures.find((x) => x.id === newest.id);
        return themeFigure(theme, !!f?.shown && f.percent !== null, f, f?.withheld);
      })
    });
  }
  for (const q of context.covered.filter((c) => c.wave === null)) {
    const view = await exploreView(db, q.loaded, EVERYONE_QUERY, { settings: context.settings, themes: context.themes, dimensions: dimensionsOf(q.loaded) });
    sources.push({
      of: q.title,
      figures: chosen.map((theme) => {
        const f = view.prevalence.find((p) => p.themeId === theme.id);
        // A count shown without its percentage: the base is withheld, and its reason is the figure's.
        return themeFigure(theme, f?.percent !== null && f?.percent !== undefined, f, f?.reason ?? view.base.reason);
      })
    });
  }
  return { sources, note: seriesNote(context, picked), picked };
}

/** Why a theme's figure is not shown, in words: from the reason the figure was withheld. */
function whyWithheld(reason: string | null, threshold: number): string {
  if (reason === 'count below threshold') return `fewer than ${threshold} people wrote about this`;
  if (reason === 'base below threshold' || reason === 'too few respondents') return `fewer than ${threshold} people wrote an answer we could count`;
  if (reason === 'no respondents') return 'no one has written an answer that has been coded yet';
  return 'showing it could let someone work out who said what';
}

/**
 * What is said under a theme's heading when the author wrote nothing and no
 * quote is shown: its figure from each source, or why there is none — never
 * a heading with nothing under it.
 */
function themeLines(context: ResolveContext, themeId: string, sources: readonly Source[], picked: ReturnType<typeof seriesWave>): string[] {
  const lines = sources.flatMap((source) => {
    const f = source.figures.find((x) => x.themeId === themeId);
    if (!f) return [];
    return f.percent === null
      ? [`For ${source.of}: no figure is shown, because ${whyWithheld(f.reason, context.threshold)}.`]
      : [`For ${source.of}: ${percent(f.percent)} of those who wrote an answer wrote about this (95% interval ${interval(f.lower, f.upper)}).`];
  });
  if (lines.length > 0) return lines;
  if (context.series && !picked.wave)
    return [`No figure is shown, because ${picked.answered ? `fewer than ${context.threshold} people wrote an answer we could count` : 'no one has written an answer that has been coded yet'}.`];
  return ['No figure can be shown for this theme yet.'];
}

function prevalenceChart(source: Source, threshold: number): Block {
  const marks = withheldMarks(threshold);
  const rows = source.figures.map((f) => [
    f.label,
    f.percent === null ? marks.cell(waveReason(f.reason)) : percent(f.percent),
    f.percent === null ? marks.cell(waveReason(f.reason)) : interval(f.lower, f.upper)
  ]);
  const table: TableBlock = {
    type: 'table',
    caption: `Themes in written answers: ${source.of}`,
    head: ['Theme', '% of those who wrote an answer', '95% interval'],
    rows,
    numeric: [false, true, true],
    ...marks.notes()
  };
  const shown = source.figures.filter((f) => f.percent !== null);
  const withheld = source.figures.filter((f) => f.percent === null);
  const alt = `Bar chart of the share of those who wrote an answer whose answer had each theme, ${source.of}: ${
    shown.length > 0 ? shown.map((f) => `${f.label} ${percent(f.percent)} (${interval(f.lower, f.upper)})`).join('; ') : 'no figure can be shown'
  }.${withheld.length > 0 ? ` Not shown: ${withheld.map((f) => `${f.label} (${withheldNote(waveReason(f.reason), threshold)})`).join(', ')}.` : ''}`;
  return {
    type: 'chart',
    title: `Themes in written answers: ${source.of}`,
    alt,
    chart: {
      kind: 'bars',
      bars: shown.map((f) => ({ label: f.label, value: f.percent as number, ...(f.lower !== null ? { lower: f.lower } : {}), ...(f.upper !== null ? { upper: f.upper } : {}) }))
    },
    table
  };
}

export interface ThemeFinding {
  label: string;
  percent: number;
}

/** The section's blocks, and the themes shown with their prevalence, biggest first (for the easy-read version). */
export async function themeBlocks(db: Database, context: ResolveContext, section: ThemesSection, quotes: Map<string, LoadedQuote>): Promise<{ blocks: Block[]; shown: ThemeFinding[] }> {
  const { sources, note, picked } = await sourcesOf(
    db,
    context,
    section.themes.map((t) => t.themeId)
  );
  const blocks: Block[] = [
    ...paragraphsOf(section.intro).map((text): Block => ({ type: 'paragraph', text })),
    ...(note ? [{ type: 'paragraph', text: note } satisfies Block] : []),
    ...sources.map((source) => prevalenceChart(source, context.threshold))
  ];
  for (const chosen of section.themes) {
    const theme = context.themes.find((t) => t.id === chosen.themeId);
    if (!theme) continue;
    const under: Block[] = paragraphsOf(chosen.text).map((text): Block => ({ type: 'paragraph', text }));
    for (const ref of chosen.quotes) {
      const quote = quotes.get(quoteKey(ref));
      if (quote?.ok) under.push({ type: 'quote', text: quote.text, attribution: quote.attribution });
    }
    if (under.length === 0) under.push(...themeLines(context, theme.id, sources, picked).map((text): Block => ({ type: 'paragraph', text })));
    blocks.push({ type: 'subheading', text: theme.label }, ...under);
  }
  return { blocks, shown: shownOf(sources) };
}

/** The figures shown, biggest first, each theme once. */
const shownOf = (sources: readonly Source[]): ThemeFinding[] =>
  sources
    .flatMap((s) => s.figures.flatMap((f) => (f.percent === null ? [] : [{ label: f.label, percent: f.percent }])))
    .sort((a, b) => b.percent - a.percent)
    .filter((f, i, all) => all.findIndex((g) => g.label === f.label) === i);

/** Every theme of the codebook shown in what the report covers, most common first (the easy-read version's findings when the author chose none). */
export async function commonThemes(db: Database, context: ResolveContext): Promise<ThemeFinding[]> {
  const { sources } = await sourcesOf(
    db,
    context,
    context.themes.map((t) => t.id)
  );
  return shownOf(sources);
}
