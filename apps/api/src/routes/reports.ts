// Consultation reports: authors compose a report from sections, save it (each
// save a new version, refused with 409 when someone saved since), preview it
// resolved from today's figures, and publish it, which freezes the resolved
// report. Safeguarding leads clear flagged answers for quoting. The public
// side (published reports, "You said, we did") is routes/public-reports.ts.
import { ReportCreateSchema, ReportPublishSchema, ReportSaveSchema, QuoteClearanceSchema } from '@safer-voices/survey';
import { Hono } from 'hono';
import { z } from 'zod';
import type { StaffEnv } from '../auth/guards';
import { reachableOrganisationIds } from '../auth/scope';
import { ApiError } from '../errors';
import { requirePolicy } from '../policies/guard';
import { reachable, reachableOrganisation } from '../policies/reachable';
import { reportAuditStatement } from '../reports/audit';
import { refuseDefinitionProblems } from '../reports/check';
import { clearQuote, listClearances } from '../reports/clearances';
import { resolveContext } from '../reports/context';
import { MAX_QUOTE_CHOICES_PER_QUESTIONNAIRE, quoteChoices } from '../reports/quote-choices';
import { resolveReport, resolveWith } from '../reports/resolve';
import {
  createReport,
  earlierReport,
  findReport,
  latestPublished,
  latestVersion,
  listReports,
  noSuchVersion,
  publishVersion,
  reportIdFor,
  reportNotFound,
  type StoredVersion,
  saveVersion,
  slugFrom,
  versionAt
} from '../reports/store';
import { validate } from '../validation';
import { IdParam } from './designer/shared';
import { IdempotencyKeySchema } from './responses';

const OrganisationQuery = z.object({ organisationId: z.string().min(1).max(100).optional() });
const ThemeQuery = z.object({
  theme: z.string({ message: 'Choose a theme' }).min(1, 'Choose a theme').max(120, 'Choose one of the themes'),
  /** How many of each questionnaire's quotes to show ("Show more quotes"). */
  shown: z.coerce
    .number({ message: `Say how many quotes to show, from 1 to ${MAX_QUOTE_CHOICES_PER_QUESTIONNAIRE}` })
    .int(`Say how many quotes to show, from 1 to ${MAX_QUOTE_CHOICES_PER_QUESTIONNAIRE}`)
    .min(1, `Say how many quotes to show, from 1 to ${MAX_QUOTE_CHOICES_PER_QUESTIONNAIRE}`)
    .max(MAX_QUOTE_CHOICES_PER_QUESTIONNAIRE, `Say how many quotes to show, from 1 to ${MAX_QUOTE_CHOICES_PER_QUESTIONNAIRE}`)
    .optional()
});
/** A version as written in the address or sent (read by wantedVersion, so any value gets a plain answer). */
const VersionQuery = z.object({ version: z.string().optional() });
const PublishBody = ReportPublishSchema.extend({ version: z.unknown() });

/**
 * The version asked for: undefined when none was; 404 for a whole number the
 * report cannot have (0, or more digits than any version), 400 for anything
 * else (-1, 1e400, 2.5, abc), each saying "There is no version N of this report".
 */
function wantedVersion(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const whole = typeof raw === 'string' ? /^\d+$/.test(raw) : typeof raw === 'number' && Number.isInteger(raw) && raw >= 0;
  const n = whole ? Number(raw) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= 1) return n;
  const missing = noSuchVersion(typeof raw === 'string' || typeof raw === 'number' ? raw : JSON.stringify(raw));
  if (whole) throw missing;
  throw new ApiError(400, 'invalid_request', missing.message, [{ field: 'version', message: 'Enter a version number, like 2' }]);
}

/** The version's document: as frozen when published, or resolved now from today's figures for a draft. */
async function documentOf(db: Parameters<typeof resolveReport>[0], organisationId: string, stored: StoredVersion) {
  if (stored.publishedAt && stored.document) return { document: stored.document, omitted: [] };
  return resolveReport(db, organisationId, stored.definition, { version: stored.version, status: 'draft', at: new Date() });
}

