// The explorer's view of one questionnaire under a set of filters: the
// filters checked against what the questionnaire has, the counts from the
// in-memory index, disclosure control over every figure, and quotes.
import type { Database } from '@safer-voices/db';
import {
  baseNoneByDefinition,
  codedRows,
  dayOfIso,
  differencingVerdicts,
  discloseExplorer,
  type ExplorerCounts,
  type GroupTally,
  groupsNoneByDefinition,
  intersect,
  isoDay,
  type MeasureTally,
  measureRows,
  type Neighbour,
  type NeighbourChecker,
  neighbourCheck,
  pairShowable,
  type Selection,
  selectRespondents,
  type ThemeGroup,
  tallyMeasureGroups,
  tallyMeasures,
  tallyThemes,
  themeMembers,
  wholeWeeks
} from '@safer-voices/insights';
import { activeThemes, type Codebook } from '@safer-voices/themes';
import type { Issue } from '../errors';
import type { CrossTab, ExploreView, FilterDimension, MeasureFigure, ShownFigure } from './types';
import type { OrganisationSettings } from '../store/organisation-settings';
import type { LoadedExplorer } from './load';
import { quotesFor } from './quotes';

/** The query string as validated for shape (see routes/explore.ts). */
export interface ExploreQuery {
  versions: number[];
  from: string | null;
  to: string | null;
  question: string | null;
  by: string | null;
  theme: string | null;
  /** `f.<key>` without the prefix. */
  filters: Record<string, string[]>;
}

export interface ShownTheme extends ThemeGroup {
  label: string;
}

/** The codebook's themes as shown: active ones in codebook order, each counting the themes merged into it. */
export function shownThemes(codebook: Codebook): ShownTheme[] {
  const byId = new Map(codebook.themes.map((t) => [t.id, t]));
  const activeOf = (id: string): string | null => {
    const seen = new Set<string>();
    let theme = byId.get(id);
    while (theme?.retired) {
      if (!theme.mergedInto || seen.has(theme.id)) return null;
      seen.add(theme.id);
      theme = byId.get(theme.mergedInto);
    }
    return theme ? theme.id : null;
  };
  return activeThemes(codebook).map((theme) => ({
    id: theme.id,
    label: theme.label,
    themeIds: codebook.themes.filter((t) => activeOf(t.id) === theme.id).map((t) => t.id)
  }));
}

const byLabel = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

/** Dimensions from the questions, then school and class when any response has them. */
export function dimensionsOf(loaded: LoadedExplorer): FilterDimension[] {
  const fromQuestions = loaded.meta.dimensions.map(({ key, label, options }) => ({ key, label, options: options.map(({ value, label: l }) => ({ value, label: l })) }));
  const { school, class: klass } = loaded.meta.contextKeys;
  const fromContext = [
    { key: school, label: 'School' },
    { key: klass, label: 'Class' }
  ].flatMap(({ key, label }) => {
    const values = loaded.index.dimensions.get(key)?.values ?? [];
    return values.length === 0 ? [] : [{ key, label, options: [...values].sort(byLabel).map((value) => ({ value, label: value })) }];
  });
  return [...fromQuestions, ...fromContext];
}

/** Field-level problems with the query for this questionnaire, if any. */
export function queryIssues(loaded: LoadedExplorer, dimensions: FilterDimension[], themes: ShownTheme[], query: ExploreQuery): Issue[] {
  const issues: Issue[] = [];
  const versions = new Set(loaded.meta.versions.map((v) => v.version));
  for (const v of query.versions) if (!versions.has(v)) issues.push({ field: 'version', message: `There is no version ${v} to explore` });
  if (query.question !== null && !loaded.meta.freeTextQuestions.some((q) => q.id === query.question)) {
    issues.push({ field: 'question', message: 'Choose one of the free-text questions' });
  }
  const byKey = new Map(dimensions.map((d) => [d.key, d]));
  for (const [key, values] of Object.entries(query.filters)) {
    const dimension = byKey.get(key);
    if (!dimension) {
      issues.push({ field: `f.${key}`, message: `There is nothing called “${key}” to filter by` });
      continue;
    }
    const known = new Set(dimension.options.map((o) => o.value));
    for (const value of values) if (!known.has(value)) issues.push({ field: `f.${key}`, message: `“${value}” is not an answer to “${dimension.label}”` });
  }
  if (query.by !== null && !byKey.has(query.by)) issues.push({ field: 'by', message: 'Choose a question to group by' });
  if (query.theme !== null && !themes.some((t) => t.id === query.theme)) issues.push({ field: 'theme', message: 'Choose one of the themes' });
  return issues;
}

