// `npm run bench -- ingest`: the standalone API on a fresh embedded database,
// 50 connections posting complete 20-answer responses for ~10 s; then the
// same API acknowledging without storing (the ceiling for ingest here), then
// a bare Hono echo server, each under the same load. Last line: one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, questionnaires, questionnaireVersions } from '@safer-voices/db';
import { QuestionnaireDefinitionSchema } from '@safer-voices/survey';
import autocannon from 'autocannon';
import { setupDatabase } from '../src/setup';
import { benchAnswers, benchQuestionnaire } from './bench-questionnaire';
import { measured, startServer, stop } from './servers';
import { countStored } from './stored';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const here = fileURLToPath(new URL('.', import.meta.url));

async function prepareDatabase(url: string): Promise<string> {
  const database = await openDatabase(url);
  await setupDatabase(database.db);
  const [org] = await database.client.execute('SELECT id FROM organisations LIMIT 1').then((r) => r.rows);
  const versionId = 'bench-version-1';
  await database.db.insert(questionnaires).values({ id: 'bench', organisationId: String(org?.id), slug: 'bench' });
  await database.db.insert(questionnaireVersions).values({
    id: versionId,
    questionnaireId: 'bench',
    version: 1,
    definition: QuestionnaireDefinitionSchema.parse(benchQuestionnaire),
    publishedAt: new Date()
  });
  database.close();
  return versionId;
}

async function load(url: string, path: string, body: (i: number) => string, onAck?: (body: string) => void) {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req) => {
          i += 1;
          return { ...req, headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${i}-${Date.now()}` }, body: body(i) };
        },
        onResponse: (status, responseBody) => {
          if (status === 201) onAck?.(responseBody);
        }
      }
    ]
  });
  return result;
}

const dir = mkdtempSync(join(tmpdir(), 'safer-voices-bench-'));
const url = `file:${join(dir, 'bench.db')}`;
const versionId = await prepareDatabase(url);
const bodies = Array.from({ length: 500 }, (_, i) => JSON.stringify({ versionId, answers: benchAnswers(i) }));

const api = await startServer(join(here, '../src/server.ts'), { DATABASE_URL: url, PORT: '3901' }, /listening/);
const acked = new Set<string>();
const { result: ingest, cpuMicrosPerRequest: ingestCpu } = await measured(api, () =>
  load(
    'http://127.0.0.1:3901',
    '/api/responses',
    (i) => bodies[i % bodies.length] as string,
    (b) => acked.add(JSON.parse(b).id)
  )
);
await stop(api);

const nothingStored = await startServer(join(here, 'nothing-stored-server.ts'), { DATABASE_URL: url, PORT: '3903' }, /ready/);
const { result: ceiling, cpuMicrosPerRequest: ceilingCpu } = await measured(nothingStored, () => load('http://127.0.0.1:3903', '/api/responses', (i) => bodies[i % bodies.length] as string));
await stop(nothingStored);

const echoServer = await startServer(join(here, 'echo-server.ts'), { PORT: '3902' }, /ready/);
const { result: echo, cpuMicrosPerRequest: echoCpu } = await measured(echoServer, () => load('http://127.0.0.1:3902', '/echo', (i) => bodies[i % bodies.length] as string));
await stop(echoServer);

// Every acknowledged response must be in the database after the server has gone.
const check = await openDatabase(url);
const found = await countStored(check.client, 'responses', 'id', [...acked]);
const storedRows = Number((await check.client.execute("SELECT count(*) AS n FROM responses WHERE version_id = 'bench-version-1'")).rows[0]?.n);
check.close();
rmSync(dir, { recursive: true, force: true });

const errors = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
console.log(
  `ingest: ${ingest.requests.average.toFixed(0)} req/s, p50 ${ingest.latency.p50} ms, p99 ${ingest.latency.p99} ms, ${acked.size} acknowledged, ${errors(ingest)} failed, ${storedRows} stored, ${ingestCpu ?? '?'} µs server CPU per request`
);
console.log(
  `ceiling: ${ceiling.requests.average.toFixed(0)} req/s, p99 ${ceiling.latency.p99} ms, ${ceilingCpu ?? '?'} µs server CPU per request (validated and acknowledged, nothing stored; ratio ${(ceiling.requests.average / echo.requests.average).toFixed(3)})`
);
console.log(`echo:   ${echo.requests.average.toFixed(0)} req/s, p50 ${echo.latency.p50} ms, p99 ${echo.latency.p99} ms, ${errors(echo)} failed, ${echoCpu ?? '?'} µs server CPU per request`);
console.log(
  JSON.stringify({
    ingest_rps: Math.round(ingest.requests.average),
    ingest_p99_ms: ingest.latency.p99,
    echo_rps: Math.round(echo.requests.average),
    ratio: Number((ingest.requests.average / echo.requests.average).toFixed(3)),
    lost: acked.size - found
  })
);
