// The review queue (uncertain answers first), analysts' decisions, retraining
// the organisation's model, and double-coding rounds with agreement. For
// analysts and admins: a safeguarding lead reads flagged answers in their own
// queue, not every answer. Another organisation's questionnaire or answer is
// answered as if it did not exist (404).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { requirePolicy } from '../policies/guard';
import { questionnaireNotFound, reachable, reachableOrganisation } from '../policies/reachable';
import { analysedQuestionnaire } from '../store/analysed-questionnaire';
import { recordDecision, retrainOnRequest } from '../store/review-decisions';
import { modelState } from '../store/review-model';
import { findCodedAnswer } from '../store/review-queue';
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

const answerNotFound = () => new ApiError(404, 'answer_not_found', 'There is no such answer');

export const reviewRoute = new Hono<Env>()
  .get('/questionnaires/:id', reviewers, validate('param', z.object({ id: IdSchema })), validate('query', QueueQuery), async (c) => {
    const questionnaire = await reachable(c.var.db, c.var.staff, await analysedQuestionnaire(c.var.db, c.req.valid('param').id), questionnaireNotFound);
    const { after, limit } = c.req.valid('query');
    return c.json(await reviewQueueView(c.var.db, questionnaire, after ?? null, limit));
  })
  .post('/decisions', reviewers, validate('json', DecisionSchema), async (c) => {
    const { db } = c.var;
    const body = c.req.valid('json');
    const answer = await reachable(db, c.var.staff, await findCodedAnswer(db, body.responseId, body.questionId), answerNotFound);
    // Recording it may queue a retraining of the organisation's model (store/review-decisions.ts).
    return c.json(await recordDecision(db, answer, body.themes, c.var.staff.id));
  })
  .get('/model', reviewers, validate('query', OrganisationQuery), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json({ model: (await modelState(c.var.db, organisationId)).status });
  })
  .post('/retrain', reviewers, validate('json', z.strictObject({ organisationId: IdSchema.optional() })), async (c) => {
    const { db } = c.var;
    const organisationId = await reachableOrganisation(db, c.var.staff, c.req.valid('json').organisationId);
    const created = await retrainOnRequest(db, organisationId, c.var.staff.id);
    return c.json({ model: (await modelState(db, organisationId)).status }, created ? 202 : 200);
  })
  .route('/double-coding', doubleCodingRoute);
