// Reading published questionnaires. Published versions never change, so a
// parsed definition is cached by version id for the life of the process.
import { type AccessMode, type Database, questionnaires, questionnaireVersions } from '@safer-voices/db';
import { parseStoredDefinition, type QuestionnaireDefinition } from '@safer-voices/survey';
import { and, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';

export interface PublishedVersion {
  questionnaireId: string;
  slug: string;
  versionId: string;
  version: number;
  definition: QuestionnaireDefinition;
  opensAt: Date | null;
  closesAt: Date | null;
  accessMode: AccessMode;
  /** The officer's choice for the home page list; null: listed when access is by open link. */
  listed: boolean | null;
  /** Who is responsible for the answers, whom to contact, how long answers are kept (a questionnaire published before they were asked for may lack them). */
  responsibleOrganisation: string | null;
  privacyContact: string | null;
  retention: string | null;
}

export type Availability = 'open' | 'not_yet_open' | 'closed';

export function availability(v: Pick<PublishedVersion, 'opensAt' | 'closesAt'>, now = new Date()): Availability {
  if (v.opensAt && now < v.opensAt) return 'not_yet_open';
  if (v.closesAt && now >= v.closesAt) return 'closed';
  return 'open';
}

const parsed = new Map<string, QuestionnaireDefinition>();

function definitionOf(versionId: string, stored: unknown): QuestionnaireDefinition {
  let definition = parsed.get(versionId);
  if (!definition) {
    definition = parseStoredDefinition(stored);
    parsed.set(versionId, definition);
  }
  return definition;
}

const columns = {
  questionnaireId: questionnaires.id,
  slug: questionnaires.slug,
  opensAt: questionnaires.opensAt,
  closesAt: questionnaires.closesAt,
  accessMode: questionnaires.accessMode,
  listed: questionnaires.listed,
  responsibleOrganisation: questionnaires.responsibleOrganisation,
  privacyContact: questionnaires.privacyContact,
  retention: questionnaires.retention,
  versionId: questionnaireVersions.id,
  version: questionnaireVersions.version,
  definition: questionnaireVersions.definition
};

interface Row {
  questionnaireId: string;
  slug: string;
  opensAt: Date | null;
  closesAt: Date | null;
  accessMode: AccessMode;
  listed: boolean | null;
  responsibleOrganisation: string | null;
  privacyContact: string | null;
  retention: string | null;
  versionId: string;
  version: number;
  definition: unknown;
}

const toPublished = (row: Row): PublishedVersion => ({ ...row, definition: definitionOf(row.versionId, row.definition) });

/**
 * Published versions of surveys with their questionnaire, narrowed by
 * `condition`. Collections (imported text) are never offered to respondents,
 * so the list, the /s/ pages, drafts and submissions do not find them.
 */
function publishedWhere(db: Database, condition: SQL | undefined) {
  return db
    .select(columns)
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(isNotNull(questionnaireVersions.publishedAt), eq(questionnaires.kind, 'survey'), condition));
}

/** The newest published version of every questionnaire, newest questionnaire first. */
export async function listPublished(db: Database): Promise<PublishedVersion[]> {
  const rows = await publishedWhere(db, undefined).orderBy(desc(questionnaires.createdAt), desc(questionnaireVersions.version));
  const newest = new Map<string, Row>();
  for (const row of rows) if (!newest.has(row.questionnaireId)) newest.set(row.questionnaireId, row);
  return [...newest.values()].map(toPublished);
}

export async function findPublishedBySlug(db: Database, slug: string): Promise<PublishedVersion | null> {
  const [row] = await publishedWhere(db, eq(questionnaires.slug, slug)).orderBy(desc(questionnaireVersions.version)).limit(1);
  return row ? toPublished(row) : null;
}

/**
 * Submissions look their version up on every request; a second's caching
 * spares the database that read. A survey closed by an officer stops taking
 * responses at most this long after.
 */
export const VERSION_CACHE_MS = 1000;
// Timed by Date's clock, which tests move on.
const recentVersions = new LRUCache<string, Promise<PublishedVersion | null>>({ max: 1000, ttl: VERSION_CACHE_MS, ttlResolution: 0, perf: { now: () => Date.now() } });

export function findPublishedVersionCached(db: Database, versionId: string): Promise<PublishedVersion | null> {
  let version = recentVersions.get(versionId);
  if (!version) {
    version = findPublishedVersion(db, versionId);
    recentVersions.set(versionId, version);
    version.catch(() => recentVersions.delete(versionId));
  }
  return version;
}

export async function findPublishedVersion(db: Database, versionId: string): Promise<PublishedVersion | null> {
  const [row] = await publishedWhere(db, eq(questionnaireVersions.id, versionId)).limit(1);
  return row ? toPublished(row) : null;
}
