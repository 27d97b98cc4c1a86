// Dates in imported files: dd/mm/yyyy (as UK spreadsheets write them), ISO
// (2024-03-12, 2024-03-12T14:05, with or without a zone) or an Excel date
// cell. A time without a zone is UK wall-clock time.
import { type Cell, FORMULA_ONLY } from './table';

const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', hour: '2-digit' });

/** A wall-clock time in the UK as an instant (the UK is UTC or UTC+1). */
function fromLondon(y: number, m: number, d: number, h: number, min: number, s: number): Date | null {
  const wall = Date.UTC(y, m - 1, d, h, min, s);
  const asWritten = new Date(wall);
  if (asWritten.getUTCFullYear() !== y || asWritten.getUTCMonth() !== m - 1 || asWritten.getUTCDate() !== d || h > 23 || min > 59 || s > 59) return null;
  for (const offset of [0, 1]) {
    const at = new Date(wall - offset * 3_600_000);
    if (Number(LONDON.format(at)) === h) return at;
  }
  return asWritten;
}

const EARLIEST = Date.UTC(1900, 0, 1);
const DAY = 86_400_000;

/** The instant a cell names, or null when it is not a date this reads. */
export function dateOf(cell: Cell, now = Date.now()): Date | null {
  if (cell === FORMULA_ONLY) return null;
  let at: Date | null = null;
  if (cell instanceof Date) {
    // Excel stores a wall-clock date and time; exceljs hands it over as if it were UTC.
    at = fromLondon(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate(), cell.getUTCHours(), cell.getUTCMinutes(), cell.getUTCSeconds());
  } else {
    const text = cell.trim();
    const uk = UK.exec(text);
    const iso = ISO_LOCAL.exec(text);
    const n = (v: string | undefined) => Number(v ?? 0);
    if (uk) at = fromLondon(n(uk[3]), n(uk[2]), n(uk[1]), n(uk[4]), n(uk[5]), n(uk[6]));
    else if (iso) at = fromLondon(n(iso[1]), n(iso[2]), n(iso[3]), n(iso[4]), n(iso[5]), n(iso[6]));
    else if (ISO_ZONED.test(text)) at = new Date(text);
  }
  if (!at || Number.isNaN(at.getTime()) || at.getTime() < EARLIEST || at.getTime() > now + DAY) return null;
  return at;
}
