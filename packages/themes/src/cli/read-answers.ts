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

export function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, n) => ({ line: line.trim(), n }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${path}:${n + 1}: not valid JSON`);
      }
    });
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
