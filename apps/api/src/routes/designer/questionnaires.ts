// The designer's questionnaires: list, create (blank, from a template, as a
// copy), edit the draft, publish, schedule, close, choose how respondents get
// in, export. Scoped to the signed-in person's organisations: ids from
// anywhere else are answered as if they did not exist.
import { ACCESS_MODES } from '@safer-voices/db';
import {
  applyDraftEdit,
  checkLogic,
  DraftEditSchema,
  exportQuestionnaire,
  incompleteLanguageMessage,
  incompleteLanguages,
  type QuestionnaireDefinition,
  QuestionnaireDefinitionSchema
} from '@safer-voices/survey';
import { parsedTemplate } from '@safer-voices/survey/templates';
import { Hono } from 'hono';
import { z } from 'zod';
import type { StaffEnv } from '../../auth/guards';
import { requirePolicy } from '../../policies/guard';
import { questionnaireNotFound, reachableOrganisation } from '../../policies/reachable';
import { ApiError } from '../../errors';
import { checkRevision, createQuestionnaire, draftOf, listQuestionnaires, missingPrivacyDetails, publishDraft, saveDraft, updateQuestionnaire, workingVersionOf } from '../../store/designer';
import { validate } from '../../validation';
import { DraftDefinitionSchema, DraftTitleSchema, PrivacySchema } from '@safer-voices/survey';
import { detailsOf, IdParam, limitDesignBody, reachableQuestionnaire, sentRevision, shapedDefinition, summaryOf, toIssues } from './shared';

const blank = (title: string): QuestionnaireDefinition =>
  DraftDefinitionSchema.parse({
    title,
    audience: 'youth',
    summary: 'Describe in a sentence who this survey is for and what it asks.',
    intro: ['Say what the survey is about, that it is anonymous, and how long it takes.'],
    minutes: 10,
    pages: [
      {
        id: 'start',
        title: 'Before you start',
        questions: [{ id: 'about', type: 'statement', label: 'About this survey', body: 'Explain who will read the answers and what they will do with them.' }]
      }
    ]
  });

const CreateSchema = z.strictObject({
  from: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('blank'), title: DraftTitleSchema }),
    z.strictObject({ kind: z.literal('template'), slug: z.string().min(1).max(80) }),
    z.strictObject({ kind: z.literal('copy'), questionnaireId: z.string().min(1).max(100) })
  ]),
  /** A hub admin may create for one of its partnerships; one's own organisation by default. */
  organisationId: z.string().min(1).max(100).optional()
});

const PublishSchema = z.strictObject({
  /** Whether it appears in the public list on the home page; left out: as chosen before, or listed only when access is by open link. */
  listed: z.boolean().optional(),
  /** The officer has been told which offered languages are not fully translated, and publishes them anyway. */
  confirmIncompleteLanguages: z.literal(true).optional()
});

const DateOrNull = z.iso.datetime({ offset: true, message: 'Use a date and time like 2026-09-01T09:00:00Z' }).nullable();
const ScheduleSchema = z
  .strictObject({ opensAt: DateOrNull, closesAt: DateOrNull })
  .refine((s) => !s.opensAt || !s.closesAt || new Date(s.closesAt) > new Date(s.opensAt), { path: ['closesAt'], message: 'The closing date must be after the opening date' });

