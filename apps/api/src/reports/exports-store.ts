// Export jobs' rows (packages/db schema/report-exports.ts): made, claimed,
// moved on a step, finished, failed, read and cleared away.
import { type Database, newId, reportExports } from '@safer-voices/db';
import { and, desc, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { ExportFormat } from './exports-render-file';

export type ExportRow = typeof reportExports.$inferSelect;
/** The job without the file's bytes. */
export type ExportJob = Omit<ExportRow, 'bytes'>;

/** Read the report, start the renderer, lay out the file, store it. */
export const EXPORT_STEPS = ['Reading the report', 'Starting the renderer', 'Laying out the file', 'Storing the file'] as const;

const jobColumns = {
  id: reportExports.id,
  organisationId: reportExports.organisationId,
  reportId: reportExports.reportId,
  version: reportExports.version,
  format: reportExports.format,
  status: reportExports.status,
  done: reportExports.done,
  total: reportExports.total,
  attempts: reportExports.attempts,
  leaseUntil: reportExports.leaseUntil,
  startedAt: reportExports.startedAt,
  finishedAt: reportExports.finishedAt,
  error: reportExports.error,
  fileName: reportExports.fileName,
  contentType: reportExports.contentType,
  createdBy: reportExports.createdBy,
  createdAt: reportExports.createdAt
};

export async function insertExport(db: Database, input: { organisationId: string; reportId: string; version: number; format: ExportFormat; staffId: string | null }): Promise<string> {
  const id = newId();
  await db.insert(reportExports).values({ id, ...input, createdBy: input.staffId, total: EXPORT_STEPS.length });
  return id;
}

export async function findExport(db: Database, id: string): Promise<ExportJob | null> {
  const [row] = await db.select(jobColumns).from(reportExports).where(eq(reportExports.id, id));
  return row ?? null;
}

/** The report's newest jobs, without their files. */
export async function listExports(db: Database, reportId: string, limit = 10): Promise<ExportJob[]> {
  return db.select(jobColumns).from(reportExports).where(eq(reportExports.reportId, reportId)).orderBy(desc(reportExports.createdAt)).limit(limit);
}

export async function exportFile(db: Database, id: string): Promise<{ bytes: Buffer; fileName: string; contentType: string } | null> {
  const [row] = await db
    .select({ bytes: reportExports.bytes, fileName: reportExports.fileName, contentType: reportExports.contentType })
    .from(reportExports)
    .where(and(eq(reportExports.id, id), eq(reportExports.status, 'done')));
  if (!row?.bytes || !row.fileName || !row.contentType) return null;
  return { bytes: row.bytes, fileName: row.fileName, contentType: row.contentType };
}

/** Takes the job for this node when it is waiting, or running on a lease that ran out; null when another node has it or it is finished. */
export async function claimExport(db: Database, id: string, leaseMs: number): Promise<ExportJob | null> {
  const now = new Date();
  const [row] = await db
    .update(reportExports)
    .set({ status: 'running', done: 0, attempts: sql`${reportExports.attempts} + 1`, leaseUntil: new Date(now.getTime() + leaseMs), startedAt: now })
    .where(and(eq(reportExports.id, id), or(eq(reportExports.status, 'queued'), and(eq(reportExports.status, 'running'), lt(reportExports.leaseUntil, now)))))
    .returning(jobColumns);
  return row ?? null;
}

/** Steps done so far, and the lease renewed; false when the job is no longer this node's to run. */
export async function markProgress(db: Database, id: string, done: number, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(reportExports)
    .set({ done, leaseUntil: new Date(Date.now() + leaseMs) })
    .where(and(eq(reportExports.id, id), eq(reportExports.status, 'running')))
    .returning({ id: reportExports.id });
  return rows.length > 0;
}

/** Keeps the job this node's while a long step runs. */
export async function renewLease(db: Database, id: string, leaseMs: number): Promise<void> {
  await db
    .update(reportExports)
    .set({ leaseUntil: new Date(Date.now() + leaseMs) })
    .where(and(eq(reportExports.id, id), eq(reportExports.status, 'running')));
}

export async function markDone(db: Database, id: string, file: { bytes: Uint8Array; fileName: string; contentType: string }): Promise<void> {
  await db
    .update(reportExports)
    .set({ status: 'done', done: EXPORT_STEPS.length, bytes: Buffer.from(file.bytes), fileName: file.fileName, contentType: file.contentType, finishedAt: new Date(), leaseUntil: null })
    .where(and(eq(reportExports.id, id), eq(reportExports.status, 'running')));
}

export async function markFailed(db: Database, id: string, message: string): Promise<void> {
  await db.update(reportExports).set({ status: 'failed', error: message, finishedAt: new Date(), leaseUntil: null }).where(eq(reportExports.id, id));
}

/** How long a job of the format took on average lately (ms), or null when none has finished. */
export async function recentDuration(db: Database, format: ExportFormat): Promise<number | null> {
  const rows = await db
    .select({ startedAt: reportExports.startedAt, finishedAt: reportExports.finishedAt })
    .from(reportExports)
    .where(and(eq(reportExports.format, format), eq(reportExports.status, 'done'), isNotNull(reportExports.startedAt)))
    .orderBy(desc(reportExports.createdAt))
    .limit(10);
  const times = rows.flatMap((r) => (r.startedAt && r.finishedAt ? [r.finishedAt.getTime() - r.startedAt.getTime()] : []));
  return times.length > 0 ? times.reduce((a, b) => a + b, 0) / times.length : null;
}

/** Removes jobs and their files asked for before `before`. */
export async function removeExportsBefore(db: Database, before: Date): Promise<number> {
  const removed = await db.delete(reportExports).where(lt(reportExports.createdAt, before)).returning({ id: reportExports.id });
  return removed.length;
}
