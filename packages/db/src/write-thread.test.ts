// The writer thread commits without waiting for the disk and answers a job
// only once an fsync of the log that began after its commit has finished.
// Whatever the timing, every job is answered exactly once, with its own rows,
// and what it was told is stored is there for any other connection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client';

let dir: string;
let handle: DatabaseHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safer-voices-writer-'));
  handle = await openDatabase(`file:${join(dir, 'db.sqlite')}`);
  await handle.client.execute('CREATE TABLE ballots (n INTEGER PRIMARY KEY, body TEXT NOT NULL)');
});
afterAll(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the writer thread', () => {
  it('answers each of 2,000 writes sent at once with its own rows, and every answered write is stored', async () => {
    const answers = await Promise.all(Array.from({ length: 2000 }, (_, n) => handle.writes.batch([{ sql: 'INSERT INTO ballots (n, body) VALUES (?, ?) RETURNING n', args: [n, `ballot ${n}`] }])));
    expect(answers.map((results) => Number(results[0]?.rows[0]?.n))).toEqual(Array.from({ length: 2000 }, (_, n) => n));
    const { rows } = await handle.client.execute('SELECT count(*) AS stored FROM ballots');
    expect(Number(rows[0]?.stored)).toBe(2000);
  });

  it('refuses one write that breaks a rule, while the others sent with it are stored', async () => {
    const sent = [5000, 0, 5001].map((n) => handle.writes.batch([{ sql: 'INSERT INTO ballots (n, body) VALUES (?, ?)', args: [n, `again ${n}`] }]));
    const [first, clash, last] = await Promise.allSettled(sent);
    expect(first?.status).toBe('fulfilled');
    expect(last?.status).toBe('fulfilled');
    expect(clash?.status).toBe('rejected');
    expect(clash?.status === 'rejected' && String(clash.reason.code)).toMatch(/SQLITE_CONSTRAINT/);
    const { rows } = await handle.client.execute('SELECT n FROM ballots WHERE n >= 5000 ORDER BY n');
    expect(rows.map((row) => Number(row.n))).toEqual([5000, 5001]);
  });
});
