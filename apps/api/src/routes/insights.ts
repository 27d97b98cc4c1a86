// Insights for analysts and the people who run surveys: theme prevalence of a
// questionnaire's free-text answers. Another organisation's questionnaire is
// answered as if it did not exist (404).
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/guards';
import { canReach } from '../auth/scope';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { questionnaireForInsights } from '../store/insights-themes';
import { validate } from '../validation';
import { themesView } from './insights-themes';

/** Small-number threshold until organisations can set their own (ONS "10 threshold"). */
export const DEFAULT_THRESHOLD = 10;

const insightRoles = requireRole('analyst', 'officer', 'author', 'admin');
const IdParam = z.object({ id: z.string().min(1).max(100) });
const ThemesQuery = z.object({ question: z.string().min(1).max(100).optional() });

export const insightsRoute = new Hono<Env>().get('/questionnaires/:id/themes', insightRoles, validate('param', IdParam), validate('query', ThemesQuery), async (c) => {
  const who = c.var.staff;
  const questionnaire = await questionnaireForInsights(c.var.db, c.req.valid('param').id);
  if (!questionnaire || !(await canReach(c.var.db, who, questionnaire.organisationId))) {
    throw new ApiError(404, 'questionnaire_not_found', 'There is no such questionnaire');
  }
  const { question = null } = c.req.valid('query');
  if (question !== null && !questionnaire.questions.some((q) => q.id === question)) {
    throw new ApiError(400, 'invalid_request', 'That is not a free-text question of this questionnaire', [{ field: 'question', message: 'Choose a free-text question' }]);
  }
  return c.json(await themesView(c.var.db, questionnaire, question, DEFAULT_THRESHOLD));
});
