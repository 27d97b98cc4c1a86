import { readFileSync } from 'node:fs';

/** One row of input: the answer text plus whatever else the file carried. */
export interface InputRecord {
  text: string;
  question?: string;
  id?: string;
  fields: Record<string, unknown>;
}

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, newlines in quotes). */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/**
 * One JSON object a line. Without `warn`, a line that is not a JSON object
 * stops the read with its line number; with it, the line is reported and
 * skipped.
 */
export function readJsonl(path: string, warn?: (message: string) => void): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, n) => {
      const line = raw.trim();
      if (line === '') return;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        record = undefined;
      }
      if (record !== null && typeof record === 'object' && !Array.isArray(record)) records.push(record as Record<string, unknown>);
      else if (warn) warn(`${path}:${n + 1}: skipped: not a JSON object`);
      else throw new Error(`${path}:${n + 1}: not a JSON object`);
    });
  return records;
}

const asString = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Reads answers from JSONL (a `text` field) or CSV (the named column). */
export function readAnswers(path: string, column = 'text'): InputRecord[] {
  if (/\.csv$/i.test(path)) {
    const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
    const at = header?.indexOf(column) ?? -1;
    if (!header || at < 0) throw new Error(`${path}: no column "${column}" (columns: ${header?.join(', ') ?? 'none'})`);
    const questionAt = header.indexOf('question');
    return rows.map((cells) => {
      const fields = Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
      return { text: cells[at] ?? '', question: questionAt >= 0 ? cells[questionAt] : undefined, id: asString(fields.id), fields };
    });
  }
  return readJsonl(path).map((fields, n) => {
    const text = fields[column];
    if (typeof text !== 'string') throw new Error(`${path}: record ${n + 1} has no string "${column}" field`);
    return { text, question: asString(fields.question), id: asString(fields.id), fields };
  });
}
