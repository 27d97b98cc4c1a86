// What the explorer page shows, worked out from the API's view: the filters
// in words, the form's state, the cross-tab and co-occurrence as rows, and
// links that change one thing about the current view. Figures are shown as
// the API gave them; a withheld one is "[c]", never worked out here.
import { type ExploreView, type ShownFigure, withheldNote, withheldRule, withheldRuleInWords } from '@safer-voices/api';
import { type ChartLayout, chartLayout, interval, ordered, pct, summaryOf, type ThemeFigure, type Withheld } from '#lib/components/insights/theme-figures.ts';

const KEYS = new Set(['version', 'from', 'to', 'question', 'by', 'theme']);

/**
 * The explorer's parameters in a page address: the API's keys only, empty
 * fields and repeats left out. The page's GET form names its fields as
 * GET /api/explore/:id reads its query string, so these go to it as they are.
 */
export function exploreQuery(params: URLSearchParams): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (value.trim() === '' || !(KEYS.has(key) || /^f\../.test(key))) continue;
    const values = query[key] ?? [];
    if (!values.includes(value)) values.push(value);
    query[key] = values;
  }
  return query;
}

/** The same view's figures as an Excel workbook, from the API (which takes the same query string). */
export function workbookHref(id: string, params: URLSearchParams): string {
  const query = new URLSearchParams();
  for (const [key, values] of Object.entries(exploreQuery(params))) for (const value of values) query.append(key, value);
  const search = query.toString();
  return `/api/explore/${encodeURIComponent(id)}/workbook${search ? `?${search}` : ''}`;
}

export interface Chosen {
  versions: string[];
  from: string;
  to: string;
  question: string;
  filters: Record<string, string[]>;
  by: string;
  /** Only when the person picked a theme (a link), so the form keeps it. */
  theme: string;
}

/** What the address asked for, as typed: the form shows it back when the API refused it. */
export function chosenFrom(params: URLSearchParams): Chosen {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (!key.startsWith('f.') || value === '') continue;
    const values = filters[key.slice(2)] ?? [];
    values.push(value);
    filters[key.slice(2)] = values;
  }
  return {
    versions: params.getAll('version').filter(Boolean),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    question: params.get('question') ?? '',
    filters,
    by: params.get('by') ?? '',
    theme: params.get('theme') ?? ''
  };
}

/** What the API understood, in the same shape. */
export function chosenOf(applied: ExploreView['applied'], explicitTheme: boolean): Chosen {
  return {
    versions: applied.versions.map(String),
    from: applied.from ?? '',
    to: applied.to ?? '',
    question: applied.question ?? '',
    filters: applied.filters,
    by: applied.by ?? '',
    theme: explicitTheme ? (applied.theme ?? '') : ''
  };
}

/** The address of this view with some parameters changed. */
export function exploreHref(id: string, chosen: Chosen, change: Partial<Chosen> = {}, hash = ''): string {
  const c = { ...chosen, ...change };
  const params = new URLSearchParams();
  for (const v of c.versions) params.append('version', v);
  if (c.from) params.set('from', c.from);
  if (c.to) params.set('to', c.to);
  if (c.question) params.set('question', c.question);
  for (const [key, values] of Object.entries(c.filters)) for (const v of values) params.append(`f.${key}`, v);
  if (c.by) params.set('by', c.by);
  if (c.theme) params.set('theme', c.theme);
  const search = params.toString();
  return `/staff/analysis/${encodeURIComponent(id)}${search ? `?${search}` : ''}${hash}`;
}

export const count = (n: number) => n.toLocaleString('en-GB');

export const longDate = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const daysAfter = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The period counted, as the API applied it: whole weeks, from the Monday
 * `from` to the Sunday `to`, so that no single day can be picked out.
 */
export function periodInWords(from: string | null, to: string | null): string {
  const lastWeek = to === null ? null : daysAfter(to, -6);
  if (from !== null && to !== null) {
    const weeks = from === lastWeek ? `in the week of ${longDate(from)}` : `from the week of ${longDate(from)} to the week of ${longDate(lastWeek as string)}`;
    return `Submitted ${weeks} (Monday ${longDate(from)} to Sunday ${longDate(to)})`;
  }
  if (from !== null) return `Submitted in or after the week of ${longDate(from)} (from Monday ${longDate(from)})`;
  if (lastWeek !== null) return `Submitted in or before the week of ${longDate(lastWeek)} (to Sunday ${longDate(to as string)})`;
  return 'Submitted on any date';
}

