// Reading a CSV file: UTF-8 (or UTF-16 with its byte order mark, as Excel's
// "Unicode text" saves), comma, semicolon or tab separated.
import { setImmediate as turn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import { type Table, tableFrom, unreadable } from './table';

function decode(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  // Text never holds a zero byte (outside UTF-16); images, PDFs and the like do.
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) throw unreadable('This is not a CSV or XLSX file. Upload a spreadsheet saved as .xlsx or .csv.');
  try {
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable('The file is not saved as UTF-8 text. In Excel, choose File, Save As, then “CSV UTF-8 (Comma delimited)”, and upload that file.');
  }
}

/** The separator used most on the header line. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/** Text fed to the parser at a time; other requests get a turn between pieces (a 10 MB file takes a few hundred milliseconds). */
const PIECE = 256 * 1024;

async function recordsOf(text: string): Promise<string[][]> {
  // Empty lines are kept (and ignored later) so row numbers match the spreadsheet's.
  const parser = parse({ delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false });
  const records: string[][] = [];
  let failure: unknown;
  parser.on('readable', () => {
    for (let record = parser.read(); record !== null; record = parser.read()) records.push(record);
  });
  parser.on('error', (error) => {
    failure = error;
  });
  const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('close', resolve));
  for (let at = 0; at < text.length && failure === undefined; at += PIECE) {
    parser.write(text.slice(at, at + PIECE));
    await turn();
  }
  if (failure === undefined) parser.end();
  await ended;
  if (failure !== undefined) throw failure;
  return records;
}

export async function readCsv(bytes: Uint8Array): Promise<Table> {
  const text = decode(bytes);
  let records: string[][];
  try {
    records = await recordsOf(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw unreadable(`The CSV file could not be read: ${detail}`);
  }
  return tableFrom(
    'csv',
    records.map((cells, i) => ({ number: i + 1, cells }))
  );
}
