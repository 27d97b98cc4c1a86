// `npm run bench -- reports`: a consultation report over 100,000 responses.
//
// 1. A fresh embedded database with the demo content; the youth survey in a
//    series of two waves a year apart (the live survey and a closed copy),
//    with BENCH_RESPONSES synthetic responses in all (default 100,000): valid
//    answers, free text from the demo phrase bank with its themes coded
//    alongside, school labels for most — written straight to the database
//    in big transactions, as `npm run bench -- insights` does.
// 2. The report `npm run report` builds for the youth survey (default
//    sections: methodology, the series' measures with trends, the top
//    themes), timed as an export job makes it: resolved from the database
//    (figures, suppression) and laid out, as Word and as PDF. Each format is
//    timed cold (the explorer's index of the responses loaded first, as
//    after a server start) and warm; then as export jobs (job_*_ms: from
//    asking to the file stored, a renderer process started for each).
// Targets on the 2-core machine: Word ≤ 10 s, PDF ≤ 15 s (build including
// resolving). Progress lines go to stderr; the last line on stdout is JSON.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InStatement } from '@libsql/client';
import { newId, openDatabase } from '@safer-voices/db';
import type { QuestionnaireDefinition } from '@safer-voices/survey';
import { defaultReportDefinition } from '../src/cli/report-definition';
import { codeOutstanding } from '../src/coding/code-outstanding';
import { seededRandom } from '../src/demo/random';
import { syntheticResponse } from '../src/demo/synthetic-answers';
import { loadRenderers, renderFile } from '../src/reports/exports-render-file';
import { startExport } from '../src/reports/exports';
import { findExport } from '../src/reports/exports-store';
import { resolveReport } from '../src/reports/resolve';
import { setupDatabase } from '../src/setup';
import { sha256 } from '../src/store/canonical-json';

const TOTAL = Number(process.env.BENCH_RESPONSES ?? 100_000);
const PER_TRANSACTION = 20_000;
const ROWS_PER_STATEMENT = 500;
const SCHOOLS = Array.from({ length: 30 }, (_, i) => `School ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i - 25 : ''}`);
const WEEKS = 8;
const YEAR = 364 * 86_400_000;

const log = (message: string) => process.stderr.write(`[bench reports] ${message}\n`);

