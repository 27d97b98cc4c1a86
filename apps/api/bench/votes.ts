// `npm run bench -- votes`: a vote link shared by a local newspaper. The
// standalone API on a fresh embedded database, 50 connections casting votes
// for ~10 s from many network addresses (behind ADDRESS_HEADER, as behind a
// proxy), each browser with its own token, and one request in twenty a
// browser trying to vote again; then a bare Hono echo server under the same
// load. Afterwards every acknowledged vote must be in the database and no
// browser may have been counted twice. Last line: one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@safer-voices/db';
import { VoteInputSchema } from '@safer-voices/survey';
import autocannon from 'autocannon';
import { demoPodcastMp3 } from '../src/demo/podcast-audio';
import { setupDatabase } from '../src/setup';
import { storeAudio } from '../src/votes/audio/store';
import { addEntry, createVote, publishVote } from '../src/votes/vote-store';
import { measured, startServer, stop } from './servers';
import { countStored } from './stored';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Distinct networks voting: a school's one address among many homes'. */
const NETWORKS = 2000;
/** One request in this many is a browser voting a second time (refused, 409). */
const REPEAT_EVERY = 20;
const here = fileURLToPath(new URL('.', import.meta.url));

async function prepareVote(url: string) {
  const database = await openDatabase(url);
  await setupDatabase(database.db);
  const org = String((await database.client.execute("SELECT id FROM organisations WHERE slug = 'demo'")).rows[0]?.id);
  const staff = String((await database.client.execute({ sql: 'SELECT id FROM staff WHERE organisation_id = ? LIMIT 1', args: [org] })).rows[0]?.id);
  const now = Date.now();
  const input = VoteInputSchema.parse({
    title: 'Bench vote',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 3_600_000).toISOString(),
    browserToken: true,
    networkThreshold: 30
  });
  const vote = await createVote(database.db, org, staff, input);
  const entries: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const audio = await storeAudio(database.db, org, demoPodcastMp3(i + 1, 1));
    entries.push(
      await addEntry(database.db, vote, staff, {
        input: { title: `Podcast ${i + 1}`, groupName: 'Bench School', firstNames: 'Sam', transcript: 'Words.', consentConfirmed: true },
        audioId: audio.id
      })
    );
  }
  await publishVote(database.db, vote, staff);
  database.close();
  return { slug: vote.slug, voteId: vote.id, entries };
}

const dir = mkdtempSync(join(tmpdir(), 'safer-voices-bench-votes-'));
const url = `file:${join(dir, 'bench.db')}`;
const { slug, voteId, entries } = await prepareVote(url);

let i = 0;
const acked = new Set<string>();
let refusedRepeats = 0;
function ballot() {
  i += 1;
  // A repeat reuses the token of an earlier request (which may itself have been refused or be in flight).
  const token = i % REPEAT_EVERY === 0 && i > REPEAT_EVERY ? `browser-${i - REPEAT_EVERY + 1}-bench-token` : `browser-${i}-bench-token`;
  return {
    body: JSON.stringify({ entryId: entries[i % entries.length], browserToken: token, idempotencyKey: `bench-${i}-${token}` }),
    address: `10.${(i % NETWORKS) >> 8}.${(i % NETWORKS) & 255}.1`
  };
}

async function load(target: string, path: string, onAck?: (status: number, body: string) => void) {
  return autocannon({
    url: target,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req) => {
          const { body, address } = ballot();
          return { ...req, headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body };
        },
        onResponse: (status, responseBody) => onAck?.(status, responseBody)
      }
    ]
  });
}

const api = await startServer(join(here, '../src/server.ts'), { DATABASE_URL: url, PORT: '3911', ADDRESS_HEADER: 'x-forwarded-for', BACKGROUND_WORK: 'off' }, /listening/);
const { result: votes, cpuMicrosPerRequest: votesCpu } = await measured(api, () =>
  load('http://127.0.0.1:3911', `/api/public/votes/${slug}/ballots`, (status, body) => {
    if (status === 201) acked.add(JSON.parse(body).receipt.replace('-', ''));
    else if (status === 409) refusedRepeats += 1;
  })
);
await stop(api);

i = 0;
const echoServer = await startServer(join(here, 'echo-server.ts'), { PORT: '3912' }, /ready/);
const { result: echo, cpuMicrosPerRequest: echoCpu } = await measured(echoServer, () => load('http://127.0.0.1:3912', '/echo'));
await stop(echoServer);

// After the server has gone: every acknowledged vote is stored, and no browser counts twice.
const check = await openDatabase(url);
const found = await countStored(check.client, 'vote_ballots', 'receipt', [...acked]);
const tally = (
  await check.client.execute({ sql: "SELECT count(*) AS ballots, count(DISTINCT browser_token_hash) AS browsers, sum(status = 'held') AS held FROM vote_ballots WHERE vote_id = ?", args: [voteId] })
).rows[0];
check.close();
rmSync(dir, { recursive: true, force: true });

const ballots = Number(tally?.ballots);
const failed = (r: autocannon.Result) => r.errors + r.timeouts;
console.log(
  `votes: ${votes.requests.average.toFixed(0)} req/s, p50 ${votes.latency.p50} ms, p99 ${votes.latency.p99} ms, ${acked.size} acknowledged, ${refusedRepeats} repeat votes refused, ${failed(votes)} failed, ${ballots} stored (${Number(tally?.held)} held for review), ${votesCpu ?? '?'} µs server CPU per request`
);
console.log(`echo:  ${echo.requests.average.toFixed(0)} req/s, p50 ${echo.latency.p50} ms, p99 ${echo.latency.p99} ms, ${failed(echo)} failed, ${echoCpu ?? '?'} µs server CPU per request`);
console.log(
  JSON.stringify({
    votes_rps: Math.round(votes.requests.average),
    votes_p99_ms: votes.latency.p99,
    echo_rps: Math.round(echo.requests.average),
    ratio: Number((votes.requests.average / echo.requests.average).toFixed(3)),
    lost: acked.size - found,
    double_counted: ballots - Number(tally?.browsers)
  })
);
