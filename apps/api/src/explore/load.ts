// Filling an ExploreIndex from the database, and bringing it up to date.
//
// Cursors are SQLite rowids: rows are numbered in the order they are
// written, one writer at a time, so "rowid above the cursor" is exactly
// what was written since the last look, found with one range probe.
// - responses: new respondents;
// - coded_answers: answers coded for the first time (a re-coding updates its
//   row in place, keeping the rowid);
// - answer_codes: a coding replaces an answer's codes by deleting and
//   inserting them, so new rows mark answers (new or re-coded) whose themes
//   are read again;
// - a re-coding job moves its cursor (a response id) in the same commit as
//   its codes: every answer of the responses it passed is read again, which
//   also catches answers that lost all their themes;
// - review_decisions: an analyst's decision replaces an answer's codes, and
//   may leave none (no new answer_codes row to notice), so decisions made
//   since the newest one seen are read again too.
// The code cursors are read before the responses, so every code read
// belongs to a response already read.
import { answerCodes, codedAnswers, type Database, jobs, type ResponseContext, responses, reviewDecisions } from '@safer-voices/db';
import { daysSinceEpoch, ExploreIndex } from '@safer-voices/insights';
import { and, eq, gte, lte, max, type SQL, sql } from 'drizzle-orm';
import { jsonPicks } from '../store/json-paths';
import { type AnswerSource, closedQuestionIds, type ExploreMeta } from './questionnaire-meta';

export interface Cursors {
  responses: number;
  codedAnswers: number;
  answerCodes: number;
  /** Re-coding jobs of this questionnaire: id → cursor last seen. */
  jobs: Map<string, string>;
  /** The newest review decision seen (ms), for the questionnaire's organisation. */
  reviewedAt: number;
}

export interface LoadedExplorer {
  meta: ExploreMeta;
  index: ExploreIndex;
  cursors: Cursors;
}

/**
 * Rowids read per query: big enough to be quick, small enough that each
 * query (the embedded driver runs it on this thread) holds other requests
 * up for tens of milliseconds at most while a large index is built.
 */
const PAGE = 5_000;
const CODES_PAGE = 25_000;
const RECODE_JOB = 'recode_questionnaire';

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

async function maxRowid(db: Database, table: typeof responses | typeof codedAnswers | typeof answerCodes): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`SELECT coalesce(max(rowid), 0) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}

async function recodeCursors(db: Database, questionnaireId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: jobs.id, cursor: sql<string>`coalesce(${jobs.cursor}, '')` })
    .from(jobs)
    .where(and(eq(jobs.kind, RECODE_JOB), sql`json_extract(${jobs.params}, '$.questionnaireId') = ${questionnaireId}`));
  return new Map(rows.map((r) => [String(r.id), String(r.cursor)]));
}

/** A list of bound values, for `IN (…)`. */
const valuesList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `
  );

/**
 * One page of rows as a single JSON array built by SQLite: the client makes
 * an object per row, which costs more than the query itself at a million rows.
 */
async function page(db: Database, query: SQL): Promise<unknown[][]> {
  const [row] = await db.values<[unknown]>(query);
  const text = row?.[0];
  return typeof text === 'string' ? (JSON.parse(text) as unknown[][]) : [];
}

/** Note that the answer's codes are to be read again, if its respondent is in the index. */
function touch(index: ExploreIndex, into: Map<string, Set<string>>, responseId: string, questionId: string): void {
  if (index.rowOf(responseId) === undefined) return;
  let questions = into.get(responseId);
  if (!questions) {
    questions = new Set();
    into.set(responseId, questions);
  }
  questions.add(questionId);
}

/** A stored answer as the index takes it: a non-empty string, or a list of strings; undefined for none. */
function indexable(value: unknown, source: AnswerSource): string | string[] | undefined {
  if (source.rowId !== null) value = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[source.rowId] : undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (!Array.isArray(value)) return undefined;
  const strings = value.filter((v): v is string => typeof v === 'string');
  return strings.length > 0 ? strings : undefined;
}