const dimensionName = (dimension: string, dimensions: FilterDimension[]) =>
  dimension === 'version' ? 'version' : dimension === 'date' ? 'dates' : dimension === 'question' ? 'free-text question' : `“${dimensions.find((d) => d.key === dimension)?.label ?? dimension}”`;

const listed = (names: string[]) => (names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** Why every figure is withheld: the changes to the filters that would single out a few people, in words. */
function differencingNotice(neighbours: Neighbour[], dimensions: FilterDimension[], threshold: number): string {
  const few = `between 1 and ${threshold - 1}`;
  const sentences: string[] = [];
  for (const { change, dimensions: changed } of neighbours.slice(0, 3)) {
    const names = changed.map((d) => dimensionName(d, dimensions));
    if (change === 'without') {
      const one = names.length === 1;
      sentences.push(`Without the ${listed(names)} ${one ? 'filter' : 'filters'} this view would include ${few} more people: widen or remove ${one ? 'that filter' : 'one of those filters'}.`);
    } else if (change === 'narrower') {
      sentences.push(`Leaving out one of the ${changed[0] === 'version' ? 'versions' : `answers chosen for ${names[0]}`} would leave out ${few} people: choose fewer or different ones.`);
    } else {
      sentences.push(`Moving the start or end of the period by a week would change this view by ${few} people: choose other weeks, or no dates.`);
    }
  }
  return `${sentences.join(' ')} Comparing the two views would reveal something about a group smaller than ${threshold}.`;
}

/** The selection for themes: a free-text question chosen is one more filter part (its coded answers). */
function withQuestion(index: LoadedExplorer['index'], selection: Selection, question: string | null): Selection {
  if (question === null) return selection;
  const coded = codedRows(index, question);
  return { rows: intersect(selection.rows, coded), parts: [...selection.parts, { dimension: 'question', rows: coded, narrowing: null }] };
}

/**
 * Every measure the questionnaire has, counted over the selected respondents
 * (and, with `by`, in each group), through the same disclosure control as a
 * theme: the respondents counted are the one "theme".
 */
function measuresOf(loaded: LoadedExplorer, selection: Selection, filters: ExploreQuery['filters'], threshold: number, by: FilterDimension | null, check: NeighbourChecker): MeasureFigure[] {
  const { index } = loaded;
  const measured = loaded.meta.dimensions.flatMap((d) => (d.headline ? [{ ...d, headline: d.headline }] : []));
  const rows = measured.map(({ key, headline }) => measureRows(index, { dimension: key, counts: headline.counts, notInBase: headline.notInBase }));
  const tallies = tallyMeasures(selection, rows);
  const column = by ? index.dimensions.get(by.key) : undefined;
  const groupTallies = by ? tallyMeasureGroups(index, selection, by.key, rows) : null;
  const groupValues = by ? by.options.map((o) => o.value) : null;
  const kindOf = (key: string) => index.dimensions.get(key)?.kind ?? 'multi';
  return measured.map(({ key, label, options, headline }, i) => {
    const { base, counted } = tallies[i] as MeasureTally;
    const measure = rows[i] as (typeof rows)[number];
    let crossTab: ExplorerCounts['crossTab'] = null;
    if (by && groupTallies) {
      const inGroup = groupTallies[i] as GroupTally[];
      const groups = by.options.map((o) => {
        const at = column?.values.indexOf(o.value) ?? -1;
        return at >= 0 ? (inGroup[at] as GroupTally) : { base: 0, counts: [0] };
      });
      const partition = column?.kind !== 'multi';
      const grouped = groups.reduce((sum, g) => ({ base: sum.base + g.base, counted: sum.counted + (g.counts[0] as number) }), { base: 0, counted: 0 });
      crossTab = { partition, groups, missing: partition ? { base: base - grouped.base, counts: [counted - grouped.counted] } : null };
    }
    const differencing = differencingVerdicts(check, measure.base, () => ({ sets: [measure.counted] }), { groups: groupValues });
    // A base of 0 that the filters (or a group of the measure's own question) make so: said as such.
    const noneByDefinition = {
      base: baseNoneByDefinition(headline, kindOf(key), filters[key] ?? []),
      groups: by && groupValues ? groupsNoneByDefinition(kindOf(by.key), groupValues, filters[by.key], by.key === key ? headline.notInBase : []) : undefined
    };
    const disclosed = discloseExplorer({ threshold, base, counts: [counted], crossTab, pairs: [[counted]], differencing, noneByDefinition });
    const labelsOf = (values: readonly string[]) => options.filter((o) => values.includes(o.value)).map((o) => o.label);
    return {
      key,
      name: headline.name,
      label,
      measure: headline.measure,
      headline: headline.label,
      counted: labelsOf(headline.counts),
      notInBase: labelsOf(headline.notInBase),
      base: disclosed.base,
      figure: disclosed.prevalence[0] as ShownFigure,
      byGroup: disclosed.crossTab ? disclosed.crossTab.bases.map((groupBase, g) => ({ base: groupBase, figure: disclosed.crossTab?.cells[0]?.[g] as ShownFigure })) : null
    };
  });
}

export async function exploreView(
  db: Database,
  loaded: LoadedExplorer,
  query: ExploreQuery,
  context: { settings: OrganisationSettings; themes: ShownTheme[]; dimensions: FilterDimension[] }
): Promise<ExploreView> {
  const { index, meta } = loaded;
  const { settings, themes, dimensions } = context;
  const threshold = settings.suppressionThreshold;
  // Whole weeks, as selectRespondents takes them: what the view says it covers.
  const period = wholeWeeks({ fromDay: query.from === null ? null : dayOfIso(query.from), toDay: query.to === null ? null : dayOfIso(query.to) });
  const selection = selectRespondents(index, { versions: query.versions, fromDay: period.fromDay, toDay: period.toDay, values: query.filters });
  const codedAny = codedRows(index, null);
  const themeSelection = withQuestion(index, selection, query.question);
  const rows = intersect(themeSelection.rows, codedAny);
  const { base, counts, pairs, crossTab: crossCounts } = tallyThemes(index, rows, query.question, themes, { by: query.by, pairs: true });
  const byDimension = query.by === null ? null : (dimensions.find((d) => d.key === query.by) as FilterDimension);
  const zero = { base: 0, counts: themes.map(() => 0) };
  // The check is prepared once for the filters; themes of one question have that question as a filter too.
  const check = neighbourCheck(index, selection, { threshold, by: query.by });
  const themeCheck = themeSelection === selection ? check : neighbourCheck(index, themeSelection, { threshold, by: query.by });
  const differencing = differencingVerdicts(themeCheck, codedAny, () => themeMembers(index, codedAny, query.question, themes), {
    groups: byDimension ? byDimension.options.map((o) => o.value) : null,
    pairs: (a, b) => pairShowable(pairs?.[a]?.[b] ?? 0, counts[a] ?? 0, counts[b] ?? 0, threshold)
  });
  const disclosed = discloseExplorer({
    threshold,
    base,
    counts,
    crossTab:
      crossCounts && byDimension ? { partition: crossCounts.kind === 'single', groups: byDimension.options.map((o) => crossCounts.groups.get(o.value) ?? zero), missing: crossCounts.missing } : null,
    pairs: pairs ?? [],
    differencing,
    // A group the filters on its own question leave out: none by definition.
    noneByDefinition: byDimension
      ? {
          groups: groupsNoneByDefinition(
            index.dimensions.get(byDimension.key)?.kind ?? 'multi',
            byDimension.options.map((o) => o.value),
            query.filters[byDimension.key]
          )
        }
      : null
  });

  const prevalence = themes.map((theme, t) => ({ themeId: theme.id, label: theme.label, ...(disclosed.prevalence[t] as ShownFigure) }));
  let crosstab: CrossTab | null = null;
  if (byDimension && disclosed.crossTab) {
    const table = disclosed.crossTab;
    crosstab = {
      by: { key: byDimension.key, label: byDimension.label },
      groups: byDimension.options.map((o, g) => ({ value: o.value, label: o.label, base: table.bases[g] as ShownFigure })),
      rows: themes.map((theme, t) => ({ themeId: theme.id, cells: table.cells[t] as ShownFigure[] }))
    };
  }
  const shownIds = themes.map((_, t) => t).filter((t) => prevalence[t]?.count !== null);

  // Quotes: the chosen theme, or the most common one shown; only a theme whose count is shown.
  const mostCommon = shownIds.reduce<number | null>((best, t) => (best === null || (counts[t] as number) > (counts[best] as number) ? t : best), null);
  const chosen = query.theme !== null ? themes.findIndex((t) => t.id === query.theme) : mostCommon;
  const quoteTheme = chosen !== null && chosen >= 0 && shownIds.includes(chosen) ? (themes[chosen] as ShownTheme) : null;
  const quotes = quoteTheme ? await quotesFor(db, index, rows, query.question, quoteTheme, settings.redactionTerms) : [];

  const measures = measuresOf(loaded, selection, query.filters, threshold, byDimension, check);
  const figures: ShownFigure[] = [
    ...prevalence,
    ...(crosstab ? crosstab.groups.map((g) => g.base) : []),
    ...(crosstab ? crosstab.rows.flatMap((r) => r.cells) : []),
    ...measures.flatMap((m) => [m.base, m.figure, ...(m.byGroup ?? []).flatMap((g) => [g.base, g.figure])])
  ];
  const someWithheld = figures.some((f) => f.suppressed === 'differencing');
  const notice =
    disclosed.differencing.length > 0
      ? differencingNotice(disclosed.differencing, dimensions, threshold)
      : someWithheld
        ? `A small change to the filters would change some of these figures by between 1 and ${threshold - 1} people, so those are withheld: comparing the two views would reveal something about a group smaller than ${threshold}.`
        : null;

  return {
    questionnaire: { id: meta.id, title: meta.title, kind: meta.kind },
    versions: meta.versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt?.toISOString() ?? null })),
    freeTextQuestions: meta.freeTextQuestions,
    dimensions,
    applied: {
      versions: query.versions,
      from: period.fromDay === null ? null : isoDay(period.fromDay),
      to: period.toDay === null ? null : isoDay(period.toDay),
      question: query.question,
      filters: query.filters,
      by: query.by,
      theme: query.theme ?? (chosen !== null && chosen >= 0 ? (themes[chosen]?.id ?? null) : null)
    },
    threshold,
    measures,
    measuresBy: byDimension ? { key: byDimension.key, label: byDimension.label, groups: byDimension.options.map(({ value, label }) => ({ value, label })) } : null,
    base: disclosed.base,
    prevalence,
    crosstab,
    cooccurrence: { themeIds: shownIds.map((t) => (themes[t] as ShownTheme).id), counts: shownIds.map((i) => shownIds.map((j) => disclosed.pairs[i]?.[j] ?? null)) },
    quotes,
    notice
  };
}
