// A report as a Word file, PDF or web page, made in the background
// (reports/exports.ts): start a job (202 with its id), ask how far it has
// got, and download the file once it is done. Anyone who may see a report
// may have it as a file; jobs of reports in organisations out of reach are
// answered as if they did not exist.
import { ReportExportSchema } from '@safer-voices/survey';
import { Hono } from 'hono';
import { z } from 'zod';
import type { StaffEnv } from '../auth/guards';
import { ApiError } from '../errors';
import { requirePolicy } from '../policies/guard';
import { reachable } from '../policies/reachable';
import { progressOf, recoverIfLeft, startExport } from '../reports/exports';
import { exportFile, findExport, listExports } from '../reports/exports-store';
import { findReport, latestVersion, reportNotFound, versionAt } from '../reports/store';
import { validate } from '../validation';

const IdParam = z.object({ id: z.string().min(1).max(100) });
const JobParam = z.object({ id: z.string().min(1).max(100), jobId: z.string().min(1).max(100) });
const exportNotFound = () => new ApiError(404, 'export_not_found', 'There is no such file being prepared; files are kept for 7 days');

export const reportExportsRoute = new Hono<StaffEnv>()
  .post('/:id/exports', requirePolicy('report', 'view'), validate('param', IdParam), validate('json', ReportExportSchema), async (c) => {
    const { db, staff } = c.var;
    const report = await reachable(db, staff, await findReport(db, c.req.valid('param').id), reportNotFound);
    const { format, version: wanted } = c.req.valid('json');
    const stored = wanted === undefined ? await latestVersion(db, report.id) : await versionAt(db, report.id, wanted);
    if (!stored) throw new ApiError(404, 'version_not_found', `This report has no version ${wanted}`, [{ field: 'version', message: `This report has no version ${wanted}` }]);
    const id = await startExport(db, { organisationId: report.organisationId, reportId: report.id, version: stored.version, format, staffId: staff.id });
    const job = await findExport(db, id);
    if (!job) throw exportNotFound();
    return c.json({ export: await progressOf(db, job) }, 202);
  })
  // The report's newest files, being made or ready (kept for 7 days), so an author can come back to them.
  .get('/:id/exports', requirePolicy('report', 'view'), validate('param', IdParam), async (c) => {
    const { db, staff } = c.var;
    const report = await reachable(db, staff, await findReport(db, c.req.valid('param').id), reportNotFound);
    const jobs = await listExports(db, report.id);
    for (const job of jobs) recoverIfLeft(db, job);
    return c.json({ exports: await Promise.all(jobs.map((job) => progressOf(db, job))) });
  })
  .get('/:id/exports/:jobId', requirePolicy('report', 'view'), validate('param', JobParam), async (c) => {
    const { db, staff } = c.var;
    const { id, jobId } = c.req.valid('param');
    const job = await reachable(db, staff, await findExport(db, jobId), exportNotFound);
    if (job.reportId !== id) throw exportNotFound();
    recoverIfLeft(db, job);
    return c.json({ export: await progressOf(db, job) });
  })
  .get('/:id/exports/:jobId/file', requirePolicy('report', 'view'), validate('param', JobParam), async (c) => {
    const { db, staff } = c.var;
    const { id, jobId } = c.req.valid('param');
    const job = await reachable(db, staff, await findExport(db, jobId), exportNotFound);
    if (job.reportId !== id) throw exportNotFound();
    const file = await exportFile(db, job.id);
    if (!file) throw new ApiError(409, 'export_not_ready', job.status === 'failed' ? 'This file could not be made; prepare it again' : 'This file is not ready yet');
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'content-length': String(file.bytes.byteLength),
      'cache-control': 'private, no-store'
    });
  });