const label = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Add the responses to the explored versions with rowids in (from, to]. */
async function addResponses(db: Database, loaded: LoadedExplorer, from: number, to: number): Promise<void> {
  const { meta, index } = loaded;
  const versionIds = meta.versions.map((v) => v.id);
  if (versionIds.length === 0 || to <= from) return;
  const numbers = new Map(meta.versions.map((v) => [v.id, v.version]));
  const questionIds = closedQuestionIds(meta);
  // Only the closed answers are read (free text is most of the answers' size),
  // in as many json_extract calls as SQLite allows a questionnaire of this size (see jsonPicks).
  const closedAnswers = jsonPicks(
    responses.answers,
    questionIds.map((id) => `$."${id}"`)
  );
  const position = new Map(questionIds.map((id, i) => [id, i]));
  const column = (key: string, kind: 'single' | 'multi') => index.dimensions.get(key) ?? index.declareDimension(key, kind);
  // Per version: where each dimension's answer is in the extracted array, and its column.
  const plans = new Map(
    meta.versions.map((v) => [v.id, (meta.sources.get(v.id) ?? []).map((source) => ({ source, at: position.get(source.questionId) ?? -1, column: column(source.key, source.kind) }))])
  );
  const school = column(meta.contextKeys.school, 'single');
  const klass = column(meta.contextKeys.class, 'single');
  for (let low = from; low < to; low += PAGE) {
    // `+version_id` keeps SQLite on the rowid range rather than the version index.
    const rows = await page(
      db,
      sql`SELECT json_group_array(json_array(id, version_id, ${closedAnswers.sql}, json(context), submitted_at)) FROM ${responses}
       WHERE rowid > ${low} AND rowid <= ${Math.min(low + PAGE, to)} AND +version_id IN (${valuesList(versionIds)})`
    );
    for (const [id, versionId, picked, context, submittedAt] of rows as [string, string, unknown, ResponseContext | null, number][]) {
      if (index.rowOf(id) !== undefined) continue;
      const closed = closedAnswers.read(picked);
      const row = index.addRespondent(id, numbers.get(versionId) ?? 0, daysSinceEpoch(new Date(submittedAt)));
      for (const plan of plans.get(versionId) ?? []) {
        const value = indexable(closed[plan.at], plan.source);
        if (value !== undefined) index.setAnswer(row, plan.column, value);
      }
      const schoolLabel = label(context?.school);
      const classLabel = label(context?.class);
      if (schoolLabel) index.setAnswer(row, school, schoolLabel);
      if (classLabel) index.setAnswer(row, klass, classLabel);
    }
    if (to - low > PAGE) await yieldToRequests();
  }
}

/** index.rowOf, remembering the last answer: a response's codes are written, and read, together. */
function lastRowCache(index: ExploreIndex) {
  let lastId = '';
  let lastRow: number | undefined;
  return (id: string) => {
    if (id !== lastId) {
      lastId = id;
      lastRow = index.rowOf(id);
    }
    return lastRow;
  };
}

/**
 * Mark answers coded for the first time (coded_answers rowids in (from, to]).
 * One that could not be coded is left out; when it is coded later its row is
 * written anew, with a new rowid.
 */
async function markCoded(db: Database, index: ExploreIndex, from: number, to: number): Promise<void> {
  for (let low = from; low < to; low += CODES_PAGE) {
    const rows = await page(
      db,
      sql`SELECT json_group_array(json_array(response_id, question_id)) FROM ${codedAnswers} WHERE rowid > ${low} AND rowid <= ${Math.min(low + CODES_PAGE, to)} AND error IS NULL`
    );
    const rowOf = lastRowCache(index);
    for (const [responseId, questionId] of rows as [string, string][]) {
      const row = rowOf(responseId);
      if (row !== undefined) index.markCoded(row, questionId);
    }
    if (to - low > CODES_PAGE) await yieldToRequests();
  }
}

/** On first load: add every "yes" code with rowid in (from, to]. */
async function addCodes(db: Database, index: ExploreIndex, from: number, to: number): Promise<void> {
  for (let low = from; low < to; low += CODES_PAGE) {
    const rows = await page(
      db,
      sql`SELECT json_group_array(json_array(response_id, question_id, theme_id, confidence)) FROM ${answerCodes} WHERE rowid > ${low} AND rowid <= ${Math.min(low + CODES_PAGE, to)} AND decision = 'yes'`
    );
    const rowOf = lastRowCache(index);
    for (const [responseId, questionId, themeId, confidence] of rows as [string, string, string, number][]) {
      const row = rowOf(responseId);
      if (row !== undefined) index.addCode(row, questionId, { themeId, confidence });
    }
    if (to - low > CODES_PAGE) await yieldToRequests();
  }
}

/** Answers (response id → question ids) with codes written in (from, to]. */
async function answersWithNewCodes(db: Database, index: ExploreIndex, from: number, to: number, into: Map<string, Set<string>>): Promise<void> {
  for (let low = from; low < to; low += PAGE) {
    const rows = await db.all<AnswerRow>(sql`SELECT response_id, question_id FROM ${answerCodes} WHERE rowid > ${low} AND rowid <= ${Math.min(low + PAGE, to)}`);
    for (const row of rows) touch(index, into, String(row.response_id), String(row.question_id));
  }
}

interface AnswerRow {
  response_id: string;
  question_id: string;
}

async function newestDecision(db: Database, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ at: max(reviewDecisions.reviewedAt) })
    .from(reviewDecisions)
    .where(eq(reviewDecisions.organisationId, organisationId));
  return row?.at?.getTime() ?? 0;
}

/**
 * Answers an analyst decided in [after, upTo]: their codes were replaced,
 * perhaps by none. The newest millisecond already seen is looked at again,
 * since another decision may have been stored in it after the last look.
 */
