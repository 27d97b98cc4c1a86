// Several API nodes, one database, for real: two API processes (src/server.ts,
// each with its background coder and notifier) on one libSQL server (sqld).
// Every answer is coded once, every flag announced once, a re-coding job
// outlives the node that was running it, and either node's explorer counts
// every response committed through the other.
import { type Client, createClient } from '@libsql/client';
import { type DatabaseHandle, openDatabase, organisationSettings } from '@safer-voices/db';
import { type Answers, type QuestionnaireDefinition, sampleAnswers } from '@safer-voices/survey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeText } from './demo/free-text';
import { seededRandom } from './demo/random';
import { webhookReceiver } from './notify/notify-test-kit';
import type { ExploreView } from './explore/types';
import { setupDatabase } from './setup';
import { type ApiNode, startApiNode } from './test/api-node';
import { addStaff, bearerFor, demoOrganisationId } from './test/staff';
import { type Sqld, startSqld } from './test/sqld';

const SLUG = 'youth-safety-11-19';
const RESPONSES = 300;
const FREE_TEXT = ['what_makes_unsafe', 'why_involved', 'what_would_help'] as const;
// Written for the detector's tests, each flagged "likely"; every twentieth response carries one.
const DISCLOSURES = [
  'my stepdad hits me when he has been drinking',
  'ma dad hits me wen he gets home',
  'sum1 on snap sed there gonna stab me',
  'been self-harming since xmas',
  'i got stabbed in town last week'
];
const DISCLOSURE_EVERY = 20;

let sqld: Sqld;
let database: DatabaseHandle;
let sql: Client;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;
let nodes: ApiNode[] = [];
let nodeEnv: Record<string, string>;
let officer: Record<string, string>;
let analyst: Record<string, string>;
let questionnaireId: string;
let versionId: string;
let definition: QuestionnaireDefinition;
/** Free-text answers submitted, as `responseId questionId`. */
const submittedAnswers = new Set<string>();
const disclosingResponses = new Set<string>();

const rows = async (statement: string, args: (string | number)[] = []) => (await sql.execute({ sql: statement, args })).rows;
const one = async (statement: string, args: (string | number)[] = []) => Number((await rows(statement, args))[0]?.n ?? 0);

/** Polls until `check` gives a value, for at most `ms`; a loaded machine gets the whole deadline. */
async function until<T>(what: string, ms: number, check: () => Promise<T | null | undefined | false>, every = 100): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${ms / 1000} s for ${what}\n${nodes.map((n) => `--- ${n.name}:\n${n.output()}`).join('\n')}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

