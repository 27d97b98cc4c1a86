// `npm run bench -- insights`: the explorer at a million responses.
//
// 1. A fresh embedded database with the demo content; 1,000,000 synthetic
//    responses to the youth survey (valid answers, free text from the demo
//    phrase bank, class-code labels for most) written straight to the
//    database in big transactions, with their codes made alongside from the
//    phrases' themes (yes and review decisions, confidences, evidence spans)
//    rather than by running the coder on every answer.
// 2. The explorer through the real route (app.request, with a signed-in
//    analyst): the first request builds the index (load_ms), then a mix of
//    views — plain prevalence, cross-tabs, co-occurrence by question, quotes
//    for a theme — with and without filters. Every view also carries the
//    co-occurrence matrix and quotes, so each category is a whole request.
// Progress lines go to stdout; the last line is one JSON object.
// BENCH_RESPONSES changes the size (default 1,000,000).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InStatement } from '@libsql/client';
import { newId, openDatabase } from '@safer-voices/db';
import { codedRows, intersect, selectRespondents, tallyThemes, topAnswers } from '@safer-voices/insights';
import type { QuestionnaireDefinition } from '@safer-voices/survey';
import { createApp } from '../src/app';
import { createSession } from '../src/auth/sessions';
import { codeOutstanding } from '../src/coding/code-outstanding';
import { seededRandom } from '../src/demo/random';
import { explorerFor } from '../src/explore/cache';
import { shownThemes } from '../src/explore/view';
import { currentCodebook } from '../src/store/codebooks';
import { openForGenerating, SCHOOLS, type Target, WEEKS, writeCodedResponses } from './coded-responses';

const TOTAL = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const REQUESTS_PER_KIND = 60;

const log = (message: string) => console.log(`[bench insights] ${message}`);
const ms = (n: number) => Math.round(n * 10) / 10;

async function generate(url: string) {
  const { database, youth } = await openForGenerating(url);
  const seconds = await fill(database, youth.definition, [{ versionId: youth.versionId, count: TOTAL, end: Date.now() - 60_000 }]);
  database.close();
  return { questionnaireId: youth.questionnaireId, generateSeconds: seconds };
}

/**
 * Three waves of the youth survey a year apart, TOTAL responses in all: the
 * live survey and two closed copies of it, grouped into a series.
 */
async function generateWaves(url: string) {
  const { database, youth } = await openForGenerating(url);
  const now = Date.now() - 60_000;
  const year = 364 * 86_400_000;
  const seriesId = newId();
  const statements: InStatement[] = [{ sql: "INSERT INTO series (id, organisation_id, name) VALUES (?, ?, 'Youth safety survey')", args: [seriesId, youth.organisationId] }];
  const targets: Target[] = [];
  for (let w = 0; w < 3; w++) {
    const end = now - (2 - w) * year;
    let versionId = youth.versionId;
    let questionnaireId = youth.questionnaireId;
    if (w < 2) {
      questionnaireId = newId();
      versionId = newId();
      statements.push(
        { sql: 'INSERT INTO questionnaires (id, organisation_id, slug, closes_at) VALUES (?, ?, ?, ?)', args: [questionnaireId, youth.organisationId, `youth-wave-${w}`, end + 86_400_000] },
        {
          sql: 'INSERT INTO questionnaire_versions (id, questionnaire_id, version, definition, published_at) VALUES (?, ?, 1, ?, ?)',
          args: [versionId, questionnaireId, JSON.stringify(youth.definition), end - year / 4]
        }
      );
    }
    const waveId = newId();
    statements.push(
      { sql: 'INSERT INTO waves (id, series_id, label, fieldwork_date) VALUES (?, ?, ?, ?)', args: [waveId, seriesId, `Wave ${w + 1}`, end - (WEEKS / 2) * 7 * 86_400_000] },
      { sql: 'INSERT INTO wave_questionnaires (wave_id, questionnaire_id) VALUES (?, ?)', args: [waveId, questionnaireId] }
    );
    targets.push({ versionId, count: Math.floor(TOTAL / 3) + (w === 2 ? TOTAL % 3 : 0), end });
  }
  await database.client.batch(statements, 'write');
  const seconds = await fill(database, youth.definition, targets);
  database.close();
  return { seriesId, generateSeconds: seconds };
}

