// Word, easy-read Word, PDF and web-page files of a report made as background jobs, on a real
// database with the real renderers: an author starts a job, watches it move
// through its steps, and downloads a real file; a broken version fails with a
// message while another job finishes; a job left by a stopped server is taken
// up again, or failed once it has been tried too often; old files go; other
// organisations see nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@safer-voices/db';
import { parseForm, ReportExportSchema } from '@safer-voices/survey';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../reports/model';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { zipEntryText } from '../test/zip-entry';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

let api: FreshApi;
let author: Record<string, string>;
let officer: Record<string, string>;
let outsider: Record<string, string>;
let reportId: string;
let organisationId: string;
const dir = mkdtempSync(join(tmpdir(), 'report-exports-'));

interface Progress {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  step: string | null;
  secondsLeft: number | null;
  downloadUrl: string | null;
  error: string | null;
}

const start = async (body: unknown, headers = author, id = reportId) => api.json(`/api/reports/${id}/exports`, body, headers);

async function started(body: unknown): Promise<Progress> {
  const res = await start(body);
  expect(res.status).toBe(202);
  return (await jsonOf(res)).export;
}

/** Asks every 200 ms until the job is finished, keeping every answer. */
async function finished(job: Progress, headers = author): Promise<Progress[]> {
  const seen: Progress[] = [job];
  for (let i = 0; i < 450; i++) {
    const res = await api.app.request(`/api/reports/${reportId}/exports/${job.id}`, { headers });
    expect(res.status).toBe(200);
    const now: Progress = (await jsonOf(res)).export;
    seen.push(now);
    if (now.status === 'done' || now.status === 'failed') return seen;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${job.id} did not finish`);
}

beforeAll(async () => {
  api = await freshApi();
  organisationId = await demoOrganisationId(api);
  author = await bearerFor(api, (await addStaff(api, organisationId, ['author'])).id);
  officer = await bearerFor(api, (await addStaff(api, organisationId, ['officer'])).id);
  outsider = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Elsewhere'), ['author', 'analyst', 'admin'])).id);
  const youth = await api.database.client.execute("SELECT id FROM questionnaires WHERE slug = 'youth-safety-11-19'");
  // 30 pupils of one school and 3 of another: the report's table of who took part withholds the small school.
  const version = await api.database.client.execute({
    sql: 'SELECT id FROM questionnaire_versions WHERE questionnaire_id = ? AND published_at IS NOT NULL ORDER BY version DESC LIMIT 1',
    args: [String(youth.rows[0]?.id)]
  });
  await api.database.client.batch(
    [...Array<string>(30).fill('Castle High School'), ...Array<string>(3).fill('Tiny Test School')].map((school) => ({
      sql: 'INSERT INTO responses (id, version_id, idempotency_key, answers, context, submitted_at) VALUES (?, ?, ?, ?, ?, ?)',
      args: [newId(), String(version.rows[0]?.id), newId(), '{}', JSON.stringify({ school, class: 'Year 9' }), Date.parse('2026-06-10T12:00:00Z')]
    })),
    'write'
  );
  const res = await api.json('/api/reports', { definition: { title: 'Youth safety 2026', covers: { questionnaireIds: [String(youth.rows[0]?.id)] } } }, author);
  expect(res.status).toBe(201);
  reportId = (await jsonOf(res)).report.id;
}, 60_000);
afterAll(() => {
  api.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The report's first withheld cell and its table's notes (the small school's). */
async function withheldInDocument(): Promise<{ cell: string; sentence: string }> {
  const document = await jsonOf<ReportDocument>(await api.app.request(`/api/reports/${reportId}/document`, { headers: author }));
  const tables = document.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'table' ? [b] : b.type === 'chart' ? [b.table] : [])));
  const table = tables.find((t) => (t.withheld ?? []).length > 0);
  const cell = table?.rows.flat().find((c) => c.startsWith('[c] '));
  const sentence = table?.withheld?.[0]?.sentence;
  if (!cell || !sentence) throw new Error('the demo report has no withheld figure to look for');
  return { cell, sentence };
}

/** Text of a Word file's body, runs joined within each paragraph. */
const wordText = (bytes: Uint8Array) =>
  Array.from(zipEntryText(bytes, 'word/document.xml').matchAll(/<w:p[ >].*?<\/w:p>/gs), (p) => Array.from(p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g), (t) => t[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

describe('a report as a file, made in the background', () => {
  it('answers 202 at once, shows its steps and time left, then gives a real Word file named from the title', async () => {
    const job = await started({ format: 'docx' });
    expect(job).toMatchObject({ total: 4, downloadUrl: null });
    expect(['queued', 'running']).toContain(job.status);
    expect(job.secondsLeft).toBeGreaterThan(0);
    const seen = await finished(job);
    const last = seen.at(-1) as Progress;
    expect(last).toMatchObject({ status: 'done', done: 4, total: 4, secondsLeft: null, error: null });
    expect(seen.some((p) => p.status !== 'done' && typeof p.step === 'string' && (p.secondsLeft ?? 0) >= 1)).toBe(true);
    const file = await api.app.request(last.downloadUrl as string, { headers: author });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="youth-safety-2026.docx"');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // The author can come back to it later: it is listed with the report's files.
    const listed = await jsonOf(await api.app.request(`/api/reports/${reportId}/exports`, { headers: author }));
    expect(listed.exports[0]).toMatchObject({ id: job.id, format: 'docx', status: 'done', fileName: 'youth-safety-2026.docx', downloadUrl: last.downloadUrl });
    // A zip's entries are named in the clear in its headers.
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    // A withheld figure says which rule withheld it, and the notes under its table say what that means.
    const { cell, sentence } = await withheldInDocument();
    const text = wordText(bytes);
    expect(text).toContain(cell);
    expect(text).toContain('Notes. [c] is a withheld figure; after it, in a few words, the rule that withheld it.');
    expect(text).toContain(sentence);
  }, 90_000);

  it('makes a tagged PDF, and a web page of the report', async () => {
    const [pdf, html] = await Promise.all([started({ format: 'pdf', version: 1 }), started({ format: 'html' })]);
    const [pdfDone, htmlDone] = (await Promise.all([finished(pdf), finished(html)])).map((seen) => seen.at(-1) as Progress);
    expect(pdfDone?.status).toBe('done');
    const file = await api.app.request(pdfDone?.downloadUrl as string, { headers: author });
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const path = join(dir, 'report.pdf');
    writeFileSync(path, bytes);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Youth safety 2026$/m);
    const { cell, sentence } = await withheldInDocument();
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(cell);
    expect(text).toContain(sentence.replace(/\s+/g, ' '));
    const page = await api.app.request(htmlDone?.downloadUrl as string, { headers: author });
    expect(page.headers.get('content-disposition')).toBe('attachment; filename="youth-safety-2026.html"');
    const webPage = await page.text();
    expect(webPage).toContain('<h1');
    expect(webPage).toMatch(/<table aria-describedby="([^"]+)">.*?<\/table><\/div><div class="sv-table-notes" id="\1">/s);
    expect(webPage).toContain(`>${escapeHtml(cell)}</td>`);
    expect(webPage).toContain(escapeHtml(sentence));
  }, 120_000);

  it('makes the easy-read version as a Word file of its own, which LibreOffice opens and prints', async () => {
    const seen = await finished(await started({ format: 'easy-read-docx', version: 1 }));
    const last = seen.at(-1) as Progress;
    expect(last).toMatchObject({ status: 'done', error: null });
    const listed = await jsonOf(await api.app.request(`/api/reports/${reportId}/exports`, { headers: author }));
    expect(listed.exports[0]).toMatchObject({ format: 'easy-read-docx', fileName: 'youth-safety-2026-easy-read.docx' });
    const file = await api.app.request(last.downloadUrl as string, { headers: author });
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="youth-safety-2026-easy-read.docx"');
    const docx = join(dir, 'easy-read.docx');
    writeFileSync(docx, Buffer.from(await file.arrayBuffer()));
    const out = mkdtempSync(join(tmpdir(), 'easy-read-pdf-'));
    const profile = mkdtempSync(join(tmpdir(), 'easy-read-profile-'));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'pipe', timeout: 110_000 });
    const text = execFileSync('pdftotext', [join(out, 'easy-read.pdf'), '-'], { encoding: 'utf8' });
    // The easy-read version's own headings, not the full report's.
    for (const heading of ['What we found', 'What happens next']) expect(text).toContain(heading);
    expect(text).not.toContain('Contents');
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }, 120_000);

  it('marks a version that cannot be made into a file as failed, with a message, while another job finishes', async () => {
    // Version 2 is published with a document an older release could have stored wrongly.
    await api.database.client.execute({
      sql: 'INSERT INTO report_versions (report_id, version, definition, document, published_at) SELECT report_id, 2, definition, \'{"title":"Broken"}\', ? FROM report_versions WHERE report_id = ? AND version = 1',
      args: [Date.now(), reportId]
    });
    const [broken, fine] = await Promise.all([started({ format: 'docx', version: 2 }), started({ format: 'html', version: 1 })]);
    const [brokenDone, fineDone] = (await Promise.all([finished(broken), finished(fine)])).map((seen) => seen.at(-1) as Progress);
    expect(brokenDone?.status).toBe('failed');
    expect(brokenDone?.error).toMatch(/^We could not make version 2 of this report as a Word file \(.+\)\. Try again; if it fails again, tell your administrator\.$/);
    expect(brokenDone?.downloadUrl).toBeNull();
    expect(fineDone?.status).toBe('done');
    // A stored document without an easy-read version cannot be made into the easy-read file, and says why.
    const noEasyRead = (await finished(await started({ format: 'easy-read-docx', version: 2 }))).at(-1) as Progress;
    expect(noEasyRead).toMatchObject({
      status: 'failed',
      error: 'We could not make version 2 of this report as an easy-read Word file (This report has no easy-read version). Try again; if it fails again, tell your administrator.'
    });
    const file = await api.app.request(`/api/reports/${reportId}/exports/${broken.id}/file`, { headers: author });
    expect(file.status).toBe(409);
    expect((await jsonOf(file)).message).toBe('This file could not be made; prepare it again');
  }, 90_000);

  it('takes up a job whose server stopped, and fails one that was tried too often', async () => {
    const left = newId();
    const tooOften = newId();
    const longAgo = Date.now() - 5 * 60_000;
    for (const [id, attempts] of [
      [left, 1],
      [tooOften, 2]
    ] as const) {
      await api.database.client.execute({
        sql: "INSERT INTO report_exports (id, organisation_id, report_id, version, format, status, done, total, attempts, lease_until, started_at, created_at) VALUES (?, ?, ?, 1, 'html', 'running', 2, 4, ?, ?, ?, ?)",
        args: [id, organisationId, reportId, attempts, longAgo + 60_000, longAgo, longAgo]
      });
    }
    const [leftDone, tooOftenDone] = (await Promise.all([finished({ id: left } as Progress), finished({ id: tooOften } as Progress)])).map((seen) => seen.at(-1) as Progress);
    expect(leftDone?.status).toBe('done');
    expect(tooOftenDone).toMatchObject({ status: 'failed', error: 'The server making this file stopped before it was ready, more than once. Prepare the file again.' });
  }, 60_000);

  it('removes jobs and files older than a week when a new one starts', async () => {
    const old = newId();
    await api.database.client.execute({
      sql: "INSERT INTO report_exports (id, organisation_id, report_id, version, format, status, done, total, file_name, content_type, bytes, created_at) VALUES (?, ?, ?, 1, 'html', 'done', 4, 4, 'old.html', 'text/html', x'3c703e', ?)",
      args: [old, organisationId, reportId, Date.now() - 8 * 86_400_000]
    });
    expect((await api.app.request(`/api/reports/${reportId}/exports/${old}/file`, { headers: author })).status).toBe(200);
    await finished(await started({ format: 'html', version: 1 }));
    const gone = await api.app.request(`/api/reports/${reportId}/exports/${old}`, { headers: author });
    expect(gone.status).toBe(404);
    expect((await jsonOf(gone)).message).toBe('There is no such file being prepared; files are kept for 7 days');
  }, 60_000);
});

describe('who may have a report as a file', () => {
  it('answers 404 to another organisation for the report, the job and the file, and 403 to a role without reports', async () => {
    const job = await started({ format: 'html', version: 1 });
    const last = (await finished(job)).at(-1) as Progress;
    expect(last.status).toBe('done');
    expect((await start({ format: 'html' }, outsider)).status).toBe(404);
    expect((await api.app.request(`/api/reports/${reportId}/exports`, { headers: outsider })).status).toBe(404);
    expect((await api.app.request(`/api/reports/${reportId}/exports/${job.id}`, { headers: outsider })).status).toBe(404);
    expect((await api.app.request(last.downloadUrl as string, { headers: outsider })).status).toBe(404);
    expect((await start({ format: 'html' }, officer)).status).toBe(403);
    // A job asked for under another report's id is not found either.
    expect((await api.app.request(`/api/reports/${newId()}/exports/${job.id}`, { headers: author })).status).toBe(404);
  }, 60_000);

  it('refuses an unknown format or version with a message for the field', async () => {
    const format = await start({ format: 'xls' });
    expect(format.status).toBe(400);
    expect(JSON.stringify(await jsonOf(format))).toContain('Choose Word, easy-read Word, PDF or web page');
    const version = await start({ format: 'pdf', version: 99 });
    expect(version.status).toBe(404);
    expect((await jsonOf(version)).message).toBe('This report has no version 99');
  });
});

describe('the shared rule for asking for a file', () => {
  it('answers anything a form may send with a format or a message for the field, never a throw', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary' })), fc.option(fc.oneof(fc.double(), fc.integer())), (format, version) => {
        const parsed = parseForm(ReportExportSchema, { format: format ?? undefined, version: version ?? undefined }, ['format', 'version'], 'format');
        if (parsed.ok) expect(['docx', 'easy-read-docx', 'pdf', 'html']).toContain(parsed.data.format);
        else for (const e of parsed.errors) expect(['Choose Word, easy-read Word, PDF or web page', 'Choose a version of the report']).toContain(e.message);
      })
    );
  });
});