function insert(table: string, columns: string[], rows: unknown[][]): InStatement[] {
  const statements: InStatement[] = [];
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(at, at + ROWS_PER_STATEMENT);
    statements.push({ sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => one).join(', ')}`, args: chunk.flat() as never });
  }
  return statements;
}

type Handle = Awaited<ReturnType<typeof openDatabase>>;

/** `count` coded responses to the version over the eight weeks up to `end`. */
async function fill(database: Handle, definition: QuestionnaireDefinition, versionId: string, count: number, end: number, random: ReturnType<typeof seededRandom>) {
  const start = end - WEEKS * 7 * 86_400_000;
  for (let done = 0; done < count; ) {
    const n = Math.min(PER_TRANSACTION, count - done);
    const responses: unknown[][] = [];
    const marks: unknown[][] = [];
    const coded: unknown[][] = [];
    const themes: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const at = Math.floor(start + ((done + i) / count) * (end - start));
      const id = newId(at);
      const { answers, texts } = syntheticResponse(definition, random);
      const age = typeof answers.age === 'number' ? answers.age : 14;
      const context = age <= 17 && random.chance(0.7) ? JSON.stringify({ school: random.pick(SCHOOLS), class: `Year ${Math.max(7, age - 4)}` }) : null;
      responses.push([id, versionId, sha256(randomUUID()), JSON.stringify(answers), context, at]);
      const codedAt = at + random.int(500, 5000);
      marks.push([id, codedAt]);
      for (const [questionId, text] of texts) {
        const byTheme = new Map<string, { start: number; end: number; text: string }[]>();
        for (const span of text.spans) {
          for (const theme of span.themes) byTheme.set(theme, [...(byTheme.get(theme) ?? []), { start: span.start, end: span.end, text: text.text.slice(span.start, span.end) }]);
        }
        let review = false;
        for (const [theme, evidence] of byTheme) {
          const yes = random.chance(0.93);
          review ||= !yes;
          themes.push([id, questionId, theme, yes ? 0.7 + random.next() * 0.29 : 0.35 + random.next() * 0.3, yes ? 'yes' : 'review', JSON.stringify(evidence), 'default@1', 'codebook-only', codedAt]);
        }
        coded.push([id, questionId, 'default@1', 'codebook-only', codedAt, 0.5 + random.next() * 0.49, review ? 1 : 0]);
      }
    }
    await database.client.batch(
      [
        ...insert('responses', ['id', 'version_id', 'idempotency_key', 'answers', 'context', 'submitted_at'], responses),
        ...insert('coded_responses', ['response_id', 'coded_at'], marks),
        ...insert('coded_answers', ['response_id', 'question_id', 'codebook_version', 'model_version', 'coded_at', 'certainty', 'needs_review'], coded),
        ...insert('answer_codes', ['response_id', 'question_id', 'theme_id', 'confidence', 'decision', 'evidence', 'codebook_version', 'model_version', 'coded_at'], themes)
      ],
      'write'
    );
    done += n;
  }
}

/** The youth survey and an earlier wave of it as a series, TOTAL responses in all. */
async function generate(url: string) {
  const database = await openDatabase(url);
  await setupDatabase(database.db);
  await database.client.execute('PRAGMA synchronous = OFF');
  await database.client.execute('PRAGMA cache_size = -1000000');
  const found = await database.client.execute(
    "SELECT q.id, q.organisation_id, v.id AS version_id, v.definition FROM questionnaires q JOIN questionnaire_versions v ON v.questionnaire_id = q.id WHERE q.slug = 'youth-safety-11-19'"
  );
  const youth = {
    questionnaireId: String(found.rows[0]?.id),
    organisationId: String(found.rows[0]?.organisation_id),
    versionId: String(found.rows[0]?.version_id),
    definition: JSON.parse(String(found.rows[0]?.definition)) as QuestionnaireDefinition
  };
  const now = Date.now() - 60_000;
  const seriesId = newId();
  const earlier = { questionnaireId: newId(), versionId: newId(), end: now - YEAR };
  const waveIds = [newId(), newId()] as const;
  await database.client.batch(
    [
      { sql: "INSERT INTO series (id, organisation_id, name) VALUES (?, ?, 'Youth safety survey')", args: [seriesId, youth.organisationId] },
      { sql: 'INSERT INTO questionnaires (id, organisation_id, slug, closes_at) VALUES (?, ?, ?, ?)', args: [earlier.questionnaireId, youth.organisationId, 'youth-wave-1', earlier.end + 86_400_000] },
      {
        sql: 'INSERT INTO questionnaire_versions (id, questionnaire_id, version, definition, published_at) VALUES (?, ?, 1, ?, ?)',
        args: [earlier.versionId, earlier.questionnaireId, JSON.stringify(youth.definition), earlier.end - YEAR / 4]
      },
      { sql: "INSERT INTO waves (id, series_id, label, fieldwork_date) VALUES (?, ?, 'Wave 1', ?)", args: [waveIds[0], seriesId, earlier.end - 28 * 86_400_000] },
      { sql: "INSERT INTO waves (id, series_id, label, fieldwork_date) VALUES (?, ?, 'Wave 2', ?)", args: [waveIds[1], seriesId, now - 28 * 86_400_000] },
      { sql: 'INSERT INTO wave_questionnaires (wave_id, questionnaire_id) VALUES (?, ?)', args: [waveIds[0], earlier.questionnaireId] },
      { sql: 'INSERT INTO wave_questionnaires (wave_id, questionnaire_id) VALUES (?, ?)', args: [waveIds[1], youth.questionnaireId] }
    ],
    'write'
  );
  const random = seededRandom(100_000);
  const started = performance.now();
  const first = Math.floor(TOTAL / 2);
  await fill(database, youth.definition, earlier.versionId, first, earlier.end, random);
  log(`generated ${first.toLocaleString('en-GB')} responses for wave 1 in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await fill(database, youth.definition, youth.versionId, TOTAL - first, now, random);
  await codeOutstanding(database, { limit: 10 });
  await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  const seconds = (performance.now() - started) / 1000;
  log(`generated ${TOTAL.toLocaleString('en-GB')} responses in ${seconds.toFixed(1)} s`);
  database.close();
  return { ...youth, generateSeconds: seconds };
}

