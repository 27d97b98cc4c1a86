// What an imported file is read into, whatever its format: a header row of
// column names and the data rows under it, numbered as a spreadsheet shows
// them (the header is row 1), so refusals can name the rows to fix.
import { storableText } from '@safer-voices/db';
import { ApiError, type Issue } from '../errors';

/** A cell holding a formula whose value was never saved: there is nothing to import. */
export const FORMULA_ONLY = Symbol('formula without a saved value');

export type Cell = string | Date | typeof FORMULA_ONLY;

export interface TableRow {
  /** The row's number in the file (the header is row 1). */
  number: number;
  cells: Cell[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  /** Worksheet names, in order (XLSX only). */
  sheets: string[];
  sheet: string | null;
  columns: string[];
  rows: TableRow[];
}

/** Largest file accepted: 10 MB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 50_000;
const MAX_COLUMN_NAME = 100;

export const unreadable = (message: string, issues: Issue[] = [{ field: 'file', message }]) => new ApiError(422, 'unreadable_file', message, issues);

/** Whatever the file held, its text is made storable (see storableText): a workbook's XML can name a lone surrogate, and any format can hold NUL. */
const storableRow = (row: TableRow): TableRow => ({ number: row.number, cells: row.cells.map((c) => (typeof c === 'string' ? storableText(c) : c)) });

export const isBlank = (cell: Cell | undefined) => cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/**
 * The header row's names, checked: every column holding data needs a name,
 * used once. Columns with neither a name nor data are dropped.
 */
export function tableFrom(format: Table['format'], records: TableRow[], sheets: string[] = [], sheet: string | null = null): Table {
  const [header, ...data] = records.map(storableRow).filter((r) => r.cells.some((c) => !isBlank(c)));
  if (!header) throw unreadable('The file is empty: it needs a header row naming its columns, then one row per text');
  const width = Math.max(header.cells.length, ...data.map((r) => r.cells.length));
  const keep: number[] = [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < width; i++) {
    const cell = header.cells[i];
    const name = typeof cell === 'string' ? cell.trim() : '';
    const hasData = data.some((r) => !isBlank(r.cells[i]));
    if (!name && !hasData) continue;
    const where = `Column ${i + 1} of the header row (row ${header.number})`;
    if (!name) issues.push({ field: 'file', message: `${where} has no name, but has values under it. Give every column a name in the first row.` });
    else if (name.length > MAX_COLUMN_NAME) issues.push({ field: 'file', message: `${where} is ${name.length} characters long: is the first row really a header row of column names?` });
    else if (seen.has(name.toLowerCase())) issues.push({ field: 'file', message: `Two columns are called “${name}”. Give each column a different name.` });
    seen.add(name.toLowerCase());
    keep.push(i);
  }
  if (issues.length > 0) throw unreadable('The header row has problems; nothing was imported', issues);
  if (data.length > MAX_ROWS) {
    throw new ApiError(413, 'too_many_rows', `The file has ${data.length.toLocaleString('en-GB')} rows; import at most ${MAX_ROWS.toLocaleString('en-GB')} at a time (split the file)`, [
      { field: 'file', message: `The file has more than ${MAX_ROWS.toLocaleString('en-GB')} rows` }
    ]);
  }
  return {
    format,
    sheets: sheets.map(storableText),
    sheet: sheet === null ? null : storableText(sheet),
    columns: keep.map((i) => String(header.cells[i]).trim()),
    rows: data.map((r) => ({ number: r.number, cells: keep.map((i) => r.cells[i] ?? '') }))
  };
}
