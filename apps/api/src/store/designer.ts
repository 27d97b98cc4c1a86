// Questionnaires as officers see them: every version, the draft being
// edited, status and response counts (exact here; the routes show them only
// from the organisation's threshold up). A questionnaire has at most one draft
// (its newest version, unpublished); publishing freezes it, and the next
// edit starts a new draft version. Published versions are never changed
// (a database trigger refuses it), so responses keep their exact version.
import { createHash } from 'node:crypto';
import { type AccessMode, type Database, isUniqueViolation, newId, questionnaires, questionnaireVersions, responses } from '@safer-voices/db';
import { type AuditAction, auditStatement } from '../auth/audit';
import { DraftDefinitionSchema, missingPrivacyDetails as missingDetails, parseStoredDefinition, type QuestionnaireDefinition } from '@safer-voices/survey';
import { and, count, desc, eq, getTableColumns, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { ApiError } from '../errors';
import { isAddressFor, shortAddressFrom } from './addresses';
import { MINIMUM_SUPPRESSION_THRESHOLD, settingsOf } from './organisation-settings';

export type QuestionnaireStatus = 'draft' | 'live' | 'closed';

export interface VersionRow {
  id: string;
  version: number;
  publishedAt: Date | null;
  createdAt: Date;
  definition: QuestionnaireDefinition;
  /** The definition exactly as stored: a save replaces it only if it is still this (see saveDraft). */
  storedDefinition: string;
  responses: number;
}

export interface DesignerQuestionnaire {
  id: string;
  organisationId: string;
  slug: string;
  opensAt: Date | null;
  closesAt: Date | null;
  accessMode: AccessMode;
  /** Who is responsible for the answers, whom to contact, how long answers are kept: all three are needed to publish. */
  responsibleOrganisation: string | null;
  privacyContact: string | null;
  retention: string | null;
  /** The officer's choice for the home page list; null: listed when access is by open link (see listedOnHomePage). */
  listed: boolean | null;
  createdAt: Date;
  /** Newest first. */
  versions: VersionRow[];
  /** The organisation's suppression threshold: staff see response counts only from it up (see shownCounts). */
  threshold: number;
  /** Changes whenever the working version or the settings change: a save made from an older one is refused (see staleDraft). */
  revision: string;
}

export function statusOf(q: Pick<DesignerQuestionnaire, 'versions' | 'closesAt'>, now = new Date()): QuestionnaireStatus {
  if (!q.versions.some((v) => v.publishedAt)) return 'draft';
  return q.closesAt && now >= q.closesAt ? 'closed' : 'live';
}

export const draftOf = (q: DesignerQuestionnaire) => (q.versions[0] && !q.versions[0].publishedAt ? q.versions[0] : null);
export const latestPublishedOf = (q: DesignerQuestionnaire) => q.versions.find((v) => v.publishedAt) ?? null;
/** What the designer edits: the draft, or else the newest published version. */
export const workingVersionOf = (q: DesignerQuestionnaire) => q.versions[0] ?? null;

async function withVersions(db: Database, rows: (typeof questionnaires.$inferSelect)[]): Promise<DesignerQuestionnaire[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const versions = await db
    .select({ ...getTableColumns(questionnaireVersions), storedDefinition: sql<string>`${questionnaireVersions.definition}` })
    .from(questionnaireVersions)
    .where(inArray(questionnaireVersions.questionnaireId, ids))
    .orderBy(desc(questionnaireVersions.version));
  const counts = await db
    .select({ versionId: responses.versionId, n: count() })
    .from(responses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .where(inArray(questionnaireVersions.questionnaireId, ids))
    .groupBy(responses.versionId);
  const countOf = new Map(counts.map((c) => [c.versionId, c.n]));
  const organisationIds = [...new Set(rows.map((r) => r.organisationId))];
  const thresholds = new Map(await Promise.all(organisationIds.map(async (id) => [id, (await settingsOf(db, id)).suppressionThreshold] as const)));
  return rows.map((row) => {
    const own = versions
      .filter((v) => v.questionnaireId === row.id)
      .map((v) => ({
        id: v.id,
        version: v.version,
        publishedAt: v.publishedAt,
        createdAt: v.createdAt,
        // Drafts may still have logic problems; checkLogic reports them.
        definition: parseStoredDefinition(v.definition, DraftDefinitionSchema),
        storedDefinition: v.storedDefinition,
        responses: countOf.get(v.id) ?? 0
      }));
    return { ...row, threshold: thresholds.get(row.organisationId) ?? MINIMUM_SUPPRESSION_THRESHOLD, versions: own, revision: revisionOf(row, own[0]) };
  });
}

/**
 * A digest of what an officer sees and edits: the working version (its id,
 * so publishing changes it too, and its stored text) and the settings. The
 * table has no revision column; the digest needs none.
 */
function revisionOf(row: typeof questionnaires.$inferSelect, working: VersionRow | undefined): string {
  const parts = [
    working?.id ?? '',
    working?.storedDefinition ?? '',
    row.opensAt?.getTime() ?? '',
    row.closesAt?.getTime() ?? '',
    row.accessMode,
    row.responsibleOrganisation ?? '',
    row.privacyContact ?? '',
    row.retention ?? '',
    String(row.listed)
  ];
  return createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22);
}

// Collections (imported free text) are questionnaires in the database but not
// in the designer: nobody answers, edits or publishes them.
const designed = eq(questionnaires.kind, 'survey');

export async function listQuestionnaires(db: Database, organisationId: string): Promise<DesignerQuestionnaire[]> {
  const rows = await db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.organisationId, organisationId), designed))
    .orderBy(desc(questionnaires.createdAt));
  return withVersions(db, rows);
}

