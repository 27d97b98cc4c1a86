// Collections: imported free text kept as a questionnaire of kind
// `collection` with one published version and a response per row, so the
// background coder, the explorer and the safeguarding queue treat the rows
// like survey answers. A collection is closed from the moment it is made and
// never offered to respondents (store/questionnaires.ts reads surveys only).
import type { InArgs, InStatement } from '@libsql/client';
import { codedResponses, type Database, newId, questionnaires, questionnaireVersions, responses, textOfJson, type WriteExecutor } from '@safer-voices/db';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { auditStatement } from '../auth/audit';
import type { ImportPlan } from '../collections/plan';
import { sha256 } from './canonical-json';

// Well under SQLite's 32,766 bound values per statement (5 per row).
const ROWS_PER_STATEMENT = 1000;

/** A row's idempotency key: importing the same rows into the same collection again stores nothing new. */
export const rowKey = (collectionId: string, rowNumber: number) => sha256(`collection:${collectionId}:row:${rowNumber}`);

/** The collection a client's Idempotency-Key makes, so a retried import finds the first one. */
export function collectionIdFor(organisationId: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return newId();
  const hex = sha256(`collection\n${organisationId}\n${idempotencyKey}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface NewCollection {
  id: string;
  organisationId: string;
  staffId: string;
  plan: ImportPlan;
  format: 'csv' | 'xlsx';
}

const asStatement = (query: { toSQL(): { sql: string; params: unknown[] } }): InStatement => {
  const { sql, params } = query.toSQL();
  return { sql, args: params as InArgs };
};

/**
 * Everything in one batch (one transaction): the collection with all its rows,
 * or nothing. The rows go in as plain multi-row inserts: building 50,000 rows
 * through the query builder costs several times what SQLite takes to store them.
 * The batch goes to `writes`, so on the embedded database storing a large file
 * does not hold up other requests.
 */
export async function createCollection(db: Database, writes: WriteExecutor, input: NewCollection, now = new Date()) {
  const { id, organisationId, plan } = input;
  const versionId = newId();
  const inserts: InStatement[] = [];
  for (let at = 0; at < plan.rows.length; at += ROWS_PER_STATEMENT) {
    // Other requests get a turn between chunks: 50,000 rows take a few hundred milliseconds to prepare.
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    const chunk = plan.rows.slice(at, at + ROWS_PER_STATEMENT).map((row) => [newId(now.getTime()), versionId, rowKey(id, row.number), JSON.stringify(row.answers), (row.submittedAt ?? now).getTime()]);
    inserts.push({
      sql: `INSERT INTO responses (id, version_id, idempotency_key, answers, submitted_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (idempotency_key) DO NOTHING`,
      args: chunk.flat()
    });
  }
  await writes.batch([
    asStatement(db.insert(questionnaires).values({ id, organisationId, slug: `collection-${id}`, kind: 'collection', closesAt: now })),
    asStatement(db.insert(questionnaireVersions).values({ id: versionId, questionnaireId: id, version: 1, definition: plan.definition, publishedAt: now })),
    ...inserts,
    asStatement(
      auditStatement(db, {
        organisationId,
        actorStaffId: input.staffId,
        action: 'questionnaire.created',
        target: { type: 'questionnaire', id },
        detail: { from: { kind: 'collection', format: input.format }, rows: plan.rows.length, skipped: plan.skipped }
      })
    )
  ]);
}

export interface CollectionSummary {
  id: string;
  organisationId: string;
  name: string;
  /** Where the rows came from, e.g. Imported from “posts.csv”. */
  source: string;
  /** How many rows were imported and skipped, in words. */
  note: string;
  rows: number;
  /** Rows the background coder has looked at so far. */
  coded: number;
  createdAt: string;
}

async function summaries(db: Database, condition: ReturnType<typeof and>): Promise<CollectionSummary[]> {
  const found = await db
    .select({
      id: questionnaires.id,
      organisationId: questionnaires.organisationId,
      createdAt: questionnaires.createdAt,
      versionId: questionnaireVersions.id,
      // `->` keeps the JSON escapes (json_extract would decode them in SQLite; see textOfJson).
      name: sql<unknown>`${questionnaireVersions.definition} -> '$.title'`,
      source: sql<unknown>`${questionnaireVersions.definition} -> '$.summary'`,
      note: sql<unknown>`${questionnaireVersions.definition} -> '$.intro[0]'`
    })
    .from(questionnaires)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.questionnaireId, questionnaires.id))
    .where(and(eq(questionnaires.kind, 'collection'), condition))
    .orderBy(desc(questionnaires.createdAt));
  if (found.length === 0) return [];
  const versionIds = found.map((c) => c.versionId);
  const [rowCounts, codedCounts] = await Promise.all([
    db.select({ versionId: responses.versionId, n: count() }).from(responses).where(inArray(responses.versionId, versionIds)).groupBy(responses.versionId),
    db
      .select({ versionId: responses.versionId, n: count() })
      .from(codedResponses)
      .innerJoin(responses, eq(responses.id, codedResponses.responseId))
      .where(inArray(responses.versionId, versionIds))
      .groupBy(responses.versionId)
  ]);
  const rowsOf = new Map(rowCounts.map((r) => [r.versionId, r.n]));
  const codedOf = new Map(codedCounts.map((r) => [r.versionId, r.n]));
  return found.map((c) => ({
    id: c.id,
    organisationId: c.organisationId,
    name: textOfJson(c.name) ?? '',
    source: textOfJson(c.source) ?? '',
    note: textOfJson(c.note) ?? '',
    rows: rowsOf.get(c.versionId) ?? 0,
    coded: codedOf.get(c.versionId) ?? 0,
    createdAt: c.createdAt.toISOString()
  }));
}

export const listCollections = (db: Database, organisationId: string) => summaries(db, eq(questionnaires.organisationId, organisationId));

/** The collection if one of `reachable` organisations owns it. */
export async function findCollection(db: Database, id: string, reachable: string[]): Promise<CollectionSummary | undefined> {
  const [found] = await summaries(db, and(eq(questionnaires.id, id), inArray(questionnaires.organisationId, reachable)));
  return found;
}
