// The explorer: theme prevalence, cross-tabs, co-occurrence and quotes for a questionnaire or collection, filtered by closed answers, with disclosure control.
// GET /api/explore/:id answers an ExploreView (see explore-types.ts for the
// query string). Counting runs over an in-memory index of the
// questionnaire's respondents (apps/api/src/explore); every figure passes
// through disclosure control with the organisation's threshold.
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/guards';
import { canReach } from '../auth/scope';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { type ExplorableQuestionnaire, explorerFor } from '../explore/cache';
import { dimensionsOf, type ExploreQuery, exploreView, queryIssues, shownThemes } from '../explore/view';
import { currentCodebook } from '../store/codebooks';
import { settingsOf } from '../store/organisation-settings';
import { validate } from '../validation';

const explorers = requireRole('analyst', 'officer', 'author', 'admin');

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
const One = (what: string) => z.string({ error: `Give one ${what}` }).min(1, `Give a ${what}`).max(200, `That ${what} is too long`);

const NAMED = new Set(['version', 'from', 'to', 'question', 'by', 'theme']);

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

export const exploreRoute = new Hono<Env>().get('/:id', explorers, validate('param', IdParam), validate('query', ExploreQuerySchema), async (c) => {
  const { db } = c.var;
  const found = await db.$client.execute({ sql: 'SELECT id, organisation_id, kind FROM questionnaires WHERE id = ?', args: [c.req.valid('param').id] });
  const row = found.rows[0];
  const questionnaire: ExplorableQuestionnaire | null = row
    ? { id: String(row.id), organisationId: String(row.organisation_id), kind: row.kind === 'collection' ? 'collection' : 'survey' }
    : null;
  if (!questionnaire || !(await canReach(db, c.var.staff, questionnaire.organisationId))) {
    throw new ApiError(404, 'questionnaire_not_found', 'There is no such questionnaire');
  }
  const [settings, codebook, loaded] = await Promise.all([
    settingsOf(db, questionnaire.organisationId),
    currentCodebook(db, questionnaire.organisationId),
    explorerFor(db, questionnaire)
  ]);
  const dimensions = dimensionsOf(loaded);
  const themes = shownThemes(codebook.codebook);
  const query = exploreQuery(c.req.valid('query'));
  const issues = queryIssues(loaded, dimensions, themes, query);
  if (issues.length > 0) throw new ApiError(400, 'invalid_request', 'The request query is not valid', issues);
  return c.json(await exploreView(db, loaded, query, { settings, themes, dimensions }));
});