export const reportsRoute = new Hono<StaffEnv>()
  .get('/', requirePolicy('report', 'view'), validate('query', OrganisationQuery), async (c) => {
    const { organisationId } = c.req.valid('query');
    const ids = organisationId ? [await reachableOrganisation(c.var.db, c.var.staff, organisationId)] : await reachableOrganisationIds(c.var.db, c.var.staff);
    return c.json({ reports: await listReports(c.var.db, ids) });
  })
  .post('/', requirePolicy('report', 'edit'), validate('query', OrganisationQuery), validate('json', ReportCreateSchema), async (c) => {
    const { db, staff } = c.var;
    const organisationId = await reachableOrganisation(db, staff, c.req.valid('query').organisationId);
    const { slug, definition } = c.req.valid('json');
    // The create form's one-time token: sent again, it answers with the report it made first.
    const key = IdempotencyKeySchema.optional().safeParse(c.req.header('Idempotency-Key'));
    if (!key.success) throw new ApiError(400, 'invalid_request', 'The Idempotency-Key header is not valid', [{ field: 'idempotencyKey', message: key.error.issues[0]?.message ?? 'Not valid' }]);
    const id = reportIdFor(organisationId, key.data);
    const replay = async () => {
      const earlier = key.data ? await earlierReport(db, organisationId, id) : null;
      if (!earlier) return null;
      const first = await versionAt(db, earlier.id, 1);
      if (JSON.stringify(first?.definition) !== JSON.stringify(definition)) {
        throw new ApiError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used to create a different report');
      }
      const latest = await latestVersion(db, earlier.id);
      return c.json({ report: { ...earlier, version: latest.version, status: latest.publishedAt ? 'published' : 'draft', definition: latest.definition }, replayed: true }, 200);
    };
    const earlier = await replay();
    if (earlier) return earlier;
    await refuseDefinitionProblems(db, await resolveContext(db, organisationId, definition), definition);
    let report: Awaited<ReturnType<typeof createReport>>;
    try {
      report = await createReport(db, { id, organisationId, slug: slug ?? slugFrom(definition.title), definition, staffId: staff.id }, (reportId) =>
        reportAuditStatement(db, { organisationId, actorStaffId: staff.id, action: 'report.created', target: { type: 'report', id: reportId }, detail: { version: 1 } })
      );
    } catch (error) {
      // Sent twice at once: the second meets the first's report.
      const raced = error instanceof ApiError && error.code === 'idempotency_key_reused' ? await replay() : null;
      if (raced) return raced;
      throw error;
    }
    return c.json({ report: { ...report, version: 1, status: 'draft', definition }, replayed: false }, 201);
  })
  // Safeguarding leads, in their own organisation: answers cleared for quoting.
  .get('/clearances', requirePolicy('flag', 'handle'), async (c) => c.json({ clearances: await listClearances(c.var.db, c.var.staff.organisationId) }))
  .post('/clearances', requirePolicy('flag', 'handle'), validate('json', QuoteClearanceSchema), async (c) => {
    await clearQuote(c.var.db, c.var.staff.organisationId, c.var.staff.id, c.req.valid('json'));
    return c.json({ clearances: await listClearances(c.var.db, c.var.staff.organisationId) }, 201);
  })
  // The newest version's definition and the report resolved from it (frozen when published), with quotes it had to leave out.
  .get('/:id', requirePolicy('report', 'view'), validate('param', IdParam), async (c) => {
    const report = await reachable(c.var.db, c.var.staff, await findReport(c.var.db, c.req.valid('param').id), reportNotFound);
    const [latest, published] = await Promise.all([latestVersion(c.var.db, report.id), latestPublished(c.var.db, report.id)]);
    const { document, omitted } = await documentOf(c.var.db, report.organisationId, latest);
    return c.json({
      report: { ...report, version: latest.version, status: latest.publishedAt ? 'published' : 'draft', publishedVersion: published?.version ?? null, definition: latest.definition },
      document,
      omitted
    });
  })
  .put('/:id', requirePolicy('report', 'edit'), validate('param', IdParam), validate('json', ReportSaveSchema), async (c) => {
    const { db, staff } = c.var;
    const report = await reachable(db, staff, await findReport(db, c.req.valid('param').id), reportNotFound);
    const { version: base, definition } = c.req.valid('json');
    await refuseDefinitionProblems(db, await resolveContext(db, report.organisationId, definition), definition);
    const version = await saveVersion(
      db,
      report,
      { base, definition, staffId: staff.id },
      reportAuditStatement(db, { organisationId: report.organisationId, actorStaffId: staff.id, action: 'report.saved', target: { type: 'report', id: report.id }, detail: { version: base + 1 } })
    );
    return c.json({ report: { ...report, version, status: 'draft', definition } });
  })
  // Resolves the newest version from today's figures and freezes it; refused when quotes in it can no longer be shown.
  .post('/:id/publish', requirePolicy('report', 'publish'), validate('param', IdParam), validate('json', PublishBody), async (c) => {
    const { db, staff } = c.var;
    const report = await reachable(db, staff, await findReport(db, c.req.valid('param').id), reportNotFound);
    const sent = c.req.valid('json').version;
    const version = typeof sent === 'number' ? wantedVersion(sent) : undefined;
    if (version === undefined) throw new ApiError(400, 'invalid_request', 'Say which version to publish', [{ field: 'version', message: 'Say which version to publish' }]);
    const stored = await versionAt(db, report.id, version);
    if (!stored) throw noSuchVersion(version);
    const at = new Date();
    const context = await resolveContext(db, report.organisationId, stored.definition);
    await refuseDefinitionProblems(db, context, stored.definition);
    const { document } = await resolveWith(db, context, stored.definition, { version, status: 'published', at });
    await publishVersion(
      db,
      report,
      { version, document, staffId: staff.id, at },
      reportAuditStatement(db, { organisationId: report.organisationId, actorStaffId: staff.id, action: 'report.published', target: { type: 'report', id: report.id }, detail: { version } })
    );
    return c.json({ report: { ...report, version, status: 'published' }, document });
  })
  // Quotes the author may choose for a theme, from what the newest version covers.
  .get('/:id/quotes', requirePolicy('report', 'edit'), validate('param', IdParam), validate('query', ThemeQuery), async (c) => {
    const report = await reachable(c.var.db, c.var.staff, await findReport(c.var.db, c.req.valid('param').id), reportNotFound);
    const latest = await latestVersion(c.var.db, report.id);
    const context = await resolveContext(c.var.db, report.organisationId, latest.definition);
    const { theme, shown } = c.req.valid('query');
    return c.json(await quoteChoices(c.var.db, context, theme, shown));
  })
  .get('/:id/document', requirePolicy('report', 'view'), validate('param', IdParam), validate('query', VersionQuery), async (c) => {
    const report = await reachable(c.var.db, c.var.staff, await findReport(c.var.db, c.req.valid('param').id), reportNotFound);
    const wanted = wantedVersion(c.req.valid('query').version);
    const stored = wanted === undefined ? await latestVersion(c.var.db, report.id) : await versionAt(c.var.db, report.id, wanted);
    if (!stored) throw noSuchVersion(wanted);
    return c.json((await documentOf(c.var.db, report.organisationId, stored)).document);
  });