const post = (node: ApiNode, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${node.api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

function answersFor(i: number): Answers {
  const random = seededRandom(1000 + i);
  const answers: Answers = sampleAnswers(definition, i);
  for (const [at, id] of FREE_TEXT.entries()) {
    const { text } = composeText((['unsafe', 'causes', 'help'] as const)[at] ?? 'open', random, { maxLength: 1500 });
    if (text) answers[id] = text;
    else delete answers[id];
  }
  if (i % DISCLOSURE_EVERY === 0) answers.what_makes_unsafe = DISCLOSURES[(i / DISCLOSURE_EVERY) % DISCLOSURES.length] as string;
  return answers;
}

async function submit(node: ApiNode, i: number): Promise<string> {
  const answers = answersFor(i);
  const res = await post(node, '/responses', { versionId, answers, idempotencyKey: `scale-out-nodes-${i}` });
  if (res.status !== 201) throw new Error(`Response ${i} to ${node.name}: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (const question of FREE_TEXT) if (answers[question]) submittedAnswers.add(`${id} ${question}`);
  if (i % DISCLOSURE_EVERY === 0) disclosingResponses.add(id);
  return id;
}

/** How many times each answer's coding was written, from the test's own log (see beforeAll). */
async function codingWrites(afterLogId = 0) {
  const written = await rows('SELECT response_id, question_id, count(*) AS n FROM test_coding_writes WHERE log_id > ? GROUP BY response_id, question_id', [afterLogId]);
  return new Map(written.map((r) => [`${r.response_id} ${r.question_id}`, Number(r.n)]));
}

const startNode = (name: string) => startApiNode(name, nodeEnv);

/**
 * Waits until every flag's webhook notice is marked sent, then checks that
 * the receiver got exactly one POST per flag; the flags' ids.
 */
async function announcedOnce(): Promise<string[]> {
  const flags = (await rows('SELECT id FROM safeguarding_flags')).map((r) => String(r.id));
  await until('every flag to be announced', 45_000, async () => (await one("SELECT count(*) AS n FROM notifications WHERE status = 'sent' AND flag_id IS NOT NULL")) === flags.length);
  const announced = hook.received.map((r) => JSON.parse(r.raw) as { type: string; flagId?: string }).filter((b) => b.type === 'safeguarding_flag');
  expect(announced.map((b) => b.flagId).sort()).toEqual([...flags].sort());
  expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(hook.received.length);
  return flags;
}

beforeAll(async () => {
  sqld = await startSqld();
  database = await openDatabase(sqld.url);
  sql = createClient({ url: sqld.url });
  await setupDatabase(database.db);
  // Every write of an answer's coding (a new coded_answers row, or a coding
  // replaced in place) is logged, so the test can tell coded once from coded
  // twice with the same result. A test-only table, not part of the schema.
  await sql.batch(
    [
      'CREATE TABLE test_coding_writes (log_id INTEGER PRIMARY KEY, response_id TEXT NOT NULL, question_id TEXT NOT NULL, model_version TEXT NOT NULL)',
      `CREATE TRIGGER test_coding_inserted AFTER INSERT ON coded_answers BEGIN
         INSERT INTO test_coding_writes (response_id, question_id, model_version) VALUES (new.response_id, new.question_id, new.model_version); END`,
      `CREATE TRIGGER test_coding_replaced AFTER UPDATE ON coded_answers BEGIN
         INSERT INTO test_coding_writes (response_id, question_id, model_version) VALUES (new.response_id, new.question_id, new.model_version); END`
    ],
    'write'
  );
  const handle = { database };
  const organisationId = await demoOrganisationId(handle);
  officer = await bearerFor(handle, (await addStaff(handle, organisationId, ['officer'])).id);
  analyst = await bearerFor(handle, (await addStaff(handle, organisationId, ['analyst'])).id);
  hook = await webhookReceiver([204]);
  // As if an admin had set the webhook a moment ago: flags raised from now on are announced.
  await database.db.insert(organisationSettings).values({ organisationId, notifyWebhookUrl: hook.url, updatedAt: new Date(Date.now() - 1000) });
  nodeEnv = { DATABASE_URL: sqld.url, PUBLIC_URL: 'https://voices.example.org', BACKGROUND_WORK: 'on' };
  nodes = await Promise.all([startNode('A'), startNode('B')]);

  const published = (await (await fetch(`${nodes[1]?.api}/questionnaires/${SLUG}`)).json()) as { versionId: string; definition: QuestionnaireDefinition };
  versionId = published.versionId;
  definition = published.definition;
  questionnaireId = String((await rows('SELECT id FROM questionnaires WHERE slug = ?', [SLUG]))[0]?.id);
}, 120_000);

afterAll(async () => {
  for (const node of nodes) {
    // A node stopped with SIGSTOP must be let go on, or it would never die.
    node.process.kill('SIGCONT');
    await node.kill();
  }
  await hook?.close();
  sql?.close();
  database?.close();
  sqld?.stop();
});

const [A, B] = [() => nodes[0] as ApiNode, () => nodes[1] as ApiNode];

describe('two API processes on one libSQL server', () => {
  it('code each new answer exactly once, whichever node took it', async () => {
    const ids = await Promise.all(Array.from({ length: RESPONSES }, (_, i) => submit(i % 2 === 0 ? A() : B(), i)));
    expect(new Set(ids).size).toBe(RESPONSES);

    await until('every response to be coded', 60_000, async () => (await one('SELECT count(*) AS n FROM responses WHERE id NOT IN (SELECT response_id FROM coded_responses)')) === 0);
    for (const node of nodes) {
      const health = (await (await fetch(`${node.api}/health`)).json()) as { coding: { oldestUncodedSeconds: number; backgroundCoderRunning: boolean } };
      expect(health.coding, node.name).toMatchObject({ oldestUncodedSeconds: 0, backgroundCoderRunning: true });
    }

    const coded = await rows('SELECT response_id, question_id, error FROM coded_answers');
    expect(coded.filter((r) => r.error !== null)).toEqual([]);
    expect(coded.map((r) => `${r.response_id} ${r.question_id}`).sort()).toEqual([...submittedAnswers].sort());
    // Coded once: not coded by both nodes and written twice over.
    const writes = await codingWrites();
    const notOnce = [...writes].filter(([, n]) => n !== 1);
    expect(notOnce.length, `answers coded more than once, of ${writes.size}, e.g. ${notOnce.slice(0, 3).join('; ')}`).toBe(0);
    expect(writes.size).toBe(submittedAnswers.size);
    expect(await rows('SELECT response_id, question_id, theme_id FROM answer_codes GROUP BY 1, 2, 3 HAVING count(*) > 1')).toEqual([]);
    expect(await rows('SELECT response_id, question_id FROM safeguarding_flags GROUP BY 1, 2 HAVING count(*) > 1')).toEqual([]);
    const flagged = await rows('SELECT response_id FROM safeguarding_flags');
    expect(new Set(flagged.map((r) => String(r.response_id)))).toEqual(disclosingResponses);
  }, 90_000);

  it('announce each safeguarding flag once, with both notifiers running', async () => {
    expect(await announcedOnce()).toHaveLength(RESPONSES / DISCLOSURE_EVERY);
  }, 60_000);

  it('finish a re-coding job on the other node after the node running it is killed', async () => {
    // Node B is paused while the job starts, so node A is the one running it.
    B().process.kill('SIGSTOP');
    const logBefore = await one('SELECT coalesce(max(log_id), 0) AS n FROM test_coding_writes');
    const res = await post(A(), '/coding/jobs', { questionnaireId }, officer);
    expect(res.status).toBe(201);
    const { job } = (await res.json()) as { job: { id: string; total: number } };
    expect(job.total).toBe(RESPONSES);
    const progress = async () => (await rows('SELECT status, done FROM jobs WHERE id = ?', [job.id]))[0] as unknown as { status: string; done: number };
    await until('node A to start the job', 30_000, async () => (await progress()).done > 0, 20);
    B().process.kill('SIGCONT');
    await until('node A to be part way', 30_000, async () => (await progress()).done >= RESPONSES / 2, 20);
    await A().kill('SIGKILL');
    const atKill = await progress();
    expect(atKill.status, 'the job finished before node A was killed').toBe('running');
    expect(atKill.done).toBeLessThan(RESPONSES);

    await until('node B to finish the job', 60_000, async () => (await progress()).status === 'done');
    expect(await progress()).toEqual({ status: 'done', done: RESPONSES });
    // Every answer re-coded, and once: the chunk node A had in hand when it died was not committed, and node B did it.
    const writes = await codingWrites(logBefore);
    const notOnce = [...writes].filter(([, n]) => n !== 1);
    expect(notOnce.length, `answers re-coded more than once, of ${writes.size}, e.g. ${notOnce.slice(0, 3).join('; ')}`).toBe(0);
    expect([...writes.keys()].sort()).toEqual([...submittedAnswers].sort());
    nodes[0] = await startNode('A (restarted)');
  }, 120_000);

  it('count every committed response in the explorer on either node', async () => {
    const view = async (node: ApiNode) => {
      const res = await fetch(`${node.api}/explore/${questionnaireId}`, { headers: analyst });
      expect(res.status, node.name).toBe(200);
      return (await res.json()) as ExploreView;
    };
    // A scale question: every response answers it (sampleAnswers picks a point), so its base counts them all.
    const measure = (v: ExploreView) => v.measures.find((m) => m.key === 'worry_violence')?.base.count;
    const stored = () => one('SELECT count(*) AS n FROM responses WHERE version_id = ?', [versionId]);
    for (const node of nodes) expect(measure(await view(node)), node.name).toBe(await stored());
    for (let k = 0; k < 6; k++) {
      await submit(nodes[k % 2] as ApiNode, RESPONSES + k);
      const expected = RESPONSES + k + 1;
      // Right after the 201, on the node that stored it and on the other.
      for (const node of nodes) expect(measure(await view(node)), `${node.name} after response ${k + 1}`).toBe(expected);
    }
    expect(await stored()).toBe(RESPONSES + 6);
  }, 60_000);

  it('have announced no flag twice by the end, a restart and a new disclosure included', async () => {
    expect(await announcedOnce()).toHaveLength(RESPONSES / DISCLOSURE_EVERY + 1);
  }, 60_000);
});