/** Responses and their codes for each target, in big transactions; the seconds it took. */
async function fill(database: Awaited<ReturnType<typeof openDatabase>>, definition: QuestionnaireDefinition, targets: Target[]): Promise<number> {
  const { client } = database;
  const random = seededRandom(1_000_000);
  const started = performance.now();
  let codes = 0;
  const all = targets.reduce((sum, t) => sum + t.count, 0);
  let doneAll = 0;
  for (const target of targets) {
    await writeCodedResponses(client, definition, target, random, (responses, written) => {
      codes += written;
      const before = doneAll;
      doneAll += responses;
      if (Math.floor(doneAll / 100_000) > Math.floor(before / 100_000) || doneAll === all) {
        const seconds = (performance.now() - started) / 1000;
        log(`generated ${doneAll.toLocaleString('en-GB')} responses, ${codes.toLocaleString('en-GB')} codes in ${seconds.toFixed(1)} s`);
      }
    });
  }
  // The other demo surveys stay empty; nothing is left for the background coder.
  await codeOutstanding(database, { limit: 10 });
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  return (performance.now() - started) / 1000;
}

/** A route of the real app as the demo analyst, timed per request. */
async function timedRoute(url: string, path: string) {
  const database = await openDatabase(url);
  const app = createApp({ database });
  const staff = await database.client.execute("SELECT id FROM staff WHERE email = 'analyst@demo.safervoices.test'");
  const { token } = await createSession(database.db, String(staff.rows[0]?.id));
  const headers = { authorization: `Bearer ${token}` };
  const get = async (query: string) => {
    const begun = performance.now();
    const res = await app.request(`${path}${query}`, { headers });
    const body = await res.text();
    const took = performance.now() - begun;
    if (res.status !== 200) throw new Error(`${path}${query}: ${res.status} ${body.slice(0, 300)}`);
    return { took, body };
  };
  const put = (to: string, body: unknown) => app.request(to, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { database, get, put };
}

/** The series' measures through the real route: the first request builds the three indexes, then the view again and again. */
async function measureWaves(url: string, seriesId: string) {
  const { database, get, put } = await timedRoute(url, `/api/series/${seriesId}/measures`);
  const first = await get('');
  const view = JSON.parse(first.body);
  log(`waves: first request (builds three indexes): ${ms(first.took)} ms; ${view.measures.length} measures and ${view.themes.length} themes over ${view.waves.length} waves`);
  const queries = ['', '?expected=400', '?expected=1200'];
  for (const q of queries) await get(q); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REQUESTS_PER_KIND; i++) times.push((await get(queries[i % queries.length] as string)).took);
  const result = percentiles(times);
  log(`waves: p50 ${result.p50} ms, p95 ${result.p95} ms over ${REQUESTS_PER_KIND} requests`);
  // Weighted to gender shares: each wave raked, every measure and theme summed per weighting cell.
  const weighting = { variables: [{ key: 'question:gender', shares: { girl: 49, boy: 51 } }] };
  const saved = await put(`/api/series/${seriesId}/weighting`, weighting);
  if (saved.status !== 200) throw new Error(`weighting: ${saved.status} ${await saved.text()}`);
  const firstWeighted = await get('');
  const weightedView = JSON.parse(firstWeighted.body);
  log(
    `waves weighted: first request (sorts respondents into cells): ${ms(firstWeighted.took)} ms; Kish n ${weightedView.weighting.waves.map((w: { kishEffectiveN: number; n: number }) => `${Math.round(w.kishEffectiveN)} of ${w.n}`).join(', ')}`
  );
  const weightedTimes: number[] = [];
  for (let i = 0; i < REQUESTS_PER_KIND; i++) weightedTimes.push((await get(queries[i % queries.length] as string)).took);
  const weighted = percentiles(weightedTimes);
  log(`waves weighted: p50 ${weighted.p50} ms, p95 ${weighted.p95} ms over ${REQUESTS_PER_KIND} requests`);
  database.close();
  return { ...result, weighted };
}

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { p50: ms(at(0.5)), p95: ms(at(0.95)) };
}