/** "A, B or C". */
export function anyOf(items: string[], word = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

/** HTML ids from filter keys and values (which may hold dots and other characters). */
export const safeId = (...parts: string[]) => parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '-')).join('--');

/** The applied filters as sentences, one per kind of filter. */
export function filtersInWords(view: ExploreView): string[] {
  const a = view.applied;
  const lines: string[] = [];
  lines.push(
    a.versions.length === 0 || a.versions.length === view.versions.length
      ? view.versions.length === 1
        ? `Version ${view.versions[0]?.version} (the only version)`
        : `All ${view.versions.length} versions`
      : `${a.versions.length === 1 ? 'Version' : 'Versions'} ${anyOf(a.versions.map(String), 'and')}`
  );
  lines.push(periodInWords(a.from, a.to));
  const question = view.freeTextQuestions.find((q) => q.id === a.question);
  lines.push(question ? `Themes of answers to “${question.label}”` : 'Themes of answers to any free-text question');
  for (const [key, values] of Object.entries(a.filters)) {
    const dimension = view.dimensions.find((d) => d.key === key);
    const labels = values.map((v) => dimension?.options.find((o) => o.value === v)?.label ?? v);
    lines.push(`${dimension?.label ?? key}: ${anyOf(labels)}`);
  }
  const by = view.dimensions.find((d) => d.key === a.by);
  if (by) lines.push(`Grouped by “${by.label}”`);
  return lines;
}

/** The base, as a sentence: how many respondents the figures are out of, or why that is withheld. */
export function baseInWords(view: ExploreView): string {
  const b = view.base;
  if (b.count !== null) return `${count(b.count)} respondents match these filters and have a coded free-text answer. Theme percentages are of them.`;
  if (b.suppressed === 'differencing') return 'The number of respondents matching these filters is withheld, so that it cannot be compared with other views to single out a small group.';
  return `Fewer than ${view.threshold} respondents matching these filters have a coded free-text answer, so no theme figures are shown. Choose fewer filters to see them.`;
}

/**
 * Which rule withheld a figure, in the insights package's words (the one
 * place the rules are named); null when it is shown. A figure shown without
 * its percentage (its group's size is withheld) takes the group's reason.
 */
export function withheldOf(f: Pick<ShownFigure, 'count' | 'percent' | 'reason'>, threshold: number, group?: Pick<ShownFigure, 'reason'> | null): Withheld | null {
  if (f.count !== null && f.percent !== null) return null;
  const reason = f.reason ?? group?.reason ?? null;
  const rule = withheldRule(reason);
  return { note: withheldNote(reason, threshold), rule, sentence: withheldRuleInWords(rule, threshold) };
}

/** The same for a base (a number of people, with no percentage of its own to withhold). */
export const baseWithheldOf = (b: Pick<ShownFigure, 'count' | 'reason'>, threshold: number): Withheld | null =>
  b.count === null ? withheldOf({ count: null, percent: null, reason: b.reason }, threshold) : null;

/** Prevalence as the Themes page's figures, with the chosen theme's quotes. */
export function themeFigures(view: ExploreView): ThemeFigure[] {
  return ordered(
    view.prevalence.map((t) => ({
      id: t.themeId,
      label: t.label,
      count: t.count,
      percent: t.percent,
      lower: t.lower,
      upper: t.upper,
      suppressed: t.suppressed,
      withheld: withheldOf(t, view.threshold),
      quotes: view.quotes.filter((q) => q.themeId === t.themeId).map(({ text, evidence }) => ({ text, evidence }))
    }))
  );
}

/** One table cell: the percentage and count, with the interval beneath; "[c]" when withheld. */
export interface Cell {
  main: string;
  /** The 95% interval. */
  sub: string | null;
  /** A line beneath, e.g. how many answered. */
  note?: string | null;
  /** When withheld: which rule withheld it. */
  withheld?: Withheld | null;
}

/** A table of rows (themes, measures) across groups, as GroupsTable shows it. */
export interface GroupsTableView {
  caption: string;
  /** The first column's heading. */
  first: string;
  /** What a cell holds, said above the table. */
  hint: string;
  groups: { label: string; note: string | null; withheld?: Withheld | null }[];
  rows: { id: string; label: string; cells: Cell[] }[];
}

