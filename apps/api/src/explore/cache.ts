// One explorer index per questionnaire, per database, for the life of the
// process: built on the first request, then brought up to date before each
// request answers (a handful of index probes when nothing is new). Requests
// that arrive while an update is waiting to start share it; updates run one
// at a time. A new version adds its dimensions; a changed definition (a
// draft collection edited) or rowids going backwards mean building afresh.
import { type Database, type QuestionnaireKind, questionnaireVersions } from '@safer-voices/db';
import { eq, sql } from 'drizzle-orm';
import { type LoadedExplorer, loadExplorer, refreshExplorer } from './load';
import { type ExploreMeta, exploreMeta, fingerprintOf, type VersionRow } from './questionnaire-meta';

export interface ExplorableQuestionnaire {
  id: string;
  organisationId: string;
  kind: QuestionnaireKind;
}

interface Entry {
  current: Promise<LoadedExplorer>;
  queued: Promise<LoadedExplorer> | null;
}

const byDatabase = new WeakMap<Database, Map<string, Entry>>();

async function versionRows(db: Database, questionnaireId: string): Promise<VersionRow[]> {
  const rows = await db
    .select({
      id: questionnaireVersions.id,
      version: questionnaireVersions.version,
      // The definition as stored (its text is fingerprinted), not through the column's JSON mapping.
      definition: sql<string>`${questionnaireVersions.definition}`,
      publishedAt: questionnaireVersions.publishedAt
    })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId));
  return rows.map((r) => ({ ...r, definition: String(r.definition), publishedAt: r.publishedAt?.getTime() ?? null }));
}

/** Whether an index built for `before` still holds for `after`: versions only added, no dimension changed kind. */
function stillHolds(before: ExploreMeta, after: ExploreMeta): boolean {
  const afterVersions = new Map(after.versions.map((v) => [v.id, v]));
  const sameVersions = before.versions.every((v) => afterVersions.has(v.id)) && after.fingerprint.startsWith(before.fingerprint);
  const kinds = new Map(after.dimensions.map((d) => [d.key, d.kind]));
  return sameVersions && before.dimensions.every((d) => kinds.get(d.key) === d.kind) && before.contextKeys.school === after.contextKeys.school && before.contextKeys.class === after.contextKeys.class;
}

async function update(db: Database, questionnaire: ExplorableQuestionnaire, loaded: LoadedExplorer | null): Promise<LoadedExplorer> {
  const rows = await versionRows(db, questionnaire.id);
  // Definitions are parsed again only when a version was added or changed.
  const unchanged = loaded !== null && fingerprintOf(questionnaire.kind, rows) === loaded.meta.fingerprint;
  const meta = unchanged ? loaded.meta : exploreMeta(questionnaire, rows);
  if (!loaded) return loadExplorer(db, meta);
  if (!unchanged) {
    if (!stillHolds(loaded.meta, meta)) return loadExplorer(db, meta);
    for (const dimension of meta.dimensions) loaded.index.declareDimension(dimension.key, dimension.kind);
    loaded.meta = meta;
  }
  return (await refreshExplorer(db, loaded)) ? loaded : loadExplorer(db, meta);
}

/** The questionnaire's explorer index, up to date with everything committed before the call. */
export function explorerFor(db: Database, questionnaire: ExplorableQuestionnaire): Promise<LoadedExplorer> {
  let entries = byDatabase.get(db);
  if (!entries) {
    entries = new Map();
    byDatabase.set(db, entries);
  }
  let entry = entries.get(questionnaire.id);
  if (!entry) {
    const first = update(db, questionnaire, null);
    entry = { current: first, queued: null };
    entries.set(questionnaire.id, entry);
    return first;
  }
  if (entry.queued) return entry.queued;
  const held = entry;
  const next = held.current
    .catch(() => null) // a failed load is tried again
    .then((loaded) => {
      // From here on, later requests queue another update: this one may have read too early for them.
      held.queued = null;
      return update(db, questionnaire, loaded);
    });
  held.current = next;
  held.queued = next;
  return next;
}
