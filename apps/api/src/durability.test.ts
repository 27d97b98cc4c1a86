// A fault test: the API process is killed (SIGKILL, like a power cut to the
// process) while submissions pour in. Every response it acknowledged must
// be in the database afterwards, whole, and a retry of it must be recognised.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@safer-voices/db';
import { type QuestionnaireDefinition, sampleAnswers, validateAnswers } from '@safer-voices/survey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupDatabase } from './setup';
import { jsonOf } from './test/fresh-api';

// One process, so a kill reaches the server itself (the tsx CLI would start a child).
const tsx = import.meta.resolve('tsx');
const serverScript = fileURLToPath(new URL('./server.ts', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startApi(url: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, serverScript], { env: { ...process.env, DATABASE_URL: url, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`API exited with ${code}`)));
  });
}

const KILL_AFTER_ACKNOWLEDGED = 300;

let dir: string;
let url: string;
let versionId: string;
let definition: QuestionnaireDefinition;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safer-voices-fault-'));
  url = `file:${join(dir, 'fault.db')}`;
  const database = await openDatabase(url);
  await setupDatabase(database.db);
  const row = await database.client.execute("SELECT v.id, v.definition FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id WHERE q.slug = 'youth-safety-11-19'");
  versionId = String(row.rows[0]?.id);
  definition = JSON.parse(String(row.rows[0]?.definition));
  database.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('killing the API mid-ingest', () => {
  it('loses no acknowledged response and half-writes none', async () => {
    const port = await freePort();
    const api = await startApi(url, port);
    const acked = new Map<string, { id: string; body: string }>();
    let stop = false;
    let sent = 0;
    const client = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        const key = `fault-${worker}-${i}`;
        const body = JSON.stringify({ versionId, answers: sampleAnswers(definition, i), idempotencyKey: key });
        sent += 1;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          if (res.status === 201) acked.set(key, { id: (await jsonOf(res)).id, body });
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = Array.from({ length: 20 }, (_, w) => client(w));
    // Killed once a good number are acknowledged, however slow the machine is, while more are in flight.
    while (acked.size < KILL_AFTER_ACKNOWLEDGED) await new Promise((r) => setTimeout(r, 5));
    api.kill('SIGKILL');
    stop = true;
    await Promise.all(clients);
    console.log(`killed the API after ${acked.size} acknowledged of ${sent} sent`);

    const database = await openDatabase(url);
    const integrity = await database.client.execute('PRAGMA integrity_check');
    expect(String(integrity.rows[0]?.[0])).toBe('ok');
    const stored = await database.client.execute({ sql: 'SELECT id, answers FROM responses WHERE version_id = ?', args: [versionId] });
    const storedIds = new Set(stored.rows.map((r) => String(r.id)));
    const lost = [...acked.values()].filter((a) => !storedIds.has(a.id));
    expect(lost).toEqual([]);
    for (const row of stored.rows) expect(validateAnswers(definition, JSON.parse(String(row.answers)))).toEqual([]);
    expect(stored.rows.length).toBeLessThanOrEqual(sent);
    database.close();

    // After a restart, a client retrying an acknowledged submission gets the same response back.
    const again = await startApi(url, port);
    const [key, first] = [...acked.entries()][0] as [string, { id: string; body: string }];
    const retry = await fetch(`http://127.0.0.1:${port}/api/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: first.body });
    expect(retry.status).toBe(200);
    expect((await jsonOf(retry)).id).toBe(first.id);
    expect(key).toMatch(/^fault-/);
    again.kill();
  }, 60_000);
});
