// Requests arrive together, and the writer thread (or another process) may be
// committing at that moment: a write must wait for the lock, never fail with
// SQLITE_BUSY because it happened to run on a connection without the settings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client';

let dir: string;
let path: string;
let handle: DatabaseHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safer-voices-client-'));
  path = join(dir, 'db.sqlite');
  handle = await openDatabase(`file:${path}`);
  await handle.client.execute('CREATE TABLE notes (body TEXT NOT NULL)');
});
afterAll(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Another thread takes the write lock, says so, and keeps it for `ms`. */
function holdWriteLock(ms: number): Promise<{ released: Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require('libsql');
     const db = new Database(workerData.path);
     db.exec('BEGIN IMMEDIATE');
     db.exec("INSERT INTO notes (body) VALUES ('from the other writer')");
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { path, ms } }
  );
  const released = new Promise<void>((resolve, reject) => {
    worker.on('exit', () => resolve());
    worker.on('error', reject);
  });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve({ released }));
    worker.once('error', reject);
  });
}

describe('the embedded database client', () => {
  it('makes a write wait while another thread holds the lock, even after many requests came at once', async () => {
    // Requests that overlap are what would make a pool open more connections.
    await Promise.all(Array.from({ length: 8 }, () => handle.client.execute('SELECT 1')));
    const { released } = await holdWriteLock(300);
    await handle.client.execute("INSERT INTO notes (body) VALUES ('waited its turn')");
    await released;
    const { rows } = await handle.client.execute('SELECT body FROM notes ORDER BY rowid');
    expect(rows.map((row) => row.body)).toEqual(['from the other writer', 'waited its turn']);
  });
});