export const designerQuestionnairesRoute = new Hono<StaffEnv>()
  .get('/', requirePolicy('questionnaire', 'view'), validate('query', z.object({ organisationId: z.string().min(1).max(100).optional() })), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const all = await listQuestionnaires(c.var.db, organisationId);
    return c.json({ organisationId, questionnaires: all.map(summaryOf) });
  })
  .post('/', requirePolicy('questionnaire', 'design'), validate('json', CreateSchema), async (c) => {
    const { from } = c.req.valid('json');
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('json').organisationId);
    let definition: QuestionnaireDefinition;
    let privacy = {};
    if (from.kind === 'blank') definition = blank(from.title);
    else if (from.kind === 'template') {
      const template = parsedTemplate(from.slug);
      if (!template) throw new ApiError(422, 'template_not_found', 'There is no such template', [{ field: 'from.slug', message: `There is no template “${from.slug}”` }]);
      definition = template;
    } else {
      const copied = await reachableQuestionnaire(c, from.questionnaireId);
      const source = workingVersionOf(copied);
      if (!source) throw questionnaireNotFound();
      // A copy is usually run by the same people: who is responsible, the contact and how long answers are kept come with it.
      privacy = { responsibleOrganisation: copied.responsibleOrganisation, privacyContact: copied.privacyContact, retention: copied.retention };
      // Checked again: a version stored before the link rule may hold a link that must not be saved anew.
      definition = shapedDefinition(source.definition).definition;
    }
    const id = await createQuestionnaire(c.var.db, c.var.staff, organisationId, definition, { from }, privacy);
    return c.json(detailsOf(await reachableQuestionnaire(c, id)), 201);
  })
  .get('/:id', requirePolicy('questionnaire', 'view'), validate('param', IdParam), async (c) => c.json(detailsOf(await reachableQuestionnaire(c, c.req.valid('param').id))))
  .put('/:id/draft', requirePolicy('questionnaire', 'design'), limitDesignBody, validate('param', IdParam), validate('json', z.strictObject({ definition: z.unknown() })), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    const { definition } = shapedDefinition(c.req.valid('json').definition);
    await saveDraft(c.var.db, q, definition, sentRevision(c));
    return c.json(detailsOf(await reachableQuestionnaire(c, q.id)));
  })
  .post('/:id/draft/edits', requirePolicy('questionnaire', 'design'), limitDesignBody, validate('param', IdParam), validate('json', DraftEditSchema), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    const working = workingVersionOf(q);
    if (!working) throw questionnaireNotFound();
    // Checked before the edit is applied: an edit to a question someone else removed would otherwise be refused as if it were wrong.
    checkRevision(q, sentRevision(c));
    const result = applyDraftEdit(working.definition, c.req.valid('json'));
    if (!result.ok) throw new ApiError(422, 'edit_refused', result.problem.message, toIssues([result.problem]));
    await saveDraft(c.var.db, q, result.definition, sentRevision(c));
    return c.json(detailsOf(await reachableQuestionnaire(c, q.id)));
  })
  .post('/:id/publish', requirePolicy('questionnaire', 'design'), validate('param', IdParam), validate('json', PublishSchema), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    checkRevision(q, sentRevision(c));
    const draft = draftOf(q);
    if (!draft) throw new ApiError(409, 'nothing_to_publish', 'There are no changes to publish: the newest version is already published');
    const missing = missingPrivacyDetails(q);
    if (missing.length > 0) throw new ApiError(422, 'privacy_details_missing', 'Say who is responsible for the answers, whom to contact and how long answers are kept before publishing', [...missing]);
    const problems = checkLogic(draft.definition);
    const full = QuestionnaireDefinitionSchema.safeParse(draft.definition);
    if (problems.length > 0 || !full.success) {
      const issues = problems.length > 0 ? toIssues(problems) : (full.error?.issues ?? []).map((i) => ({ field: i.path.join('.'), message: i.message }));
      throw new ApiError(422, 'not_ready_to_publish', 'Fix these problems before publishing', issues);
    }
    const { listed, confirmIncompleteLanguages } = c.req.valid('json');
    // A language offered half translated shows respondents English mid-sentence: only when the officer says so.
    const incomplete = incompleteLanguages(draft.definition);
    if (incomplete.length > 0 && !confirmIncompleteLanguages) {
      const issues = incomplete.map((l) => ({ field: `translations.${l.lang}`, message: incompleteLanguageMessage(draft.definition, l) }));
      throw new ApiError(422, 'translations_incomplete', 'Some languages respondents can choose are not fully translated: finish them, or confirm you want to publish them as they are', issues);
    }
    if (listed !== undefined && listed !== q.listed) await updateQuestionnaire(c.var.db, c.var.staff, q, { listed }, 'questionnaire.listing_changed');
    await publishDraft(c.var.db, c.var.staff, q, draft.id, draft.version);
    return c.json(detailsOf(await reachableQuestionnaire(c, q.id)));
  })
  .put('/:id/privacy', requirePolicy('questionnaire', 'design'), validate('param', IdParam), validate('json', PrivacySchema), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    await updateQuestionnaire(c.var.db, c.var.staff, q, c.req.valid('json'), 'questionnaire.privacy_changed', sentRevision(c));
    return c.json(detailsOf(await reachableQuestionnaire(c, q.id)));
  })
  .put('/:id/listing', requirePolicy('questionnaire', 'design'), validate('param', IdParam), validate('json', z.strictObject({ listed: z.boolean() })), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    await updateQuestionnaire(c.var.db, c.var.staff, q, { listed: c.req.valid('json').listed }, 'questionnaire.listing_changed', sentRevision(c));
    return c.json(detailsOf(await reachableQuestionnaire(c, q.id)));
  })
  .put('/:id/schedule', requirePolicy('questionnaire', 'design'), validate('param', IdParam), validate('json', ScheduleSchema), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    const { opensAt, closesAt } = c.req.valid('json');
    await updateQuestionnaire(c.var.db, c.var.staff, q, { opensAt: opensAt ? new Date(opensAt) : null, closesAt: closesAt ? new Date(closesAt) : null }, 'questionnaire.scheduled', sentRevision(c));
    return c.json(detailsOf(await reachableQuestionnaire(c, q.id)));
  })
  .post('/:id/close', requirePolicy('questionnaire', 'design'), validate('param', IdParam), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    checkRevision(q, sentRevision(c));
    const now = new Date();
    if (!q.closesAt || q.closesAt > now) await updateQuestionnaire(c.var.db, c.var.staff, q, { closesAt: now }, 'questionnaire.closed');
    return c.json(detailsOf(await reachableQuestionnaire(c, q.id)));
  })
  .put('/:id/access', requirePolicy('questionnaire', 'design'), validate('param', IdParam), validate('json', z.strictObject({ mode: z.enum(ACCESS_MODES) })), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    await updateQuestionnaire(c.var.db, c.var.staff, q, { accessMode: c.req.valid('json').mode }, 'questionnaire.access_changed', sentRevision(c));
    return c.json(detailsOf(await reachableQuestionnaire(c, q.id)));
  })
  .get('/:id/export', requirePolicy('questionnaire', 'view'), validate('param', IdParam), validate('query', z.object({ version: z.coerce.number().int().positive().optional() })), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    const wanted = c.req.valid('query').version;
    const version = wanted ? q.versions.find((v) => v.version === wanted) : workingVersionOf(q);
    if (!version) throw new ApiError(404, 'version_not_found', 'This questionnaire has no such version');
    c.header('content-disposition', `attachment; filename="${q.slug}-v${version.version}.json"`);
    return c.json(exportQuestionnaire(version.definition));
  });
