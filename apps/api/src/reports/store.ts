// Reports and their versions. Every save is a new version numbered one past
// the version it was edited from; (report, version) is unique, so of two
// saves made from the same version only one is stored and the other is told
// (409). Publishing stores the resolved document on the newest version and
// freezes it (a trigger refuses any later change to a published version).
import { type Database, isUniqueViolation, newId, reports, reportVersions } from '@safer-voices/db';
import type { ReportDocument } from './model';
import { type ReportDefinition, StoredReportDefinitionSchema } from '@safer-voices/survey';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { ApiError } from '../errors';
import { addressFrom } from '../store/addresses';
import { sha256 } from '../store/canonical-json';

export interface ReportRow {
  id: string;
  organisationId: string;
  slug: string;
  createdAt: Date;
}

export interface StoredVersion {
  version: number;
  definition: ReportDefinition;
  document: ReportDocument | null;
  publishedAt: Date | null;
  createdAt: Date;
}

export const reportNotFound = () => new ApiError(404, 'report_not_found', 'There is no such report');

/** 404: the report has no such version; `version` as asked for (shortened when long). */
export const noSuchVersion = (version: number | string | undefined) => {
  const shown = String(version ?? '');
  return new ApiError(404, 'version_not_found', `There is no version ${shown.length > 24 ? `${shown.slice(0, 24)}…` : shown} of this report`);
};

const staleVersion = (latest: number) =>
  new ApiError(409, 'report_changed', `Someone saved this report since you opened it (it is now at version ${latest}): open it again to see their changes, then make yours`);

/** A stored definition read through the schema, so a definition saved by an older release gets today's defaults. */
const definitionOf = (stored: unknown): ReportDefinition => StoredReportDefinitionSchema.parse(stored);

const versionOf = (row: typeof reportVersions.$inferSelect): StoredVersion => ({
  version: row.version,
  definition: definitionOf(row.definition),
  document: (row.document as ReportDocument | null) ?? null,
  publishedAt: row.publishedAt,
  createdAt: row.createdAt
});

/** The report, whatever organisation it is in: callers check reach (policies/reachable). */
export async function findReport(db: Database, id: string): Promise<ReportRow | null> {
  const [found] = await db.select({ id: reports.id, organisationId: reports.organisationId, slug: reports.slug, createdAt: reports.createdAt }).from(reports).where(eq(reports.id, id));
  return found ?? null;
}

export async function findReportBySlug(db: Database, slug: string): Promise<ReportRow | null> {
  const [found] = await db.select({ id: reports.id, organisationId: reports.organisationId, slug: reports.slug, createdAt: reports.createdAt }).from(reports).where(eq(reports.slug, slug));
  return found ?? null;
}

export async function latestVersion(db: Database, reportId: string): Promise<StoredVersion> {
  const [row] = await db.select().from(reportVersions).where(eq(reportVersions.reportId, reportId)).orderBy(desc(reportVersions.version)).limit(1);
  if (!row) throw reportNotFound();
  return versionOf(row);
}

export async function versionAt(db: Database, reportId: string, version: number): Promise<StoredVersion | null> {
  const [row] = await db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.version, version)));
  return row ? versionOf(row) : null;
}

/** The newest published version, or null when none is. */
export async function latestPublished(db: Database, reportId: string): Promise<StoredVersion | null> {
  const [row] = await db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), isNotNull(reportVersions.publishedAt)))
    .orderBy(desc(reportVersions.version))
    .limit(1);
  return row ? versionOf(row) : null;
}

export interface ReportListItem {
  id: string;
  slug: string;
  title: string;
  version: number;
  status: 'draft' | 'published';
  /** The newest published version, if any (a published report may have a newer draft). */
  publishedVersion: number | null;
  publishedAt: string | null;
  updatedAt: string;
}