export function cellOf(f: ShownFigure, threshold: number, group?: ShownFigure | null): Cell {
  if (f.percent === null || f.count === null) return { main: '[c]', sub: null, withheld: withheldOf(f, threshold, group) };
  return { main: `${pct(f.percent)} (${count(f.count)})`, sub: interval(f) || null };
}

export interface CrossTabView {
  by: string;
  table: GroupsTableView;
  /** One theme across the groups, as a chart small enough for a phone. */
  chart: { theme: string; layout: ChartLayout; summary: string } | null;
}

/** The cross-tab with themes in the same order as the prevalence table. */
export function crossTabOf(view: ExploreView, themes: ThemeFigure[]): CrossTabView | null {
  const x = view.crosstab;
  if (!x) return null;
  const byTheme = new Map(x.rows.map((r) => [r.themeId, r]));
  const charted = themes.find((t) => t.id === view.applied.theme && t.count !== null) ?? themes.find((t) => t.count !== null);
  const chartRow = charted && byTheme.get(charted.id);
  return {
    by: x.by.label,
    table: {
      caption: `Respondents mentioning each theme, by “${x.by.label}”`,
      first: 'Theme',
      hint: 'Each cell is the percentage of the group mentioning the theme, the number of respondents in brackets, and the 95% interval beneath. n is the number in the group.',
      groups: x.groups.map((g) => ({ label: g.label, note: `n = ${g.base.count === null ? '[c]' : count(g.base.count)}`, withheld: baseWithheldOf(g.base, view.threshold) })),
      rows: themes.flatMap((t) => {
        const row = byTheme.get(t.id);
        return row ? [{ id: t.id, label: t.label, cells: row.cells.map((c, j) => cellOf(c, view.threshold, x.groups[j]?.base)) }] : [];
      })
    },
    // A chart of nothing but withheld groups would say nothing the table does not.
    chart: charted && chartRow?.cells.some((c) => c.percent !== null) ? groupChart(charted.label, x, chartRow.cells, view.threshold) : null
  };
}

function groupChart(theme: string, x: NonNullable<ExploreView['crosstab']>, cells: ShownFigure[], threshold: number) {
  const figures = x.groups.map((g, j) => {
    const cell = cells[j] ?? { count: null, percent: null, lower: null, upper: null, suppressed: 'primary' as const, reason: null };
    return { id: g.value, label: g.label, ...cell, withheld: withheldOf(cell, threshold, g.base) };
  });
  const parts = figures.map((f) => (f.percent === null ? `${f.label} withheld` : `${f.label} ${pct(f.percent)} (95% CI ${interval(f)})`));
  return { theme, layout: chartLayout(figures, threshold, true), summary: `${theme}, by “${x.by.label}”: ${parts.join('; ')}.` };
}

export interface Pair {
  a: string;
  b: string;
  both: number;
}

/** Pairs of themes mentioned by the same respondents, most common first; withheld pairs are only counted. */
export function pairsOf(view: ExploreView): { pairs: Pair[]; withheld: number } {
  const { themeIds, counts } = view.cooccurrence;
  const label = new Map(view.prevalence.map((t) => [t.themeId, t.label]));
  const pairs: Pair[] = [];
  let withheld = 0;
  for (let i = 0; i < themeIds.length; i++) {
    for (let j = i + 1; j < themeIds.length; j++) {
      const both = counts[i]?.[j] ?? null;
      if (both === null) withheld++;
      else if (both > 0) pairs.push({ a: label.get(themeIds[i] as string) ?? String(themeIds[i]), b: label.get(themeIds[j] as string) ?? String(themeIds[j]), both });
    }
  }
  pairs.sort((p, q) => q.both - p.both || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
  return { pairs, withheld };
}

/** Everything the chart and tables need, when the view has results. */
export function resultsOf(view: ExploreView) {
  const themes = themeFigures(view);
  const shown = view.base.count !== null;
  return {
    themes,
    chart: chartLayout(themes, view.threshold),
    summary: shown ? summaryOf(themes, view.base.count, view.applied.question === null, view.threshold) : baseInWords(view),
    crosstab: crossTabOf(view, themes),
    cooccurrence: pairsOf(view)
  };
}
