// Turning theme prevalence figures into what the Themes page and the
// explorer show: chart geometry (a d3 linear scale, worked out on the server;
// the pages send no JavaScript), the one-sentence summary and quotes split
// into plain and highlighted pieces.
import { scaleLinear } from 'd3-scale';

/** Why a figure is withheld: too few people, to protect another withheld figure, or to stop differencing. */
export type Suppression = 'primary' | 'secondary' | 'differencing' | null;

/**
 * Which rule withheld a figure, in the words the insights package gives
 * (worked out on the server): a few words for beside the "[c]", the rule's
 * name, and the sentence that explains it in the table's notes.
 */
export interface Withheld {
  note: string;
  rule: string;
  sentence: string;
}

/** A table's notes: each rule that withheld any of its figures, once, with how many it withheld, in the order first met. */
export function tableNotes(withheld: Iterable<Withheld | null | undefined>): { rule: string; sentence: string; figures: number }[] {
  const notes = new Map<string, { rule: string; sentence: string; figures: number }>();
  for (const w of withheld) {
    if (!w) continue;
    const note = notes.get(w.rule) ?? { rule: w.rule, sentence: w.sentence, figures: 0 };
    note.figures++;
    notes.set(w.rule, note);
  }
  return [...notes.values()];
}

export interface ThemeFigure {
  id: string;
  label: string;
  count: number | null;
  percent: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: Suppression;
  /** Why it is withheld, when it is and the page knows. */
  withheld?: Withheld | null;
  quotes: { text: string; evidence: { start: number; end: number }[] }[];
}

/** Whole percentages, as published: "34%". */
export const pct = (value: number) => `${Math.round(value)}%`;
export const interval = (t: Pick<ThemeFigure, 'lower' | 'upper'>) => (t.lower === null || t.upper === null ? '' : `${Math.round(t.lower)}–${Math.round(t.upper)}%`);
export function hiddenWhy(t: Pick<ThemeFigure, 'suppressed' | 'withheld'>, threshold = 10): string {
  if (t.withheld) return `not shown: ${t.withheld.note}`;
  if (t.suppressed === 'secondary') return 'not shown, to protect a small number';
  if (t.suppressed === 'differencing') return 'not shown, to stop differencing';
  return `fewer than ${threshold}`;
}

/** Shown themes by prevalence, then the withheld ones in codebook order. */
export function ordered<T extends Pick<ThemeFigure, 'percent'>>(themes: T[]): T[] {
  const shown = themes.filter((t) => t.percent !== null).sort((a, b) => (b.percent as number) - (a.percent as number));
  return [...shown, ...themes.filter((t) => t.percent === null)];
}

export interface ChartRow {
  id: string;
  label: string;
  /** Bar, whisker and value positions as percentages of the chart's width; null when withheld. */
  bar: { width: number; lower: number; upper: number; value: string } | null;
  note: string | null;
}

export interface ChartLayout {
  rows: ChartRow[];
  ticks: { x: number; label: string }[];
  height: number;
}

export const ROW_HEIGHT = 46;
export const AXIS_HEIGHT = 28;

/**
 * Bars take up to 76% of the width, leaving room for the figure after the
 * interval. Themes go by prevalence; groups (`inOrder`) keep their own order,
 * as age bands and the like have one.
 */
export function chartLayout(themes: Omit<ThemeFigure, 'quotes'>[], threshold = 10, inOrder = false): ChartLayout {
  const rows = inOrder ? themes : ordered(themes);
  const top = Math.max(10, ...rows.map((t) => t.upper ?? 0));
  const x = scaleLinear()
    .domain([0, Math.min(100, top)])
    .range([0, 76])
    .nice();
  return {
    rows: rows.map((t) => ({
      id: t.id,
      label: t.label,
      bar: t.percent === null ? null : { width: x(t.percent), lower: x(t.lower ?? t.percent), upper: x(t.upper ?? t.percent), value: pct(t.percent) },
      note: t.percent === null ? hiddenWhy(t, threshold) : null
    })),
    ticks: x.ticks(4).map((v) => ({ x: x(v), label: `${v}%` })),
    height: rows.length * ROW_HEIGHT + AXIS_HEIGHT
  };
}

/** One sentence for people who cannot see the chart (and everyone else). */
export function summaryOf(themes: ThemeFigure[], base: number | null, allQuestions: boolean, threshold = 10): string {
  if (base === null) return `Fewer than ${threshold} people have answered so far, so no figures are shown.`;
  const top = ordered(themes)[0];
  const count = base.toLocaleString('en-GB');
  if (!top || top.percent === null)
    return `No theme can be shown for these ${count} answers: each one was given by fewer than ${threshold} people, or would let a number under ${threshold} be worked out.`;
  const of = allQuestions ? `${count} respondents who answered a free-text question` : `${count} answers`;
  return `The most common theme was ${top.label}: ${pct(top.percent)} (95% CI ${interval(top)}) of ${of}.`;
}

/** A quote as plain and highlighted pieces, for <mark>. */
export function pieces(quote: { text: string; evidence: { start: number; end: number }[] }): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const span of [...quote.evidence].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end <= span.start) continue;
    if (span.start > at) out.push({ text: quote.text.slice(at, span.start), mark: false });
    out.push({ text: quote.text.slice(span.start, span.end), mark: true });
    at = span.end;
  }
  if (at < quote.text.length) out.push({ text: quote.text.slice(at), mark: false });
  return out;
}
