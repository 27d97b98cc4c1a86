// jsonPicks on a real database: any number of paths (one, a few, past
// SQLite's 127 arguments, past 100 groups of them), any JSON values, each
// read back where its path is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@safer-voices/db';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGroups, jsonPicks, MAX_FUNCTION_ARGS } from './json-paths';

let dir: string;
let database: Awaited<ReturnType<typeof openDatabase>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safer-voices-json-paths-'));
  database = await openDatabase(`file:${join(dir, 'test.db')}`);
});
afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const key = (i: number) => `q${i}`;

/** What SQLite picks from `json` at the keys, read back with the picks' reader. */
async function picked(json: string, keys: readonly string[]): Promise<unknown[]> {
  const picks = jsonPicks(
    sql`${json}`,
    keys.map((k) => `$."${k}"`)
  );
  const [row] = await database.db.values<[unknown]>(sql`SELECT json_array(${picks.sql})`);
  const [value] = JSON.parse(String(row?.[0])) as unknown[];
  return picks.read(value);
}

/** The same in JavaScript: null where the key is missing (as json_extract gives). */
const expected = (answers: Record<string, unknown>, keys: readonly string[]) => keys.map((k) => (Object.hasOwn(answers, k) ? answers[k] : null));

describe('jsonPicks', () => {
  it('reads one value per path, in order, for sizes either side of each group boundary', async () => {
    for (const n of [0, 1, 2, 98, 99, 100, 126, 127, 128, 200, 9_900, 10_000, 12_000]) {
      const answers = Object.fromEntries(Array.from({ length: n }, (_, i) => [key(i), i % 3 === 0 ? ['a', `b${i}`] : `v${i}`]));
      const keys = Array.from({ length: n }, (_, i) => key(n - 1 - i));
      expect([n, await picked(JSON.stringify(answers), keys)]).toEqual([n, expected(answers, keys)]);
    }
  }, 60_000);

  it('gives null for a path that finds nothing, and for answers that are not an object', async () => {
    expect(await picked(JSON.stringify({ q1: 'yes' }), ['q0', 'q1', 'q2'])).toEqual([null, 'yes', null]);
    expect(await picked('[]', ['q0', 'q1'])).toEqual([null, null]);
    expect(await picked('"text"', ['q0'])).toEqual([null]);
  });

  it('reads back any JSON values, any Unicode text included, whatever the number of paths', async () => {
    const value = fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(value, { nil: undefined }), { maxLength: 260 }), async (values) => {
        const answers = Object.fromEntries(values.flatMap((v, i) => (v === undefined ? [] : [[key(i), v]])));
        const keys = values.map((_, i) => key(i));
        expect(await picked(JSON.stringify(answers), keys)).toEqual(expected(answers, keys));
      }),
      { numRuns: 60 }
    );
  });

  it('never calls a function with more than MAX_FUNCTION_ARGS arguments', () => {
    expect(MAX_FUNCTION_ARGS).toBeLessThan(127);
    expect(inGroups([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inGroups([])).toEqual([]);
  });
});
