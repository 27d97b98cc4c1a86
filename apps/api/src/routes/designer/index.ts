// /api/designer: what officers use to build, publish and hand out
// questionnaires. Changes need the officer or admin role; every member of
// staff may read the organisation's questionnaires, templates and the bank.
import { importQuestionnaire, settingsWorded, standardItems } from '@safer-voices/survey';
import { parsedTemplates } from '@safer-voices/survey/templates';
import { Hono } from 'hono';
import { z } from 'zod';
import type { StaffEnv } from '../../auth/guards';
import { requirePolicy } from '../../policies/guard';
import { reachableOrganisation } from '../../policies/reachable';
import { ApiError } from '../../errors';
import { createQuestionnaire } from '../../store/designer';
import { storableJsonBody, validate } from '../../validation';
import { designerCodesRoute } from './codes';
import { designerQuestionnairesRoute } from './questionnaires';
import { detailsOf, limitDesignBody, reachableQuestionnaire, toIssues } from './shared';

export const designerRoute = new Hono<StaffEnv>()
  .get('/standard-items', requirePolicy('questionnaire', 'view'), (c) => c.json({ items: standardItems }))
  .get('/templates', requirePolicy('questionnaire', 'view'), (c) =>
    c.json({
      templates: parsedTemplates().map(({ slug, definition: d }) => ({
        slug,
        title: d.title,
        summary: d.summary,
        audience: d.audience,
        ageBand: d.ageBand ?? null,
        minutes: d.minutes,
        questions: d.pages.reduce((n, p) => n + p.questions.length, 0)
      }))
    })
  )
  .post('/import', requirePolicy('questionnaire', 'design'), limitDesignBody, validate('query', z.object({ organisationId: z.string().min(1).max(100).optional() })), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const file = await storableJsonBody(c, 'The file');
    const result = importQuestionnaire(file);
    const questionnaire = typeof file === 'object' && file !== null && 'questionnaire' in file ? file.questionnaire : undefined;
    if (!result.ok)
      throw new ApiError(
        422,
        'invalid_questionnaire_file',
        `The file has ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing was imported`,
        toIssues(settingsWorded(result.problems, questionnaire, 'questionnaire'))
      );
    const id = await createQuestionnaire(c.var.db, c.var.staff, organisationId, result.definition, { from: { kind: 'import' } });
    return c.json(detailsOf(await reachableQuestionnaire(c, id)), 201);
  })
  .route('/questionnaires', designerQuestionnairesRoute)
  .route('/questionnaires', designerCodesRoute);
