// The page-by-page journey: a draft collects answers one page at a time and
// is submitted as one response. The web app's forms go through these.
import { AnswersSchema, findStep, nextPage, strayStepAnswers, validateAnswers, validateStep, visiblePages, withoutHiddenAnswers, withStepAnswers } from '@safer-voices/survey';
import { eq } from 'drizzle-orm';
import { responses } from '@safer-voices/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { sha256 } from '../store/canonical-json';
import { createDraft, deleteDraft, findDraft, saveDraftAnswers } from '../store/drafts';
import { findPublishedBySlug, findPublishedVersion } from '../store/questionnaires';
import { validate } from '../validation';
import { AccessCodeInputSchema, admit } from '../auth/admission';
import { details, SlugSchema } from './questionnaires';
import { assertOpen, limitBody, storeResponse } from './responses';

const TokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not a draft token') });
const PageParam = TokenParam.extend({ pageId: z.string().min(1).max(63) });
/**
 * One step of the page (packages/survey steps.ts), e.g. `safe_places.park`
 * for one row of a grid: only its answers are replaced and checked.
 */
const PageAnswers = z.strictObject({ answers: AnswersSchema, step: z.string().min(1).max(127).optional() });

/** The idempotency key of a draft's submission: submitting twice stores once. */
const submissionKey = (token: string) => `draft:${token}`;

async function loadDraft(c: { var: Env['Variables'] }, token: string) {
  const draft = await findDraft(c.var.db, token);
  if (!draft) throw new ApiError(404, 'draft_not_found', 'These answers have expired or were already sent. Please start again.');
  const version = await findPublishedVersion(c.var.db, draft.versionId);
  if (!version) throw new ApiError(404, 'version_not_found', 'This questionnaire version is no longer available');
  return { draft, version };
}

export const draftsRoute = new Hono<Env>()
  .post('/', limitBody, validate('json', z.strictObject({ slug: SlugSchema, code: AccessCodeInputSchema.optional() })), async (c) => {
    const { slug, code } = c.req.valid('json');
    const version = await findPublishedBySlug(c.var.db, slug);
    if (!version) throw new ApiError(404, 'questionnaire_not_found', 'There is no published questionnaire at this address');
    assertOpen(version);
    // A code's use is counted here, when the draft starts (see store/access-codes.ts).
    const context = await admit(c.var.db, version, code);
    const token = await createDraft(c.var.db, version.versionId, context);
    const first = visiblePages(version.definition, {})[0];
    return c.json({ token, versionId: version.versionId, firstPageId: first?.id ?? null }, 201);
  })
  .get('/:token', validate('param', TokenParam), async (c) => {
    const { draft, version } = await loadDraft(c, c.req.valid('param').token);
    return c.json({ answers: draft.answers, questionnaire: details(version) });
  })
  .put('/:token/pages/:pageId', limitBody, validate('param', PageParam), validate('json', PageAnswers), async (c) => {
    const { token, pageId } = c.req.valid('param');
    const { draft, version } = await loadDraft(c, token);
    const { definition } = version;
    const page = definition.pages.find((p) => p.id === pageId);
    if (!page) throw new ApiError(404, 'page_not_found', 'This questionnaire has no such page');
    const { answers: given, step: stepKey } = c.req.valid('json');
    if (stepKey !== undefined) {
      const step = findStep(definition, draft.answers, pageId, stepKey);
      if (!step) throw new ApiError(404, 'step_not_found', 'This page has no such step for the answers given so far');
      const stray = strayStepAnswers(step, given);
      if (stray.length > 0) {
        throw new ApiError(
          422,
          'invalid_answers',
          'Some answers are not for this step',
          stray.map((field) => ({ field, message: 'This question is not on this step' }))
        );
      }
      const merged = withStepAnswers(draft.answers, step, given);
      const issues = validateStep(definition, merged, step);
      if (issues.length > 0) throw new ApiError(422, 'invalid_answers', 'Some answers need attention', issues);
      const answers = withoutHiddenAnswers(definition, merged);
      await saveDraftAnswers(c.var.db, token, answers);
      return c.json({ answers, nextPageId: nextPage(definition, answers, pageId)?.id ?? null });
    }
    const stray = Object.keys(given).filter((id) => !page.questions.some((q) => q.id === id));
    if (stray.length > 0) {
      throw new ApiError(
        422,
        'invalid_answers',
        'Some answers are not for this page',
        stray.map((field) => ({ field, message: 'This question is not on this page' }))
      );
    }
    // Replace this page's answers, then drop any that the change now hides.
    const kept = Object.fromEntries(Object.entries(draft.answers).filter(([id]) => !page.questions.some((q) => q.id === id)));
    const answers = withoutHiddenAnswers(definition, { ...kept, ...given });
    const issues = validateAnswers(definition, { ...kept, ...given }, { pageId });
    if (issues.length > 0) throw new ApiError(422, 'invalid_answers', 'Some answers need attention', issues);
    await saveDraftAnswers(c.var.db, token, answers);
    return c.json({ answers, nextPageId: nextPage(definition, answers, pageId)?.id ?? null });
  })
  .post('/:token/submit', validate('param', TokenParam), async (c) => {
    const { token } = c.req.valid('param');
    const draft = await findDraft(c.var.db, token);
    if (!draft) {
      // Sent already (a double click, a retried request): report the stored response.
      const [sent] = await c.var.db
        .select({ id: responses.id, versionId: responses.versionId, submittedAt: responses.submittedAt })
        .from(responses)
        .where(eq(responses.idempotencyKey, sha256(submissionKey(token))))
        .limit(1);
      if (!sent) throw new ApiError(404, 'draft_not_found', 'These answers have expired. Please start again.');
      return c.json({ id: sent.id, versionId: sent.versionId, submittedAt: sent.submittedAt.toISOString(), replayed: true }, 200);
    }
    const { version } = await loadDraft(c, token);
    const stored = await storeResponse(c.var.writer, version, {
      versionId: version.versionId,
      answers: draft.answers,
      context: draft.context,
      idempotencyKey: submissionKey(token)
    });
    await deleteDraft(c.var.db, token);
    // Simultaneous submissions all find the draft; the writer's insert stores
    // one of them and tells each whether it was the one, so exactly one gets 201.
    const body = { id: stored.id, versionId: stored.versionId, submittedAt: stored.submittedAt.toISOString(), replayed: stored.replayed };
    return stored.replayed ? c.json(body, 200) : c.json(body, 201);
  })
  .delete('/:token', validate('param', TokenParam), async (c) => {
    await deleteDraft(c.var.db, c.req.valid('param').token);
    return c.body(null, 204);
  });
