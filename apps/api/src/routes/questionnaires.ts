import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors';
import type { Env } from '../env';
import { availability, findPublishedBySlug, listPublished, type PublishedVersion } from '../store/questionnaires';
import { validate } from '../validation';

export const SlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'Not a questionnaire address');

const summary = (v: PublishedVersion) => ({
  slug: v.slug,
  title: v.definition.title,
  summary: v.definition.summary,
  audience: v.definition.audience,
  ageBand: v.definition.ageBand ?? null,
  minutes: v.definition.minutes,
  availability: availability(v),
  /** `codes`: the start page asks for an access code. */
  access: v.accessMode,
  closesAt: v.closesAt?.toISOString() ?? null
});

export const details = (v: PublishedVersion) => ({
  ...summary(v),
  questionnaireId: v.questionnaireId,
  versionId: v.versionId,
  version: v.version,
  opensAt: v.opensAt?.toISOString() ?? null,
  definition: v.definition
});

export const questionnairesRoute = new Hono<Env>()
  .get('/', async (c) => {
    const all = await listPublished(c.var.db);
    return c.json({ questionnaires: all.filter((v) => availability(v) === 'open').map(summary) });
  })
  .get('/:slug', validate('param', z.object({ slug: SlugSchema })), async (c) => {
    const found = await findPublishedBySlug(c.var.db, c.req.valid('param').slug);
    if (!found) throw new ApiError(404, 'questionnaire_not_found', 'There is no published questionnaire at this address');
    return c.json(details(found));
  });

export type QuestionnaireSummary = ReturnType<typeof summary>;
export type QuestionnaireDetails = ReturnType<typeof details>;
