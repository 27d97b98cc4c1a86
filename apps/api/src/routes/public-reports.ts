// What anyone may read without signing in: a published report by its address
// (/reports/<slug>), as frozen when it was last published, and an
// organisation's "You said, we did" rows from its published reports. Drafts,
// and reports never published, are answered as if they did not exist.
import { type Database, organisations, reports } from '@safer-voices/db';
import type { ReportDocument, YouSaidWeDid } from '../reports/model';
import { ReportSlug } from '@safer-voices/survey';
import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { findReportBySlug, latestPublished } from '../reports/store';
import { validate } from '../validation';

const reportNotPublished = () => new ApiError(404, 'report_not_found', 'There is no published report at this address');
const SlugParam = z.object({ slug: ReportSlug });
const OrganisationParam = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Not an organisation’s address') });

export interface PublishedYouSaidWeDid {
  organisation: { slug: string; name: string };
  reports: { slug: string; title: string; publishedAt: string; rows: YouSaidWeDid[] }[];
}

async function youSaidWeDidOf(db: Database, organisation: { id: string; slug: string; name: string }): Promise<PublishedYouSaidWeDid> {
  const rows = await db.select({ id: reports.id, slug: reports.slug }).from(reports).where(eq(reports.organisationId, organisation.id)).orderBy(desc(reports.createdAt));
  const published: PublishedYouSaidWeDid['reports'] = [];
  for (const report of rows) {
    const version = await latestPublished(db, report.id);
    const document = version?.document as ReportDocument | null | undefined;
    if (!version?.publishedAt || !document) continue;
    const youSaid = document.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'youSaidWeDid' ? b.rows : [])));
    if (youSaid.length > 0) published.push({ slug: report.slug, title: document.title, publishedAt: version.publishedAt.toISOString(), rows: youSaid });
  }
  published.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return { organisation: { slug: organisation.slug, name: organisation.name }, reports: published };
}

export const publicReportsRoute = new Hono<Env>()
  .get('/reports/:slug', validate('param', SlugParam), async (c) => {
    const report = await findReportBySlug(c.var.db, c.req.valid('param').slug);
    const published = report ? await latestPublished(c.var.db, report.id) : null;
    if (!published?.document) throw reportNotPublished();
    return c.json(published.document);
  })
  .get('/organisations/:slug/you-said-we-did', validate('param', OrganisationParam), async (c) => {
    const [organisation] = await c.var.db
      .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.slug, c.req.valid('param').slug));
    if (!organisation) throw new ApiError(404, 'organisation_not_found', 'There is no such organisation');
    return c.json(await youSaidWeDidOf(c.var.db, organisation));
  });
