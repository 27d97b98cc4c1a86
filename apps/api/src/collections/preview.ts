// What the analyst sees before importing: each column with a few of its
// values, so they can pick the text, the date and the grouping columns.
// Values are redacted as quotes are everywhere else.
import { redact } from '@safer-voices/insights';
import { dateOf } from './dates';
import { FORMULA_ONLY, isBlank, type Table } from './table';

const SAMPLES = 3;
const SAMPLE_CHARS = 120;
/** A grouping column may have at most this many different values. */
export const MAX_GROUP_VALUES = 50;

export interface ColumnPreview {
  name: string;
  /** Rows with a value in this column. */
  filled: number;
  /** Different values, counted up to MAX_GROUP_VALUES + 1 ("more than 50"). */
  distinct: number;
  /** Every value reads as a date. */
  dates: boolean;
  /** Cells whose formula has no saved value. */
  formulaCells: number;
  samples: string[];
}

export interface TablePreview {
  format: Table['format'];
  sheets: string[];
  sheet: string | null;
  rows: number;
  columns: ColumnPreview[];
}

export const cellText = (cell: Table['rows'][number]['cells'][number]) => (cell === FORMULA_ONLY ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : cell.trim());

const shorten = (text: string) => (text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS - 1)}…` : text);

export function previewOf(table: Table, redactionTerms: string[]): TablePreview {
  const columns = table.columns.map((name, i) => {
    const distinct = new Set<string>();
    const samples: string[] = [];
    let filled = 0;
    let formulaCells = 0;
    let dates = true;
    for (const row of table.rows) {
      const cell = row.cells[i] ?? '';
      if (cell === FORMULA_ONLY) formulaCells++;
      if (isBlank(cell) || cell === FORMULA_ONLY) continue;
      filled++;
      const text = cellText(cell);
      if (distinct.size <= MAX_GROUP_VALUES) distinct.add(text);
      if (samples.length < SAMPLES && !samples.includes(text)) samples.push(text);
      if (dates && !dateOf(cell)) dates = false;
    }
    return {
      name,
      filled,
      distinct: distinct.size,
      dates: dates && filled > 0,
      formulaCells,
      samples: samples.map((s) => shorten(redact(s, { extraTerms: redactionTerms }).text))
    };
  });
  return { format: table.format, sheets: table.sheets, sheet: table.sheet, rows: table.rows.length, columns };
}
