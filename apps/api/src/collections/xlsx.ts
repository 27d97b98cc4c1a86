// Reading an XLSX workbook (the first worksheet, or the one asked for) with
// exceljs. Cells come out as text or dates; a formula counts by the value
// Excel saved with it.
import ExcelJS from 'exceljs';
import { ApiError } from '../errors';
import { type Cell, FORMULA_ONLY, type Table, tableFrom, unreadable } from './table';

/**
 * What the workbook's parts add up to once unzipped, from the zip's own
 * directory. A small file can unzip to gigabytes; such a file is refused
 * before anything is unpacked. Null when the file has no zip directory at
 * all: it is not a workbook, whatever its name says.
 */
export function declaredUnzippedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record sits in the last 64 KB (after an optional comment).
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let entry = view.getUint32(at + 16, true);
    let total = 0;
    for (let i = 0; i < entries && entry + 46 <= bytes.length; i++) {
      if (view.getUint32(entry, true) !== 0x02014b50) break;
      total += view.getUint32(entry + 24, true);
      entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
    }
    return total;
  }
  return null;
}

const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

const NOT_A_WORKBOOK = 'The file could not be read as an Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it again as .xlsx or CSV UTF-8.';

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellOf(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? FORMULA_ONLY : cellOf(value.result);
  // An error value (#N/A, #REF! …) holds no text to import.
  return '';
}

export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<Table> {
  const unzipped = declaredUnzippedBytes(bytes);
  if (unzipped === null) throw unreadable(NOT_A_WORKBOOK);
  if (unzipped > MAX_UNZIPPED_BYTES) throw unreadable('This workbook is too large once unpacked (over 200 MB). Save the worksheet you need as a CSV file and upload that.');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable(NOT_A_WORKBOOK);
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const worksheet = sheetName === undefined ? workbook.worksheets[0] : workbook.worksheets.find((w) => w.name === sheetName);
  if (!worksheet) {
    // A Word document or a presentation is a zip too: named .xlsx, it opens, with no worksheet in it.
    if (sheetName === undefined) throw unreadable(`${NOT_A_WORKBOOK} It has no worksheets: is it another kind of file (a Word document?) named .xlsx?`);
    throw new ApiError(422, 'unknown_sheet', `The workbook has no worksheet called “${sheetName}”`, [
      { field: 'sheet', message: `There is no worksheet called “${sheetName}”. The worksheets are: ${sheets.join(', ')}` }
    ]);
  }
  const records: { number: number; cells: Cell[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    // row.values starts at index 1 (column A) and may have holes.
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellOf(values[c]));
    records.push({ number, cells });
  });
  return tableFrom('xlsx', records, sheets, worksheet.name);
}
