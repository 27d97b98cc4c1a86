import { type Database, organisations, questionnaires } from '@safer-voices/db';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors';
import type { Env } from '../env';
import { listedOnHomePage } from '../store/designer';
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

/** Told on the start page and the questionnaire's privacy notice; null for one published before they were asked for. */
const responsibleOf = (v: PublishedVersion) =>
  v.responsibleOrganisation && v.privacyContact && v.retention ? { organisation: v.responsibleOrganisation, contact: v.privacyContact, retention: v.retention } : null;

export const details = (v: PublishedVersion) => ({
  ...summary(v),
  responsible: responsibleOf(v),
  questionnaireId: v.questionnaireId,
  versionId: v.versionId,
  version: v.version,
  opensAt: v.opensAt?.toISOString() ?? null,
  definition: v.definition
});

/**
 * The organisation that runs a questionnaire, by its public address and name:
 * the confirmation page links to its "You said, we did" list
 * (/organisations/<slug>/you-said-we-did) when the questionnaire names it.
 */
async function organisationOf(db: Database, questionnaireId: string): Promise<{ slug: string; name: string } | null> {
  const [found] = await db
    .select({ slug: organisations.slug, name: organisations.name })
    .from(questionnaires)
    .innerJoin(organisations, eq(organisations.id, questionnaires.organisationId))
    .where(eq(questionnaires.id, questionnaireId))
    .limit(1);
  return found ?? null;
}

export const questionnairesRoute = new Hono<Env>()
  .get('/', async (c) => {
    const all = await listPublished(c.var.db);
    // Only those the officer chose to list (by default, those with an open link): a survey for one class stays off the home page.
    return c.json({ questionnaires: all.filter((v) => availability(v) === 'open' && listedOnHomePage(v)).map(summary) });
  })
  .get('/:slug', validate('param', z.object({ slug: SlugSchema })), async (c) => {
    const found = await findPublishedBySlug(c.var.db, c.req.valid('param').slug);
    if (!found) throw new ApiError(404, 'questionnaire_not_found', 'There is no published questionnaire at this address');
    return c.json({ ...details(found), organisation: await organisationOf(c.var.db, found.questionnaireId) });
  });

export type QuestionnaireSummary = ReturnType<typeof summary>;
/** A published questionnaire; read by its address, it also names the organisation that runs it (a draft's copy does not). */
export type QuestionnaireDetails = ReturnType<typeof details> & { organisation?: { slug: string; name: string } | null };
