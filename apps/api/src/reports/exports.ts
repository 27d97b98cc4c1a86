// Export jobs: a Word, easy-read Word, PDF or HTML file of one version of a
// report, made in the background. Starting one stores the job and runs it on this node, at
// most a few at a time; the file is made in a renderer process of its own
// (exports-renderer.ts) and stored in the database with the job, so any node
// answers "how far has it got" and hands the file over. Whoever asks about a
// job that was left (its node stopped: the lease ran out, or it waited too
// long to start) takes it up again; a job claimed too often is marked failed.
// One job failing never touches another. Files go after a week.
import type { Database } from '@safer-voices/db';
import { resolveReport } from './resolve';
import { versionAt } from './store';
import { CONTENT_TYPES, type ExportFormat, FORMAT_NAMES, fileNameFor } from './exports-render-file';
import { RenderError, renderInChild } from './exports-renderer';
import { claimExport, EXPORT_STEPS, type ExportJob, insertExport, markDone, markFailed, markProgress, recentDuration, removeExportsBefore, renewLease } from './exports-store';

export const EXPORT_LIMITS = {
  /** A running job's node renews its claim this often and it lasts LEASE_MS. */
  leaseMs: 60_000,
  renewMs: 15_000,
  /** A queued job nobody has started after this long is taken up by whoever asks about it. */
  queuedGraceMs: 30_000,
  renderTimeoutMs: 180_000,
  maxAttempts: 2,
  /** Jobs running at once on one node (the machine may have two cores). */
  concurrent: 2,
  keepMs: 7 * 86_400_000
};

/** Until a format has finished jobs to go by: about how long one takes (ms). */
const FIRST_GUESS_MS: Record<ExportFormat, number> = { docx: 5_000, 'easy-read-docx': 3_000, pdf: 8_000, html: 3_000 };

const local = new Set<string>();
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= EXPORT_LIMITS.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

export async function startExport(db: Database, input: { organisationId: string; reportId: string; version: number; format: ExportFormat; staffId: string | null }): Promise<string> {
  await removeExportsBefore(db, new Date(Date.now() - EXPORT_LIMITS.keepMs));
  const id = await insertExport(db, input);
  runSoon(db, id);
  return id;
}

/** Runs the job on this node unless it already is; failures are the job's, never the caller's. */
function runSoon(db: Database, id: string) {
  if (local.has(id)) return;
  local.add(id);
  runExport(db, id)
    .catch((error) => console.error(`Report export ${id} could not be run`, error))
    .finally(() => local.delete(id));
}

/** Takes up a job whose node stopped: lease run out, or queued and never started. */
export function recoverIfLeft(db: Database, job: ExportJob, now = Date.now()) {
  const leaseGone = job.status === 'running' && (job.leaseUntil?.getTime() ?? 0) < now;
  const neverStarted = job.status === 'queued' && job.createdAt.getTime() < now - EXPORT_LIMITS.queuedGraceMs;
  if (leaseGone || neverStarted) runSoon(db, job.id);
}

async function runExport(db: Database, id: string) {
  const release = await slot();
  try {
    const job = await claimExport(db, id, EXPORT_LIMITS.leaseMs);
    if (!job) return;
    if (job.attempts > EXPORT_LIMITS.maxAttempts) {
      await markFailed(db, id, 'The server making this file stopped before it was ready, more than once. Prepare the file again.');
      return;
    }
    const name = FORMAT_NAMES[job.format];
    const what = `version ${job.version} of this report as ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
    const renew = setInterval(() => void renewLease(db, id, EXPORT_LIMITS.leaseMs).catch(() => {}), EXPORT_LIMITS.renewMs);
    renew.unref();
    try {
      const stored = await versionAt(db, job.reportId, job.version);
      if (!stored) throw new RenderError(`this report has no version ${job.version}`);
      const document =
        stored.publishedAt && stored.document
          ? stored.document
          : (await resolveReport(db, job.organisationId, stored.definition, { version: stored.version, status: 'draft', at: new Date() })).document;
      await step(db, id, 1);
      const render = renderInChild(job.format, document, EXPORT_LIMITS.renderTimeoutMs);
      await Promise.race([render.ready, render.file.catch(() => {})]);
      await step(db, id, 2);
      const bytes = await render.file;
      await step(db, id, 3);
      await markDone(db, id, { bytes, fileName: fileNameFor(document.title || 'report', job.format), contentType: CONTENT_TYPES[job.format] });
    } catch (error) {
      if (!(error instanceof RenderError)) console.error(`Report export ${id} failed`, error);
      const reason = error instanceof RenderError ? ` (${error.message.replace(/[.\s]+$/, '').slice(0, 300)})` : '';
      await markFailed(db, id, `We could not make ${what}${reason}. Try again; if it fails again, tell your administrator.`);
    } finally {
      clearInterval(renew);
    }
  } finally {
    release();
  }
}

async function step(db: Database, id: string, done: number) {
  if (!(await markProgress(db, id, done, EXPORT_LIMITS.leaseMs))) throw new RenderError('another server took the job over');
}

export interface ExportProgress {
  id: string;
  reportId: string;
  version: number;
  format: ExportFormat;
  status: ExportJob['status'];
  done: number;
  total: number;
  /** What is happening now, while queued or running. */
  step: string | null;
  secondsLeft: number | null;
  downloadUrl: string | null;
  fileName: string | null;
  error: string | null;
  createdAt: string;
}

export async function progressOf(db: Database, job: ExportJob, now = Date.now()): Promise<ExportProgress> {
  const finished = job.status === 'done' || job.status === 'failed';
  let secondsLeft: number | null = null;
  if (!finished) {
    const expected = (await recentDuration(db, job.format)) ?? FIRST_GUESS_MS[job.format];
    const elapsed = job.status === 'running' && job.startedAt ? now - job.startedAt.getTime() : 0;
    secondsLeft = Math.max(1, Math.ceil((expected - elapsed) / 1000));
  }
  return {
    id: job.id,
    reportId: job.reportId,
    version: job.version,
    format: job.format,
    status: job.status,
    done: job.done,
    total: job.total,
    step: finished ? null : job.status === 'queued' ? 'Waiting to start' : (EXPORT_STEPS[Math.min(job.done, EXPORT_STEPS.length - 1)] ?? null),
    secondsLeft,
    downloadUrl: job.status === 'done' ? `/api/reports/${job.reportId}/exports/${job.id}/file` : null,
    fileName: job.fileName,
    error: job.status === 'failed' ? job.error : null,
    createdAt: job.createdAt.toISOString()
  };
}