/** The questionnaire with its versions, or null. Whether the person may reach it is the caller's check (policies/reachable). */
export async function findQuestionnaire(db: Database, id: string): Promise<DesignerQuestionnaire | null> {
  const rows = await db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.id, id), designed));
  const [found] = await withVersions(db, rows);
  return found ?? null;
}

/** Whether a questionnaire appears in the public list on the home page: the officer's choice, else only when anyone with the link may answer. */
export const listedOnHomePage = (q: { listed: boolean | null; accessMode: AccessMode }) => q.listed ?? q.accessMode === 'open';

/** The three things respondents are told before they start, and publishing needs (see @safer-voices/survey's privacy details): those not given, in the form's words. */
export const missingPrivacyDetails = (q: Pick<DesignerQuestionnaire, 'responsibleOrganisation' | 'privacyContact' | 'retention'>) => missingDetails(q);

/**
 * A short address made from the title that no questionnaire has: the title's
 * first words, numbered (-2, -3, …) when another questionnaire has them.
 * Questionnaires are never deleted, so an address is never given twice.
 */
async function freeAddress(db: Database, title: string): Promise<string> {
  const base = shortAddressFrom(title, 'survey');
  const taken = new Set(
    (
      await db
        .select({ slug: questionnaires.slug })
        .from(questionnaires)
        .where(or(eq(questionnaires.slug, base), like(questionnaires.slug, `${base}-%`)))
    ).map((r) => r.slug)
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Run `write` with a free address, trying again when someone took it in between (the address is unique in the database). */
async function withFreeAddress<T>(db: Database, title: string, write: (slug: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(await freeAddress(db, title));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

export type DesignerAction = Extract<AuditAction, `questionnaire.${string}` | `access_codes.${string}`>;

export function designerAudit(db: Database, who: { id: string }, organisationId: string, questionnaireId: string, action: DesignerAction, detail?: Record<string, unknown>) {
  return auditStatement(db, { organisationId, actorStaffId: who.id, action, target: { type: 'questionnaire', id: questionnaireId }, ...(detail ? { detail } : {}) });
}

/** `privacy`: the details of the questionnaire copied, if any. */
export async function createQuestionnaire(
  db: Database,
  who: { id: string },
  organisationId: string,
  definition: QuestionnaireDefinition,
  detail: Record<string, unknown>,
  privacy: Partial<Pick<DesignerQuestionnaire, 'responsibleOrganisation' | 'privacyContact' | 'retention'>> = {}
) {
  const id = newId();
  await withFreeAddress(db, definition.title, (slug) =>
    db.batch([
      db.insert(questionnaires).values({ id, organisationId, slug, ...privacy }),
      db.insert(questionnaireVersions).values({ id: newId(), questionnaireId: id, version: 1, definition }),
      designerAudit(db, who, organisationId, id, 'questionnaire.created', detail)
    ])
  );
  return id;
}

/**
 * Until it is first published nobody has its address, so a questionnaire
 * renamed in its draft gets an address made from its new title.
 */
async function readdress(db: Database, q: DesignerQuestionnaire, title: string): Promise<void> {
  if (q.versions.some((v) => v.publishedAt) || isAddressFor(q.slug, shortAddressFrom(title, 'survey'))) return;
  await withFreeAddress(db, title, (slug) => db.update(questionnaires).set({ slug }).where(eq(questionnaires.id, q.id)));
}

export const staleDraft = () =>
  new ApiError(409, 'stale_draft', 'Someone else changed this questionnaire while you were editing. Your change was not saved. Here is the current version — make your change again.');

/**
 * Refuse a change made from an older revision than the stored one. Without a
 * revision (API clients that do not send one) the change applies to the
 * questionnaire as it is now, as before.
 */
export function checkRevision(q: DesignerQuestionnaire, expected: string | undefined): void {
  if (expected !== undefined && expected !== q.revision) throw staleDraft();
}

/**
 * Replace the draft, or start a new draft version when the newest version is
 * published. Either way only if nobody saved in between reading `q` and now:
 * the draft is replaced only while its stored text is still what was read,
 * and a second new version clashes on the unique version number.
 */
export async function saveDraft(db: Database, q: DesignerQuestionnaire, definition: QuestionnaireDefinition, expectedRevision?: string): Promise<void> {
  checkRevision(q, expectedRevision);
  const draft = draftOf(q);
  if (draft) {
    const updated = await db
      .update(questionnaireVersions)
      .set({ definition })
      .where(and(eq(questionnaireVersions.id, draft.id), isNull(questionnaireVersions.publishedAt), sql`${questionnaireVersions.definition} = ${draft.storedDefinition}`))
      .returning({ id: questionnaireVersions.id });
    if (updated.length === 0) throw staleDraft();
    await readdress(db, q, definition.title);
    return;
  }
  const next = (q.versions[0]?.version ?? 0) + 1;
  await db
    .insert(questionnaireVersions)
    .values({ id: newId(), questionnaireId: q.id, version: next, definition })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw staleDraft();
      throw error;
    });
}

/** Freeze the draft as a published version. Checking it is the caller's job. */
export async function publishDraft(db: Database, who: { id: string }, q: DesignerQuestionnaire, draftId: string, version: number): Promise<Date> {
  const publishedAt = new Date();
  const published = await db
    .update(questionnaireVersions)
    .set({ publishedAt })
    .where(and(eq(questionnaireVersions.id, draftId), isNull(questionnaireVersions.publishedAt)))
    .returning({ id: questionnaireVersions.id });
  if (published.length === 0) throw staleDraft();
  await designerAudit(db, who, q.organisationId, q.id, 'questionnaire.published', { version });
  return publishedAt;
}

export async function updateQuestionnaire(
  db: Database,
  who: { id: string },
  q: DesignerQuestionnaire,
  change: Partial<{
    opensAt: Date | null;
    closesAt: Date | null;
    accessMode: AccessMode;
    listed: boolean | null;
    responsibleOrganisation: string;
    privacyContact: string;
    retention: string;
  }>,
  action: DesignerAction,
  expectedRevision?: string
) {
  checkRevision(q, expectedRevision);
  const detail = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
  await db.batch([db.update(questionnaires).set(change).where(eq(questionnaires.id, q.id)), designerAudit(db, who, q.organisationId, q.id, action, detail)]);
}
