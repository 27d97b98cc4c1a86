// The explorer: theme prevalence, cross-tabs, co-occurrence and quotes for a questionnaire or collection, filtered by closed answers, with disclosure control.
// GET /api/explore/:id answers an ExploreView (see explore/types.ts for the
// query string). Counting runs over an in-memory index of the
// questionnaire's respondents (apps/api/src/explore); every figure passes
// through disclosure control with the organisation's threshold.
import { Hono } from 'hono';
import { z } from 'zod';
import { requirePolicy } from '../policies/guard';
import { reachableQuestionnaire } from '../policies/reachable';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { type Database, organisations } from '@safer-voices/db';
import { MAX_FILTER_PARTS } from '@safer-voices/insights';
import { eq } from 'drizzle-orm';
import type { SignedInStaff } from '../auth/guards';
import { type ExplorableQuestionnaire, explorerFor } from '../explore/cache';
import { dimensionsOf, type ExploreQuery, exploreView, queryIssues, shownThemes } from '../explore/view';
import { exploreWorkbook, workbookFileName, workbookResponse } from '../explore/workbook';
import { currentCodebook } from '../store/codebooks';
import { settingsOf } from '../store/organisation-settings';
import { validate } from '../validation';

const explorers = requirePolicy('findings', 'explore');

const IdParam = z.object({ id: z.string().min(1).max(100) });

/** A repeatable parameter: one value or several. */
const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

const isRealDay = (date: string) => {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
};
const Day = z
  .string({ error: 'Give one date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-01')
  .refine(isRealDay, 'That date does not exist');
const One = (what: string) =>
  z
    .string({ error: `Give one ${what}` })
    .min(1, `Give a ${what}`)
    .max(200, `That ${what} is too long`);

const NAMED = new Set(['version', 'from', 'to', 'question', 'by', 'theme']);

/** Answers to this many questions at most, beside a version, dates and a question: the differencing check's limit. */
const MAX_ANSWER_FILTERS = MAX_FILTER_PARTS - 3;

const ExploreQuerySchema = z
  .object({
    version: many.pipe(z.array(z.string().regex(/^[1-9]\d{0,5}$/, 'Choose a version by its number')).max(100)).optional(),
    from: Day.optional(),
    to: Day.optional(),
    question: One('question').optional(),
    by: One('question to group by').optional(),
    theme: One('theme').optional()
  })
  // f.<key>: the answers to keep for that question (any of them).
  .catchall(many.pipe(z.array(z.string().min(1, 'Choose an answer').max(200, 'That answer is too long')).max(200)))
  .superRefine((query, ctx) => {
    for (const key of Object.keys(query)) {
      if (!NAMED.has(key) && !/^f\../.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `“${key}” is not something the explorer understands` });
    }
    if (query.from && query.to && query.from > query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be the same as or after the start date' });
    const answerFilters = Object.keys(query).filter((key) => key.startsWith('f.'));
    if (answerFilters.length > MAX_ANSWER_FILTERS) {
      ctx.addIssue({ code: 'custom', path: [answerFilters[MAX_ANSWER_FILTERS] as string], message: `Choose answers to at most ${MAX_ANSWER_FILTERS} questions at once` });
    }
  });

function exploreQuery(valid: z.infer<typeof ExploreQuerySchema>): ExploreQuery {
  const filters: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(valid)) {
    if (key.startsWith('f.') && Array.isArray(values)) filters[key.slice(2)] = [...new Set(values as string[])];
  }
  return {
    versions: [...new Set((valid.version ?? []).map(Number))].sort((a, b) => a - b),
    from: valid.from ?? null,
    to: valid.to ?? null,
    question: valid.question ?? null,
    by: valid.by ?? null,
    theme: valid.theme ?? null,
    filters
  };
}

/** The view of a questionnaire the person may reach, under a valid query; a 404 or 400 otherwise. */
async function viewFor(db: Database, staff: SignedInStaff, id: string, valid: z.infer<typeof ExploreQuerySchema>) {
  const questionnaire: ExplorableQuestionnaire = await reachableQuestionnaire(db, staff, id);
  const [settings, codebook, loaded] = await Promise.all([settingsOf(db, questionnaire.organisationId), currentCodebook(db, questionnaire.organisationId), explorerFor(db, questionnaire)]);
  const dimensions = dimensionsOf(loaded);
  const themes = shownThemes(codebook.codebook);
  const query = exploreQuery(valid);
  const issues = queryIssues(loaded, dimensions, themes, query);
  if (issues.length > 0) throw new ApiError(400, 'invalid_request', 'The request query is not valid', issues);
  return { organisationId: questionnaire.organisationId, view: await exploreView(db, loaded, query, { settings, themes, dimensions }) };
}

/** A file name from a title: letters, digits and hyphens. */
export const exploreRoute = new Hono<Env>()
  .get('/:id', explorers, validate('param', IdParam), validate('query', ExploreQuerySchema), async (c) => {
    const { view } = await viewFor(c.var.db, c.var.staff, c.req.valid('param').id, c.req.valid('query'));
    return c.json(view);
  })
  // The same view's figures as an Excel workbook (no quotes), with the same query string.
  .get('/:id/workbook', explorers, validate('param', IdParam), validate('query', ExploreQuerySchema), async (c) => {
    const { db } = c.var;
    const { view, organisationId } = await viewFor(db, c.var.staff, c.req.valid('param').id, c.req.valid('query'));
    const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    return workbookResponse(await exploreWorkbook(view, organisation?.name ?? ''), `${workbookFileName(view.questionnaire.title, 'explorer')}-figures`);
  });