async function measure(url: string, questionnaireId: string) {
  const { database, get } = await timedRoute(url, `/api/explore/${questionnaireId}`);
  const first = await get('');
  const view = JSON.parse(first.body);
  log(`first request (builds the index): ${ms(first.took)} ms; base ${view.base.count}; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);

  const today = new Date();
  const day = (daysAgo: number) => new Date(today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const [s1, s2, s3] = SCHOOLS;
  const kinds: Record<string, string[]> = {
    prevalence: [
      '',
      '?f.class=Year%209',
      `?f.school=${encodeURIComponent(s1 as string)}&f.school=${encodeURIComponent(s2 as string)}`,
      '?f.safe_area_after_dark=not_very_safe&f.safe_area_after_dark=not_at_all_safe',
      `?version=1&from=${day(30)}&to=${day(10)}`,
      '?f.changed_behaviour=avoided_places&f.class=Year%2010',
      '?f.safe_places.park=very_unsafe&f.worry_violence=very_worried'
    ],
    crosstab: [
      '?by=school',
      `?by=class&f.school=${encodeURIComponent(s3 as string)}`,
      '?by=safe_area_after_dark',
      '?by=changed_behaviour&question=why_involved',
      '?by=safe_places.park&f.class=Year%209',
      `?by=worry_violence&from=${day(40)}`
    ],
    cooccurrence: ['?question=what_makes_unsafe', '?question=why_involved&f.class=Year%2011', '?question=what_would_help&f.safe_online=quite_safe'],
    quotes: ['?theme=knives_weapons', '?theme=fear&f.class=Year%208', '?theme=youth_provision&question=what_would_help', `?theme=social_media&f.school=${encodeURIComponent(s2 as string)}`]
  };
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const [kind, queries] of Object.entries(kinds)) {
    for (const q of queries) await get(q); // warm-up
    const times: number[] = [];
    for (let i = 0; i < REQUESTS_PER_KIND; i++) times.push((await get(queries[i % queries.length] as string)).took);
    results[kind] = percentiles(times);
    log(`${kind}: p50 ${results[kind].p50} ms, p95 ${results[kind].p95} ms over ${REQUESTS_PER_KIND} requests`);
  }

  // The engine alone, without the route, for each kind of count.
  const owner = await database.client.execute({ sql: 'SELECT organisation_id FROM questionnaires WHERE id = ?', args: [questionnaireId] });
  const organisationId = String(owner.rows[0]?.organisation_id);
  const loaded = await explorerFor(database.db, { id: questionnaireId, organisationId, kind: 'survey' });
  const themes = shownThemes((await currentCodebook(database.db, organisationId)).codebook);
  const { index } = loaded;
  const rows = intersect(selectRespondents(index, { values: { class: ['Year 9'] } }).rows, codedRows(index, null));
  const time = (f: () => unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const begun = performance.now();
      f();
      times.push(performance.now() - begun);
    }
    return percentiles(times);
  };
  const engine = {
    select: time(() => selectRespondents(index, { values: { class: ['Year 9'], school: [s1 as string, s2 as string] } })),
    prevalence: time(() => tallyThemes(index, rows, null, themes)),
    crosstab: time(() => tallyThemes(index, rows, null, themes, { by: 'school' })),
    cooccurrence: time(() => tallyThemes(index, rows, null, themes, { pairs: true })),
    quotes: time(() => topAnswers(index, rows, null, themes[3] as (typeof themes)[number]))
  };
  log(
    `engine alone (Year 9, ${index.size.toLocaleString('en-GB')} respondents): ${Object.entries(engine)
      .map(([k, v]) => `${k} p50 ${v.p50} ms p95 ${v.p95} ms`)
      .join('; ')}`
  );
  database.close();
  return { load: first.took, results };
}

// BENCH_DATABASE: a database file a previous run kept (BENCH_KEEP=1), to measure again without generating.
const kept = process.env.BENCH_DATABASE;
const dir = kept ? null : mkdtempSync(join(tmpdir(), 'safer-voices-insights-'));
const file = kept ?? join(dir as string, 'insights.db');
const url = `file:${file}`;
try {
  let questionnaireId: string;
  if (kept) {
    const database = await openDatabase(url);
    const found = await database.client.execute("SELECT id FROM questionnaires WHERE slug = 'youth-safety-11-19'");
    questionnaireId = String(found.rows[0]?.id);
    database.close();
  } else {
    log(`generating ${TOTAL.toLocaleString('en-GB')} responses with codes into ${url}`);
    const generated = await generate(url);
    questionnaireId = generated.questionnaireId;
    log(`generated in ${generated.generateSeconds.toFixed(1)} s; database ${Math.round(statSync(file).size / 1e6)} MB`);
  }
  const { load, results } = await measure(url, questionnaireId);
  // The waves view on a database of its own: three waves, TOTAL responses in all.
  const wavesFile = join(dir ?? tmpdir(), `insights-waves-${process.pid}.db`);
  log(`generating three waves, ${TOTAL.toLocaleString('en-GB')} responses in all, into file:${wavesFile}`);
  const waves = await generateWaves(`file:${wavesFile}`);
  log(`generated in ${waves.generateSeconds.toFixed(1)} s`);
  const wavesResult = await measureWaves(`file:${wavesFile}`, waves.seriesId);
  if (!dir) for (const suffix of ['', '-wal', '-shm']) rmSync(`${wavesFile}${suffix}`, { force: true });
  console.log(JSON.stringify({ responses: TOTAL, load_ms: Math.round(load), ...results, waves: wavesResult }));
} finally {
  if (dir && process.env.BENCH_KEEP) log(`kept ${file}`);
  else if (dir) rmSync(dir, { recursive: true, force: true });
}
