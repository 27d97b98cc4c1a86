// What GET /api/explore/:id answers: the explorer's view of one questionnaire
// or collection under a set of filters. Every figure has been through
// disclosure control; a withheld one is null with the reason.
//
// Query string:
//   version=<version number>        only responses to that version (repeatable: any of them)
//   from=YYYY-MM-DD, to=YYYY-MM-DD  submitted in or between the weeks of these days (UTC, Monday to
//                                   Sunday, inclusive): limits are widened to whole weeks, and
//                                   `applied` says which (see packages/insights periods.ts)
//   question=<free-text question id> themes of that question only (default: any free-text question)
//   f.<filter key>=<value>          only respondents with that answer (repeat a key: any of its values;
//                                   different keys must all hold). Keys are FilterDimension.key.
//   by=<filter key>                 add a theme × group cross-tab over that dimension
//   theme=<theme id>                quotes for that theme (default: the most common shown theme)
import type { SuppressionReason } from '@safer-voices/insights';

export type Suppression = 'primary' | 'secondary' | 'differencing' | null;

export interface ShownFigure {
  count: number | null;
  /** 0–100, with a 95% Wilson interval; null when withheld. */
  percent: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: Suppression;
  reason: SuppressionReason | 'difference below threshold' | null;
}

/** A closed question (or response context) respondents can be filtered and grouped by. */
export interface FilterDimension {
  /** Question id, a grid row as `<questionId>.<rowId>`, or `school` / `class` for class-code labels. */
  key: string;
  label: string;
  options: { value: string; label: string }[];
}

export interface ThemePrevalence extends ShownFigure {
  themeId: string;
  label: string;
}

export interface CrossTab {
  by: { key: string; label: string };
  groups: { value: string; label: string; base: ShownFigure }[];
  /** rows[i] is prevalence[i]'s theme; cells[j] is groups[j]. */
  rows: { themeId: string; cells: ShownFigure[] }[];
}

/** A perception-of-safety measure: one closed question (or grid row) with a measure key and a known headline. */
export interface MeasureFigure {
  /** The dimension key (question id, or `<questionId>.<rowId>`), usable as a filter or `by`. */
  key: string;
  /** A short name, e.g. "Safe after dark" (a grid row: "Safe: Parks"). */
  name: string;
  /** The question's wording (a grid row: `question: row`). */
  label: string;
  /** The measure key shared across questionnaires, waves and age bands. */
  measure: string;
  /** How the figure reads, e.g. "% very, fairly or quite safe". */
  headline: string;
  /** Labels of the answers counted towards the headline. */
  counted: string[];
  /** Labels of the answers left out of the base. */
  notInBase: string[];
  /** Respondents in the view whose answer is in the base. */
  base: ShownFigure;
  /** Respondents counted, with their percentage of the base and its 95% interval. */
  figure: ShownFigure;
  /** With `by`: the same for each of `measuresBy.groups`, protected as a two-way table. */
  byGroup: { base: ShownFigure; figure: ShownFigure }[] | null;
}

export interface CoOccurrence {
  themeIds: string[];
  /** Respondents with both themes (diagonal: with the theme); null when withheld. */
  counts: (number | null)[][];
}

export interface ExploreQuote {
  themeId: string;
  questionId: string;
  /** Redacted text. */
  text: string;
  /** Evidence on the redacted text: sorted, not overlapping. */
  evidence: { start: number; end: number }[];
}

export interface ExploreView {
  questionnaire: { id: string; title: string; kind: 'survey' | 'collection' };
  versions: { version: number; publishedAt: string | null }[];
  freeTextQuestions: { id: string; label: string }[];
  dimensions: FilterDimension[];
  /** The filters as understood (unknown keys and values are a 400, not ignored). */
  applied: {
    versions: number[];
    /** The Monday of the first week counted. */
    from: string | null;
    /** The Sunday of the last week counted. */
    to: string | null;
    question: string | null;
    filters: Record<string, string[]>;
    by: string | null;
    theme: string | null;
  };
  threshold: number;
  /** Perception-of-safety measures over every respondent matching the filters (coded or not), in question order. */
  measures: MeasureFigure[];
  /** With `by`: the groups each measure is split into. */
  measuresBy: { key: string; label: string; groups: { value: string; label: string }[] } | null;
  /** Respondents matching the filters with a coded answer. */
  base: ShownFigure;
  prevalence: ThemePrevalence[];
  crosstab: CrossTab | null;
  cooccurrence: CoOccurrence;
  quotes: ExploreQuote[];
  /** When figures were withheld to stop differencing, sentences saying why. */
  notice: string | null;
}
