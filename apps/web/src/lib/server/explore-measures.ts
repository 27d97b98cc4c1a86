// The explorer's perception-of-safety measures as the page shows them: a
// chart (in question order, as a questionnaire reads), a table with the
// base, one sentence for people who cannot see the chart, and how each
// measure is counted. Figures are as the API gave them; "[c]" when withheld.
import type { ExploreView } from '@safer-voices/api';
import { type ChartLayout, chartLayout, interval, pct, type Withheld } from '#lib/components/insights/theme-figures.ts';
import { baseWithheldOf, count, type GroupsTableView, withheldOf } from './explore-view.ts';

export interface MeasureRow {
  id: string;
  /** Short, e.g. "Safe after dark". */
  name: string;
  /** The question as respondents read it. */
  label: string;
  headline: string;
  /** "52%", or "[c]" when withheld. */
  percent: string;
  interval: string;
  /** Respondents who answered it (in the base), or "[c]". */
  base: string;
  /** When the percentage is withheld: which rule withheld it. */
  withheld: Withheld | null;
  /** When the base is withheld: which rule withheld it. */
  baseWithheld: Withheld | null;
  counted: string;
  notInBase: string;
}

export interface MeasuresView {
  rows: MeasureRow[];
  chart: ChartLayout;
  summary: string;
  /** With a group-by: each measure across the groups. */
  byGroup: { by: string; table: GroupsTableView } | null;
}

/** Chart labels are SVG text, which does not wrap: a long one is cut short (the table beneath has it whole). */
const CHART_LABEL = 34;
function chartLabel(name: string): string {
  if (name.length <= CHART_LABEL) return name;
  const cut = name.slice(0, CHART_LABEL);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[,;:]$/, '')}…`;
}
const listed = (labels: string[]) => labels.map((l) => `“${l}”`).join(', ');

function summaryOf(view: ExploreView): string {
  const shown = view.measures.filter((m) => m.figure.percent !== null);
  if (shown.length === 0) {
    if (view.measures.length > 0 && view.measures.every((m) => m.figure.reason === 'none by definition'))
      return 'No measure can be shown: the filters leave no one who could be counted, whatever the answers (none by definition).';
    return `No measure can be shown for these respondents: each would rest on fewer than ${view.threshold} people, or let a number under ${view.threshold} be worked out.`;
  }
  const byPercent = [...shown].sort((a, b) => (b.figure.percent as number) - (a.figure.percent as number));
  const high = byPercent[0] as (typeof shown)[number];
  const low = byPercent.at(-1) as (typeof shown)[number];
  const of = `${shown.length} of the ${view.measures.length} measures can be shown.`;
  if (high === low) return `${of} ${high.name}: ${pct(high.figure.percent as number)} (${high.headline.replace(/^% /, '')}).`;
  return `${of} Highest: ${high.name}, ${pct(high.figure.percent as number)} ${high.headline.replace(/^% /, '')}. Lowest: ${low.name}, ${pct(low.figure.percent as number)} ${low.headline.replace(/^% /, '')}.`;
}

function byGroupOf(view: ExploreView): MeasuresView['byGroup'] {
  const by = view.measuresBy;
  if (!by) return null;
  return {
    by: by.label,
    table: {
      caption: `Perception-of-safety measures by “${by.label}”`,
      first: 'Measure',
      hint: "Each cell is the measure's percentage in the group, the 95% interval beneath, and n, how many in the group answered the question.",
      groups: by.groups.map((g) => ({ label: g.label, note: null })),
      rows: view.measures.map((m) => ({
        id: m.key,
        label: m.name,
        cells: (m.byGroup ?? []).map(({ base, figure }) => ({
          main: figure.percent === null ? '[c]' : pct(figure.percent),
          sub: figure.percent === null ? null : interval(figure),
          note: `n = ${base.count === null ? '[c]' : count(base.count)}`,
          withheld: figure.percent === null ? withheldOf(figure, view.threshold, base) : null
        }))
      }))
    }
  };
}

export function measuresOf(view: ExploreView): MeasuresView {
  const figures = view.measures.map((m) => ({ id: m.key, label: chartLabel(m.name), ...m.figure, withheld: withheldOf(m.figure, view.threshold, m.base) }));
  return {
    rows: view.measures.map((m) => ({
      id: m.key,
      name: m.name,
      label: m.label,
      headline: m.headline,
      percent: m.figure.percent === null ? '[c]' : pct(m.figure.percent),
      interval: m.figure.percent === null ? '[c]' : interval(m.figure),
      base: m.base.count === null ? '[c]' : count(m.base.count),
      withheld: withheldOf(m.figure, view.threshold, m.base),
      baseWithheld: baseWithheldOf(m.base, view.threshold),
      counted: listed(m.counted),
      notInBase: m.notInBase.length > 0 ? listed(m.notInBase) : 'nothing'
    })),
    chart: chartLayout(figures, view.threshold, true),
    summary: summaryOf(view),
    byGroup: byGroupOf(view)
  };
}
