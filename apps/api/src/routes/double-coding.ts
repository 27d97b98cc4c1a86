// Double coding: rounds of a random sample of coded answers that analysts
// code blind, then compare with Cohen's kappa. The rules (who may code,
// what stays hidden, when labels are final) are in
// coding/double-coding-rounds.ts; this file checks input and reach.
import type { Database } from '@safer-voices/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SignedInStaff } from '../auth/guards';
import { reachableOrganisationIds } from '../auth/scope';
import { codingView, createRound, MAX_SAMPLE, MIN_SAMPLE, recordLabel, roundResults, roundSummary } from '../coding/double-coding-rounds';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { requirePolicy } from '../policies/guard';
import { questionnaireNotFound, reachable } from '../policies/reachable';
import { findRound, questionnairesWithCodedAnswers, type Round, roundsOf } from '../store/double-coding';
import { analysedQuestionnaire } from '../store/analysed-questionnaire';
import { validate } from '../validation';

const coders = requirePolicy('answer', 'review');
const IdSchema = z.string().min(1).max(100);
const IdParam = z.object({ id: IdSchema });
const NewRoundSchema = z.strictObject({
  questionnaireId: IdSchema,
  name: z.string().trim().min(1, 'Enter a name for the round').max(120, 'The name must be 120 characters or fewer'),
  sampleSize: z.number().int('Enter a whole number').min(MIN_SAMPLE, `Sample at least ${MIN_SAMPLE} answers`).max(MAX_SAMPLE, `Sample at most ${MAX_SAMPLE} answers`)
});
const LabelSchema = z.strictObject({ responseId: IdSchema, questionId: IdSchema, themes: z.array(IdSchema).max(100) });

const roundNotFound = () => new ApiError(404, 'round_not_found', 'There is no such double-coding round');
const reachableRound = async (db: Database, who: SignedInStaff, id: string): Promise<Round> => reachable(db, who, await findRound(db, id), roundNotFound);

export const doubleCodingRoute = new Hono<Env>()
  .get('/rounds', coders, async (c) => {
    const { db } = c.var;
    const who = c.var.staff;
    const organisationIds = await reachableOrganisationIds(db, who);
    const [rounds, questionnaires] = await Promise.all([roundsOf(db, organisationIds), questionnairesWithCodedAnswers(db, organisationIds)]);
    const titles = new Map(questionnaires.map((q) => [q.id, q.title]));
    return c.json({
      rounds: await Promise.all(rounds.map((r) => roundSummary(db, r, who.id, titles.get(r.questionnaireId)))),
      questionnaires,
      minSample: MIN_SAMPLE,
      maxSample: MAX_SAMPLE
    });
  })
  .post('/rounds', coders, validate('json', NewRoundSchema), async (c) => {
    const { db } = c.var;
    const who = c.var.staff;
    const body = c.req.valid('json');
    const questionnaire = await reachable(db, who, await analysedQuestionnaire(db, body.questionnaireId), questionnaireNotFound);
    const round = await createRound(db, questionnaire, { name: body.name, sampleSize: body.sampleSize, createdBy: who.id });
    return c.json({ round: await roundSummary(db, round, who.id, questionnaire.title) }, 201);
  })
  .get('/rounds/:id', coders, validate('param', IdParam), async (c) => {
    const round = await reachableRound(c.var.db, c.var.staff, c.req.valid('param').id);
    return c.json(await codingView(c.var.db, round, c.var.staff.id));
  })
  .put('/rounds/:id/labels', coders, validate('param', IdParam), validate('json', LabelSchema), async (c) => {
    const round = await reachableRound(c.var.db, c.var.staff, c.req.valid('param').id);
    return c.json({ round: await recordLabel(c.var.db, round, c.var.staff.id, c.req.valid('json')) });
  })
  .get('/rounds/:id/results', coders, validate('param', IdParam), async (c) => {
    const round = await reachableRound(c.var.db, c.var.staff, c.req.valid('param').id);
    return c.json(await roundResults(c.var.db, round, c.var.staff.id));
  });
