// The review queue (uncertain answers first), analysts' decisions, retraining
// the organisation's model, and double-coding rounds with agreement. For
// analysts and admins: a safeguarding lead reads flagged answers in their own
// queue, not every answer. Another organisation's questionnaire or answer is
// answered as if it did not exist (404).
import { reviewDecisions } from '@safer-voices/db';
import { activeThemes, codebookVersion } from '@safer-voices/themes';
import { Hono } from 'hono';
import { z } from 'zod';
import { auditStatement } from '../auth/audit';
import { requirePolicy } from '../policies/guard';
import { canReach } from '../auth/scope';
import { analystCoding } from '../coding/analyst-codes';
import { storeCodingStatements } from '../coding/coding-statements';
import { MIN_EXAMPLES, RETRAIN_EVERY, requestRetrain } from '../coding/retrain-job';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { currentCodebook } from '../store/codebooks';
import { questionnaireForInsights } from '../store/insights-themes';
import { modelState } from '../store/review-model';
import { findCodedAnswer, storedCodesOf } from '../store/review-queue';
import { reviewQueueView } from '../store/review-view';
import { validate } from '../validation';
import { doubleCodingRoute } from './double-coding';

export const reviewers = requirePolicy('answer', 'review');
const IdSchema = z.string().min(1).max(100);

const PositionTuple = z.tuple([z.union([z.literal(0), z.literal(1)]), z.number().min(0).max(1), IdSchema, IdSchema]);
/** A queue position as handed out in `items[].position`. */
const PositionSchema = z
  .string()
  .max(500)
  .transform((value, ctx) => {
    try {
      const [needsReview, certainty, responseId, questionId] = PositionTuple.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
      return { needsReview: needsReview === 1, certainty, responseId, questionId };
    } catch {
      ctx.addIssue({ code: 'custom', message: 'This is not a place in the review queue' });
      return z.NEVER;
    }
  });

const QueueQuery = z.object({ after: PositionSchema.optional(), limit: z.coerce.number().int().min(1).max(20).default(1) });
const DecisionSchema = z.strictObject({ responseId: IdSchema, questionId: IdSchema, themes: z.array(IdSchema).max(100) });
const OrganisationQuery = z.object({ organisationId: IdSchema.optional() });

const notFound = () => new ApiError(404, 'questionnaire_not_found', 'There is no such questionnaire');

export const reviewRoute = new Hono<Env>()
  .get('/questionnaires/:id', reviewers, validate('param', z.object({ id: IdSchema })), validate('query', QueueQuery), async (c) => {
    const questionnaire = await questionnaireForInsights(c.var.db, c.req.valid('param').id);
    if (!questionnaire || !(await canReach(c.var.db, c.var.staff, questionnaire.organisationId))) throw notFound();
    const { after, limit } = c.req.valid('query');
    return c.json(await reviewQueueView(c.var.db, questionnaire, after ?? null, limit));
  })
  .post('/decisions', reviewers, validate('json', DecisionSchema), async (c) => {
    const { db } = c.var;
    const who = c.var.staff;
    const body = c.req.valid('json');
    const answer = await findCodedAnswer(db, body.responseId, body.questionId);
    if (!answer || !(await canReach(db, who, answer.organisationId))) throw new ApiError(404, 'answer_not_found', 'There is no such answer');
    const { codebook } = await currentCodebook(db, answer.organisationId);
    const active = new Set(activeThemes(codebook).map((t) => t.id));
    const issues = body.themes.flatMap((id, i) => (active.has(id) ? [] : [{ field: `themes.${i}`, message: `“${id}” is not one of your organisation's themes` }]));
    if (issues.length > 0) throw new ApiError(400, 'invalid_request', "Choose themes from your organisation's codebook", issues);

    const themes = [...new Set(body.themes)];
    const suggested = await storedCodesOf(db, [answer]);
    const coding = analystCoding(themes, codebookVersion(codebook), { themes: suggested.map((s) => ({ id: s.themeId, evidence: s.evidence })) });
    const reviewedAt = new Date();
    const decision = { responseId: answer.responseId, questionId: answer.questionId, organisationId: answer.organisationId, themes, reviewedBy: who.id, reviewedAt };
    // The decision, the answer's codes (so figures count it at once) and the audit entry commit together.
    await db.batch([
      db
        .insert(reviewDecisions)
        .values(decision)
        .onConflictDoUpdate({ target: [reviewDecisions.responseId, reviewDecisions.questionId], set: { themes, reviewedBy: who.id, reviewedAt } }),
      ...storeCodingStatements(db, [{ ...answer, questionLabel: '', coding }], reviewedAt),
      auditStatement(db, {
        organisationId: answer.organisationId,
        actorStaffId: who.id,
        action: 'review.decided',
        target: { type: 'questionnaire', id: answer.questionnaireId },
        detail: { responseId: answer.responseId, questionId: answer.questionId, themes, suggested: suggested.filter((s) => s.decision === 'yes').map((s) => s.themeId) }
      })
    ]);

    // Every RETRAIN_EVERY new decisions, the model is retrained in the background.
    const state = await modelState(db, answer.organisationId);
    const busy = state.status.retraining?.status === 'queued' || state.status.retraining?.status === 'running';
    let retrainingQueued = false;
    if (state.decisionsSinceRequest >= RETRAIN_EVERY && !busy) {
      const { job, created } = await requestRetrain(db, { organisationId: answer.organisationId, createdBy: who.id, decisions: state.status.decisions });
      retrainingQueued = created;
      if (created) {
        await auditStatement(db, { organisationId: answer.organisationId, actorStaffId: who.id, action: 'review.retrain_requested', target: { type: 'job', id: job.id }, detail: { automatic: true } });
      }
    }
    return c.json({ decision: { responseId: answer.responseId, questionId: answer.questionId, themes, reviewedAt: reviewedAt.toISOString() }, retrainingQueued });
  })
  .get('/model', reviewers, validate('query', OrganisationQuery), async (c) => {
    const organisationId = c.req.valid('query').organisationId ?? c.var.staff.organisationId;
    if (!(await canReach(c.var.db, c.var.staff, organisationId))) throw new ApiError(404, 'organisation_not_found', 'There is no such organisation');
    return c.json({ model: (await modelState(c.var.db, organisationId)).status });
  })
  .post('/retrain', reviewers, validate('json', z.strictObject({ organisationId: IdSchema.optional() })), async (c) => {
    const { db } = c.var;
    const who = c.var.staff;
    const organisationId = c.req.valid('json').organisationId ?? who.organisationId;
    if (!(await canReach(db, who, organisationId))) throw new ApiError(404, 'organisation_not_found', 'There is no such organisation');
    const { status } = await modelState(db, organisationId);
    if (status.decisions < MIN_EXAMPLES) {
      throw new ApiError(409, 'too_few_decisions', `Retraining needs at least ${MIN_EXAMPLES} review decisions; there ${status.decisions === 1 ? 'is 1' : `are ${status.decisions}`} so far.`);
    }
    const { job, created } = await requestRetrain(db, { organisationId, createdBy: who.id, decisions: status.decisions });
    if (created) await auditStatement(db, { organisationId, actorStaffId: who.id, action: 'review.retrain_requested', target: { type: 'job', id: job.id }, detail: { automatic: false } });
    return c.json({ model: (await modelState(db, organisationId)).status }, created ? 202 : 200);
  })
  .route('/double-coding', doubleCodingRoute);
