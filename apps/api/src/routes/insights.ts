// Insights for analysts and the people who run surveys: theme prevalence of a
// questionnaire's free-text answers, with the organisation's suppression
// threshold and redaction terms. Another organisation's questionnaire is
// answered as if it did not exist (404).
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/guards';
import { canReach } from '../auth/scope';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { currentCodebook } from '../store/codebooks';
import { questionnaireForInsights } from '../store/insights-themes';
import { settingsOf } from '../store/organisation-settings';
import { validate } from '../validation';
import { themesView } from './insights-themes';

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
  // The organisation's own threshold (never below 10), redaction terms and theme labels.
  const [settings, { codebook }] = await Promise.all([settingsOf(c.var.db, questionnaire.organisationId), currentCodebook(c.var.db, questionnaire.organisationId)]);
  return c.json(await themesView(c.var.db, questionnaire, question, { threshold: settings.suppressionThreshold, redactionTerms: settings.redactionTerms, codebook }));
});
