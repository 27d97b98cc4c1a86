// An explorer view as an Excel workbook, for analysts and strategy authors
// to take figures into their own tables and reports: the same figures as the
// page, after the same disclosure control ("[c]" where withheld), one sheet
// per table, with what was selected on the first.
import ExcelJS from 'exceljs';
import type { ExploreView, ShownFigure } from './types';

export const WITHHELD = '[c]';

/** Percentages to one decimal place, as numbers a spreadsheet can use; "[c]" when withheld. */
const percent = (value: number | null) => (value === null ? WITHHELD : Math.round(value * 10) / 10);
const counted = (figure: ShownFigure) => figure.count ?? WITHHELD;
const figureCells = (figure: ShownFigure) => [percent(figure.percent), percent(figure.percent === null ? null : figure.lower), percent(figure.percent === null ? null : figure.upper)];

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
  rows.push(
    ['Withheld figures', `${WITHHELD}: based on fewer than ${view.threshold} people, or would let such a number be worked out from others`],
    ['Intervals', '95% Wilson score intervals'],
    ['Weighting', 'None: figures are of the respondents, unweighted'],
    ['Made', now.toISOString()]
  );
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

export async function exploreWorkbook(view: ExploreView, organisation: string, now = new Date()): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  sheet(workbook, 'About', ['About these figures', ''], aboutRows(view, organisation, now));
  sheet(
    workbook,
    'Measures',
    ['Measure', 'Question', 'Headline', '%', '95% lower', '95% upper', 'Counted', 'Answered', 'Answers counted', 'Left out of the base'],
    view.measures.map((m) => [m.name, m.label, m.headline, ...figureCells(m.figure), counted(m.figure), counted(m.base), m.counted.join(', '), m.notInBase.join(', ')])
  );
  if (view.measuresBy) {
    const groups = view.measuresBy.groups;
    sheet(
      workbook,
      'Measures by group',
      ['Measure', view.measuresBy.label, '%', '95% lower', '95% upper', 'Counted', 'Answered'],
      view.measures.flatMap((m) => (m.byGroup ?? []).map((g, j) => [m.name, groups[j]?.label ?? '', ...figureCells(g.figure), counted(g.figure), counted(g.base)]))
    );
  }
  sheet(
    workbook,
    'Themes',
    ['Theme', 'Respondents', '%', '95% lower', '95% upper', 'Out of'],
    view.prevalence.map((t) => [t.label, counted(t), ...figureCells(t), counted(view.base)])
  );
  if (view.crosstab) {
    const x = view.crosstab;
    const labels = new Map(view.prevalence.map((t) => [t.themeId, t.label]));
    sheet(
      workbook,
      'Themes by group',
      ['Theme', x.by.label, 'Respondents', '%', '95% lower', '95% upper', 'Out of'],
      x.rows.flatMap((row) => row.cells.map((cell, j) => [labels.get(row.themeId) ?? row.themeId, x.groups[j]?.label ?? '', counted(cell), ...figureCells(cell), counted(x.groups[j]?.base ?? cell)]))
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