const dir = mkdtempSync(join(tmpdir(), 'safer-voices-reports-'));
const url = `file:${join(dir, 'reports.db')}`;
try {
  log(`generating ${TOTAL.toLocaleString('en-GB')} responses into ${url}`);
  const youth = await generate(url);
  const database = await openDatabase(url);
  const renderers = await loadRenderers();
  const build = async (format: 'docx' | 'pdf', db = database.db) => {
    const started = performance.now();
    const definition = await defaultReportDefinition(db, youth.organisationId, youth.questionnaireId);
    const { document } = await resolveReport(db, youth.organisationId, definition, { version: 1, status: 'draft', at: new Date() });
    const resolved = performance.now();
    const bytes = await renderFile(renderers, format, document);
    const ms = Math.round(performance.now() - started);
    log(
      `${format}: ${ms} ms (resolve ${Math.round(resolved - started)} ms, layout ${Math.round(performance.now() - resolved)} ms), ${bytes.byteLength.toLocaleString('en-GB')} bytes, ${document.sections.length} sections`
    );
    return ms;
  };
  // Cold: the explorer's index is built on first use per database handle, so a fresh handle for the PDF's cold build too.
  const docx = await build('docx');
  const coldHandle = await openDatabase(url);
  const pdf = await build('pdf', coldHandle.db);
  coldHandle.close();
  const docxWarm = await build('docx');
  const pdfWarm = await build('pdf');
  await renderers.closePdfBrowser();

  // The same report saved as a draft and made by an export job, as the download page asks for it:
  // resolved in this process, laid out in a renderer process of its own, stored in the database.
  const reportId = newId();
  const definition = await defaultReportDefinition(database.db, youth.organisationId, youth.questionnaireId);
  await database.client.batch(
    [
      { sql: "INSERT INTO reports (id, organisation_id, slug) VALUES (?, ?, 'bench-report')", args: [reportId, youth.organisationId] },
      { sql: 'INSERT INTO report_versions (report_id, version, definition) VALUES (?, 1, ?)', args: [reportId, JSON.stringify(definition)] }
    ],
    'write'
  );
  const job = async (format: 'docx' | 'pdf') => {
    const started = performance.now();
    const id = await startExport(database.db, { organisationId: youth.organisationId, reportId, version: 1, format, staffId: null });
    for (;;) {
      const found = await findExport(database.db, id);
      if (found?.status === 'failed') throw new Error(`The ${format} job failed: ${found.error}`);
      if (found?.status === 'done') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const ms = Math.round(performance.now() - started);
    log(`${format} export job, from asking to stored: ${ms} ms`);
    return ms;
  };
  const jobDocx = await job('docx');
  const jobPdf = await job('pdf');
  database.close();
  const result = {
    responses: TOTAL,
    generate_s: Math.round(youth.generateSeconds),
    docx_ms: docx,
    pdf_ms: pdf,
    docx_warm_ms: docxWarm,
    pdf_warm_ms: pdfWarm,
    job_docx_ms: jobDocx,
    job_pdf_ms: jobPdf,
    targets_ms: { docx: 10_000, pdf: 15_000 }
  };
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