async function answersDecided(db: Database, index: ExploreIndex, organisationId: string, after: number, upTo: number, into: Map<string, Set<string>>): Promise<void> {
  const rows = await db
    .select({ responseId: reviewDecisions.responseId, questionId: reviewDecisions.questionId })
    .from(reviewDecisions)
    .where(and(eq(reviewDecisions.organisationId, organisationId), gte(reviewDecisions.reviewedAt, new Date(after)), lte(reviewDecisions.reviewedAt, new Date(upTo))));
  for (const row of rows) touch(index, into, row.responseId, row.questionId);
}

/** Every coded answer of the responses with ids in (after, upTo]: a re-coding job passed them. */
async function answersRecoded(db: Database, index: ExploreIndex, after: string, upTo: string, into: Map<string, Set<string>>): Promise<void> {
  let last: [string, string] = [after, '\uffff'];
  for (;;) {
    const rows = await db.all<AnswerRow>(sql`SELECT response_id, question_id FROM ${codedAnswers}
      WHERE (response_id, question_id) > (${last[0]}, ${last[1]}) AND response_id <= ${upTo} AND error IS NULL ORDER BY response_id, question_id LIMIT ${PAGE}`);
    for (const row of rows) {
      last = [String(row.response_id), String(row.question_id)];
      touch(index, into, ...last);
    }
    if (rows.length < PAGE) return;
  }
}

/** Read these answers' current codes and put them in the index, replacing what it had. */
async function rereadCodes(db: Database, index: ExploreIndex, answers: Map<string, Set<string>>): Promise<void> {
  const ids = [...answers.keys()];
  for (let at = 0; at < ids.length; at += 500) {
    const chunk = ids.slice(at, at + 500);
    const rows = await db.all<AnswerRow & { theme_id: string; confidence: number }>(
      sql`SELECT response_id, question_id, theme_id, confidence FROM ${answerCodes} WHERE response_id IN (${valuesList(chunk)}) AND decision = 'yes'`
    );
    const codes = new Map<string, { themeId: string; confidence: number }[]>();
    for (const row of rows) {
      const key = `${row.response_id}\u0000${row.question_id}`;
      let list = codes.get(key);
      if (!list) {
        list = [];
        codes.set(key, list);
      }
      list.push({ themeId: String(row.theme_id), confidence: Number(row.confidence) });
    }
    for (const id of chunk) {
      const row = index.rowOf(id);
      if (row === undefined) continue;
      for (const question of answers.get(id) ?? []) index.setCodes(row, question, codes.get(`${id}\u0000${question}`) ?? []);
    }
  }
}

/** Where each table stands now. The codes are read before the responses, so every code read belongs to a response already read. */
async function currentCursors(db: Database, meta: ExploreMeta): Promise<Cursors> {
  const recodes = await recodeCursors(db, meta.id);
  const reviewedAt = await newestDecision(db, meta.organisationId);
  const codes = await maxRowid(db, answerCodes);
  const coded = await maxRowid(db, codedAnswers);
  const respondents = await maxRowid(db, responses);
  return { responses: respondents, codedAnswers: coded, answerCodes: codes, jobs: recodes, reviewedAt };
}

/** Build the index of a questionnaire's respondents from scratch. */
export async function loadExplorer(db: Database, meta: ExploreMeta): Promise<LoadedExplorer> {
  const cursors = await currentCursors(db, meta);
  const loaded: LoadedExplorer = { meta, index: new ExploreIndex(Math.min(cursors.responses, 1 << 22) + 32), cursors };
  for (const dimension of meta.dimensions) loaded.index.declareDimension(dimension.key, dimension.kind);
  await addResponses(db, loaded, 0, cursors.responses);
  await markCoded(db, loaded.index, 0, cursors.codedAnswers);
  await addCodes(db, loaded.index, 0, cursors.answerCodes);
  return loaded;
}

/**
 * Bring a loaded index up to date. Returns false when it cannot be done
 * incrementally (a table's rowids went backwards, e.g. after VACUUM): load again.
 */
export async function refreshExplorer(db: Database, loaded: LoadedExplorer): Promise<boolean> {
  const { index, cursors: seen } = loaded;
  const now = await currentCursors(db, loaded.meta);
  if (now.answerCodes < seen.answerCodes || now.codedAnswers < seen.codedAnswers || now.responses < seen.responses) return false;

  await addResponses(db, loaded, seen.responses, now.responses);
  await markCoded(db, index, seen.codedAnswers, now.codedAnswers);
  const touched = new Map<string, Set<string>>();
  await answersWithNewCodes(db, index, seen.answerCodes, now.answerCodes, touched);
  for (const [id, cursor] of now.jobs) {
    const before = seen.jobs.get(id) ?? '';
    if (cursor > before) await answersRecoded(db, index, before, cursor, touched);
  }
  if (now.reviewedAt > 0) await answersDecided(db, index, loaded.meta.organisationId, seen.reviewedAt, now.reviewedAt, touched);
  await rereadCodes(db, index, touched);
  loaded.cursors = now;
  return true;
}
