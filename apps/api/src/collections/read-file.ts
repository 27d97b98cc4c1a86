// An uploaded file as a table, whatever it is called: the bytes say whether
// it is a workbook (a zip), an old binary Excel file, or text.
import { ApiError } from '../errors';
import { readCsv } from './csv';
import { MAX_FILE_BYTES, type Table, unreadable } from './table';
import { readXlsx } from './xlsx';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function readTable(file: File, sheet?: string): Promise<Table> {
  if (file.size > MAX_FILE_BYTES) {
    throw new ApiError(413, 'file_too_large', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, [
      { field: 'file', message: `The file must be ${MAX_FILE_BYTES / 1024 / 1024} MB or smaller. Split it, or remove columns you do not need.` }
    ]);
  }
  if (file.size === 0) throw new ApiError(400, 'file_missing', 'The file is empty', [{ field: 'file', message: 'The file is empty. Choose a CSV or XLSX file.' }]);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes, sheet);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw unreadable('This is an older Excel file (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx) or CSV UTF-8.');
  }
  if (sheet !== undefined) throw new ApiError(422, 'unknown_sheet', 'A CSV file has no worksheets', [{ field: 'sheet', message: 'Only XLSX files have worksheets to choose from' }]);
  return readCsv(bytes);
}