export async function listReports(db: Database, organisationIds: string[]): Promise<ReportListItem[]> {
  const items: ReportListItem[] = [];
  for (const organisationId of organisationIds) {
    const rows = await db.select().from(reports).where(eq(reports.organisationId, organisationId)).orderBy(desc(reports.createdAt));
    for (const report of rows) {
      const [latest, published] = await Promise.all([latestVersion(db, report.id), latestPublished(db, report.id)]);
      items.push({
        id: report.id,
        slug: report.slug,
        title: latest.definition.title,
        version: latest.version,
        status: latest.publishedAt ? 'published' : 'draft',
        publishedVersion: published?.version ?? null,
        publishedAt: published?.publishedAt?.toISOString() ?? null,
        updatedAt: latest.createdAt.toISOString()
      });
    }
  }
  return items;
}

/** A web address from the title: lower-case words joined by dashes, with a few random characters so it is free. */
export const slugFrom = (title: string): string => addressFrom(title, 'report', { words: 60, randomHex: 6 });

const slugTaken = () => new ApiError(409, 'slug_taken', 'Another report already has that web address', [{ field: 'slug', message: 'Another report already has that web address; choose another' }]);

/**
 * The report a client's Idempotency-Key makes (the create form's one-time
 * token), so a form sent again (Back, then "Create report") finds the report
 * the first made: the id is the table's primary key, so only one is stored.
 */
export function reportIdFor(organisationId: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return newId();
  const hex = sha256(`report\n${organisationId}\n${idempotencyKey}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The report stored with this id in the organisation (a create sent again), or null. */
export async function earlierReport(db: Database, organisationId: string, id: string): Promise<ReportRow | null> {
  const found = await findReport(db, id);
  return found && found.organisationId === organisationId ? found : null;
}

/** Stores the report and its first version; `id` from reportIdFor, so a create sent again meets the first (it finds it with earlierReport). */
export async function createReport(
  db: Database,
  input: { id?: string; organisationId: string; slug: string; definition: ReportDefinition; staffId: string },
  audit: (reportId: string) => Parameters<Database['batch']>[0][number]
): Promise<ReportRow> {
  const id = input.id ?? newId();
  try {
    await db.batch([
      db.insert(reports).values({ id, organisationId: input.organisationId, slug: input.slug, createdBy: input.staffId }),
      db.insert(reportVersions).values({ reportId: id, version: 1, definition: input.definition, createdBy: input.staffId }),
      audit(id)
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) {
      if (input.id && (await findReport(db, id))) throw new ApiError(409, 'idempotency_key_reused', 'This report was created already');
      throw slugTaken();
    }
    throw e;
  }
  return (await findReport(db, id)) as ReportRow;
}

/** A new version edited from `base`; 409 when someone saved since. */
export async function saveVersion(
  db: Database,
  report: ReportRow,
  input: { base: number; definition: ReportDefinition; staffId: string },
  audit: Parameters<Database['batch']>[0][number]
): Promise<number> {
  const latest = await latestVersion(db, report.id);
  if (latest.version !== input.base) throw staleVersion(latest.version);
  const version = input.base + 1;
  try {
    await db.batch([db.insert(reportVersions).values({ reportId: report.id, version, definition: input.definition, createdBy: input.staffId }), audit]);
  } catch (e) {
    if (isUniqueViolation(e)) throw staleVersion((await latestVersion(db, report.id)).version);
    throw e;
  }
  return version;
}

/** Freezes the document on the newest version; 409 when it is not `version` or is already published. */
export async function publishVersion(
  db: Database,
  report: ReportRow,
  input: { version: number; document: ReportDocument; staffId: string; at: Date },
  audit: Parameters<Database['batch']>[0][number]
): Promise<void> {
  const latest = await latestVersion(db, report.id);
  if (latest.version !== input.version) throw staleVersion(latest.version);
  if (latest.publishedAt) throw new ApiError(409, 'already_published', `Version ${latest.version} is already published; edit the report to make a new version`);
  const updated = await db
    .update(reportVersions)
    .set({ document: input.document, publishedAt: input.at, publishedBy: input.staffId })
    .where(and(eq(reportVersions.reportId, report.id), eq(reportVersions.version, input.version), isNull(reportVersions.publishedAt)))
    .returning({ version: reportVersions.version });
  if (updated.length === 0) throw new ApiError(409, 'already_published', `Version ${latest.version} was just published by someone else`);
  await audit;
}
