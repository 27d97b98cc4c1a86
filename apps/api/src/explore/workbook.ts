// An explorer view as an Excel workbook, for analysts and strategy authors
// to take figures into their own tables and reports: the same figures as the
// page, after the same disclosure control, one sheet per table, with what was
// selected on the first. A withheld figure reads "[c]" and the rule that
// withheld it in packages/insights' few words ("[c] under 10 in group"), as
// on the page; the Notes sheet says each rule in full, sheet by sheet.
import { withheldCell, withheldNotes } from '@safer-voices/insights';
import ExcelJS from 'exceljs';
import type { ExploreView, ShownFigure } from './types';

export const WITHHELD = '[c]';
export const WITHHELD_IN_WORDS = `${WITHHELD} is a withheld figure; after it, in a few words, the rule that withheld it. The Notes sheet says what each rule means.`;

/** One sheet's withheld cells ("[c] under 10 in group"), remembered for its notes (a reason unknown or missing reads "too few people"). */
export class Marks {
  readonly reasons: string[] = [];
  constructor(readonly threshold: number) {}
  mark(reason: string | null | undefined): string {
    this.reasons.push(reason ?? '');
    return withheldCell(reason ?? null, this.threshold);
  }
  /** Percentages to one decimal place, as numbers a spreadsheet can use. A figure shown without its percentage (its group's size is withheld) takes the group's reason. */
  figure(figure: ShownFigure, group?: ShownFigure): (string | number)[] {
    if (figure.percent === null) {
      const reason = figure.reason ?? group?.reason;
      return [this.mark(reason), this.mark(reason), this.mark(reason)];
    }
    const one = (value: number | null) => (value === null ? WITHHELD : Math.round(value * 10) / 10);
    return [one(figure.percent), one(figure.lower), one(figure.upper)];
  }
  count(figure: ShownFigure, group?: ShownFigure): string | number {
    return figure.count ?? this.mark(figure.reason ?? group?.reason);
  }
}

/** A sheet with a bold, frozen header row and columns wide enough for what they hold. */
export function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: (string | number)[][]): void {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.addRow(header).font = { bold: true };
  for (const row of rows) worksheet.addRow(row);
  worksheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(10, ...[header, ...rows].map((r) => String(r[i] ?? '').length + 2)));
  });
}

/** What the view covers, in words. */
function aboutRows(view: ExploreView, organisation: string, now: Date): string[][] {
  const a = view.applied;
  const labelOf = (key: string) => view.dimensions.find((d) => d.key === key);
  const rows = [
    ['Organisation', organisation],
    ['Questionnaire', view.questionnaire.title],
    ['Versions', a.versions.length === 0 ? 'All' : a.versions.join(', ')],
    ['Submitted', a.from || a.to ? `${a.from ?? 'any date'} to ${a.to ?? 'any date'} (whole weeks, Monday to Sunday)` : 'Any date'],
    ['Themes of answers to', view.freeTextQuestions.find((q) => q.id === a.question)?.label ?? 'Any free-text question']
  ];
  for (const [key, values] of Object.entries(a.filters)) {
    const dimension = labelOf(key);
    rows.push([dimension?.label ?? key, values.map((v) => dimension?.options.find((o) => o.value === v)?.label ?? v).join(' or ')]);
  }
  if (a.by) rows.push(['Grouped by', labelOf(a.by)?.label ?? a.by]);
  rows.push(['Withheld figures', WITHHELD_IN_WORDS], ['Intervals', '95% Wilson score intervals'], ['Weighting', 'None: figures are of the respondents, unweighted'], ['Made', now.toISOString()]);
  if (view.notice) rows.push(['Notice', view.notice]);
  return rows;
}

/** A download's file name from a title: `young-people-s-safety-survey`. */
export const workbookFileName = (title: string, fallback: string) =>
  title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60) || fallback;

/** An answer carrying a workbook as a download. */
export function workbookResponse(bytes: Uint8Array, fileName: string): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${fileName}.xlsx"` }
  });
}

export const NOTES_HEADER = ['Sheet', 'Rule', 'Figures it withheld', 'What it means'];

/** The Notes sheet's rows: for each sheet, each rule that withheld any of its figures, with how many and what it means. */
export function notesRows(sheets: [string, Marks][], threshold: number): (string | number)[][] {
  const rows = sheets.flatMap(([name, marks]) =>
    withheldNotes(
      marks.reasons.map((reason) => ({ reason })),
      threshold
    ).map((n) => [name, n.rule, n.figures, n.sentence])
  );
  return rows.length > 0 ? rows : [['', '', 0, 'No figure in this workbook is withheld.']];
}

export async function exploreWorkbook(view: ExploreView, organisation: string, now = new Date()): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  const t = view.threshold;
  const measures = new Marks(t);
  const measuresBy = new Marks(t);
  const themes = new Marks(t);
  const themesBy = new Marks(t);
  sheet(workbook, 'About', ['About these figures', ''], aboutRows(view, organisation, now));
  sheet(
    workbook,
    'Measures',
    ['Measure', 'Question', 'Headline', '%', '95% lower', '95% upper', 'Counted', 'Answered', 'Answers counted', 'Left out of the base'],
    view.measures.map((m) => [
      m.name,
      m.label,
      m.headline,
      ...measures.figure(m.figure, m.base),
      measures.count(m.figure, m.base),
      measures.count(m.base),
      m.counted.join(', '),
      m.notInBase.join(', ')
    ])
  );
  if (view.measuresBy) {
    const groups = view.measuresBy.groups;
    sheet(
      workbook,
      'Measures by group',
      ['Measure', view.measuresBy.label, '%', '95% lower', '95% upper', 'Counted', 'Answered'],
      view.measures.flatMap((m) =>
        (m.byGroup ?? []).map((g, j) => [m.name, groups[j]?.label ?? '', ...measuresBy.figure(g.figure, g.base), measuresBy.count(g.figure, g.base), measuresBy.count(g.base)])
      )
    );
  }
  sheet(
    workbook,
    'Themes',
    ['Theme', 'Respondents', '%', '95% lower', '95% upper', 'Out of'],
    view.prevalence.map((p) => [p.label, themes.count(p, view.base), ...themes.figure(p, view.base), themes.count(view.base)])
  );
  if (view.crosstab) {
    const x = view.crosstab;
    const labels = new Map(view.prevalence.map((p) => [p.themeId, p.label]));
    sheet(
      workbook,
      'Themes by group',
      ['Theme', x.by.label, 'Respondents', '%', '95% lower', '95% upper', 'Out of'],
      x.rows.flatMap((row) =>
        row.cells.map((cell, j) => {
          const base = x.groups[j]?.base;
          return [labels.get(row.themeId) ?? row.themeId, x.groups[j]?.label ?? '', themesBy.count(cell, base), ...themesBy.figure(cell, base), themesBy.count(base ?? cell)];
        })
      )
    );
  }
  const noted: [string, Marks][] = [
    ['Measures', measures],
    ['Measures by group', measuresBy],
    ['Themes', themes],
    ['Themes by group', themesBy]
  ];
  sheet(workbook, 'Notes', NOTES_HEADER, notesRows(noted, t));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
