// Re-coding a questionnaire's free-text answers with the current coder. The
// job runs in the background coder (coding/background-coder.ts); these
// endpoints start it and report its progress.
import { type Database, jobs } from '@safer-voices/db';
import { shownCount } from '@safer-voices/insights';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { requirePolicy } from '../policies/guard';
import { reachable, reachableQuestionnaire } from '../policies/reachable';
import { auditStatement } from '../auth/audit';
import { createRecodeJob, jobProgress, RECODE_JOB } from '../coding/recode-job';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { settingsOf } from '../store/organisation-settings';
import { validate } from '../validation';

const IdSchema = z.string().min(1).max(100);

type Job = typeof jobs.$inferSelect;

/**
 * A re-coding job counts a questionnaire's responses, so its counts are shown
 * like every other count of them: from the organisation's threshold up. A
 * smaller job shows no counts, nor a percentage, which would give them away.
 */
async function progressAsShown(db: Database, job: Job) {
  const progress = jobProgress(job);
  const shown = job.kind === RECODE_JOB ? shownCount(job.total, (await settingsOf(db, job.organisationId)).suppressionThreshold) : null;
  if (shown && 'fewerThan' in shown) return { ...progress, done: null, total: null, fewerThan: shown.fewerThan };
  return { ...progress, fewerThan: null };
}
const codingRoles = requirePolicy('answer', 'code');
const jobNotFound = () => new ApiError(404, 'job_not_found', 'There is no such job');

export const codingRoute = new Hono<Env>()
  .post('/jobs', codingRoles, validate('json', z.strictObject({ questionnaireId: IdSchema })), async (c) => {
    const who = c.var.staff;
    const { questionnaireId } = c.req.valid('json');
    const questionnaire = await reachableQuestionnaire(c.var.db, who, questionnaireId);
    const job = await createRecodeJob(c.var.db, { organisationId: questionnaire.organisationId, questionnaireId, createdBy: who.id });
    await auditStatement(c.var.db, { organisationId: job.organisationId, actorStaffId: who.id, action: 'coding.recode_started', target: { type: 'job', id: job.id }, detail: { questionnaireId } });
    return c.json({ job: await progressAsShown(c.var.db, job) }, 201);
  })
  .get('/jobs/:id', codingRoles, validate('param', z.object({ id: IdSchema })), async (c) => {
    const who = c.var.staff;
    const [found] = await c.var.db
      .select()
      .from(jobs)
      .where(eq(jobs.id, c.req.valid('param').id));
    const job = await reachable(c.var.db, who, found, jobNotFound);
    return c.json({ job: await progressAsShown(c.var.db, job) });
  });
