import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId, openDatabase } from '@safer-voices/db';
import { defaultReportDefinition } from '../src/cli/report-definition';
import { codeOutstanding } from '../src/coding/code-outstanding';
import { seededRandom } from '../src/demo/random';
import { loadRenderers, renderFile } from '../src/reports/exports-render-file';
import { startExport } from '../src/reports/exports';
import { findExport } from '../src/reports/exports-store';
import { resolveReport } from '../src/reports/resolve';
import { openForGenerating, writeCodedResponses } from './coded-responses';

const TOTAL = Number(process.env.BENCH_RESPONSES ?? 100_000);
const YEAR = 364 * 86_400_000;

const log = (message: string) => process.stderr.write(`[bench reports] ${message}\n`);

/** The youth survey and an earlier wave of it as a series, TOTAL responses in all. */
async function generate(url: string) {
  const { database, youth } = await openForGenerating(url);
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
  await writeCodedResponses(database.client, youth.definition, { versionId: earlier.versionId, count: first, end: earlier.end }, random);
  log(`generated ${first.toLocaleString('en-GB')} responses for wave 1 in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await writeCodedResponses(database.client, youth.definition, { versionId: youth.versionId, count: TOTAL - first, end: now }, random);
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
