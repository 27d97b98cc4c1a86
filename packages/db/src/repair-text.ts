// Repairs text stored before storableText guarded every way in: each lone
// surrogate becomes U+FFFD and each NUL goes, in every table, so that no
// stored value can make a reader abort the process (see storable-text.ts).
//
// SQL cannot do it: in JSON text a lone surrogate is an escape ("\ud800")
// that looks like half of a pair, and reading the decoded value aborts the
// driver. So candidate rows are found with SQL, read as bytes, and cleaned
// here; JSON columns (from the schema) are parsed and cleaned value by value.
import type { Client, InValue, Transaction } from '@libsql/client';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, SQLiteTextJson } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';
import { storableJson, storableText } from './storable-text';

export const TEXT_REPAIR = 'unpaired_surrogates_and_nul';

/** Rows read at a time while looking for values to repair. */
const PAGE = 500;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** table name → its JSON columns, as the schema declares them. */
function jsonColumns(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const config = getTableConfig(value);
    found.set(config.name, new Set(config.columns.filter((c) => is(c, SQLiteTextJson)).map((c) => c.name)));
  }
  return found;
}

interface Target {
  table: string;
  /** Columns that may hold text; keys (primary and foreign) are left alone, as changing one would break what refers to it. */
  columns: string[];
  json: Set<string>;
}

async function targets(tx: Transaction): Promise<Target[]> {
  const json = jsonColumns();
  const tables = await tx.execute(
    "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND wr = 0 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'"
  );
  const found: Target[] = [];
  for (const row of tables.rows) {
    const table = String(row.name);
    const info = await tx.execute({ sql: 'SELECT name, pk FROM pragma_table_info(?)', args: [table] });
    const keys = await tx.execute({ sql: 'SELECT "from" FROM pragma_foreign_key_list(?)', args: [table] });
    const foreign = new Set(keys.rows.map((k) => String(k.from)));
    const columns = info.rows.filter((c) => Number(c.pk) === 0 && !foreign.has(String(c.name))).map((c) => String(c.name));
    if (columns.length > 0) found.push({ table, columns, json: json.get(table) ?? new Set() });
  }
  return found;
}

/** SQL true for a value that may need repair: a NUL anywhere, or in a JSON column an escape that may be a lone surrogate or NUL. */
function suspect(column: string, isJson: boolean): string {
  const c = quoted(column);
  const nul = `instr(CAST(${c} AS BLOB), x'00') > 0`;
  return `(typeof(${c}) = 'text' AND (${nul}${isJson ? ` OR ${c} LIKE '%\\ud%' OR ${c} LIKE '%\\u0000%'` : ''}))`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** The repaired value, or undefined when it needs none. */
function repaired(bytes: ArrayBuffer, isJson: boolean): string | undefined {
  let text: string;
  let valid = true;
  try {
    text = utf8.decode(bytes);
  } catch {
    // Not UTF-8 at all: what can be read is kept, the rest becomes U+FFFD.
    text = lenient.decode(bytes);
    valid = false;
  }
  let clean = storableText(text);
  if (isJson) {
    try {
      const value: unknown = JSON.parse(text);
      const cleaned = storableJson(value);
      if (cleaned !== value) clean = JSON.stringify(cleaned);
    } catch {
      // Not JSON after all: cleaned as plain text.
    }
  }
  return clean !== text || !valid ? clean : undefined;
}

async function repairTable(tx: Transaction, target: Target): Promise<number> {
  const where = target.columns.map((c) => suspect(c, target.json.has(c))).join(' OR ');
  const read = `SELECT rowid AS "rowid", ${target.columns.map((c) => `CASE WHEN typeof(${quoted(c)}) = 'text' THEN CAST(${quoted(c)} AS BLOB) END AS ${quoted(c)}`).join(', ')} FROM ${quoted(target.table)} WHERE rowid > ? AND (${where}) ORDER BY rowid LIMIT ${PAGE}`;
  const updates: { column: string; value: string; rowid: InValue }[] = [];
  for (let after: InValue = 0; ; ) {
    const page = await tx.execute({ sql: read, args: [after] });
    for (const row of page.rows) {
      for (const column of target.columns) {
        const bytes = row[column];
        if (!(bytes instanceof ArrayBuffer)) continue;
        const value = repaired(bytes, target.json.has(column));
        if (value !== undefined) updates.push({ column, value, rowid: row.rowid as InValue });
      }
    }
    if (page.rows.length < PAGE) break;
    after = page.rows[page.rows.length - 1]?.rowid as InValue;
  }
  if (updates.length === 0) return 0;
  // Triggers such as "published versions are immutable" would refuse the
  // repair; they are put back, unchanged, in the same transaction.
  const triggers = await tx.execute({ sql: "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?", args: [target.table] });
  for (const trigger of triggers.rows) await tx.execute(`DROP TRIGGER ${quoted(String(trigger.name))}`);
  let changed = 0;
  for (const { column, value, rowid } of updates) {
    // OR IGNORE: a repaired value that would duplicate a unique one is left as it was.
    const result = await tx.execute({ sql: `UPDATE OR IGNORE ${quoted(target.table)} SET ${quoted(column)} = ? WHERE rowid = ?`, args: [value, rowid] });
    changed += result.rowsAffected;
  }
  for (const trigger of triggers.rows) await tx.execute(String(trigger.sql));
  return changed;
}

/**
 * Repair every stored value holding a lone surrogate or NUL, once (recorded
 * in data_repairs, in the same transaction). Returns how many values changed;
 * 0 when it had been done before.
 */
export async function repairStoredText(client: Client): Promise<number> {
  const isDone = async (reader: Client | Transaction) => (await reader.execute({ sql: 'SELECT 1 FROM data_repairs WHERE name = ?', args: [TEXT_REPAIR] })).rows.length > 0;
  // Every start asks; only the first takes the write lock.
  if (await isDone(client)) return 0;
  const tx = await client.transaction('write');
  try {
    // Another process may have done it meanwhile.
    if (await isDone(tx)) {
      await tx.rollback();
      return 0;
    }
    let changed = 0;
    for (const target of await targets(tx)) {
      if (target.table === 'data_repairs') continue;
      changed += await repairTable(tx, target);
    }
    await tx.execute({ sql: 'INSERT INTO data_repairs (name, changed, done_at) VALUES (?, ?, ?)', args: [TEXT_REPAIR, changed, Date.now()] });
    await tx.commit();
    return changed;
  } finally {
    tx.close();
  }
}
