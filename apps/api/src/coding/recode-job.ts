// Re-coding a questionnaire's free-text answers with the current coder, as a
// resumable job. Each chunk's codes and the job's new cursor commit in one
// batch, so after a restart the job carries on from its cursor: nothing is
// skipped and nothing committed is coded again. One answer the coder fails on
// is stored as could not be coded (an answer coded before keeps its coding),
// a response that cannot be read is passed over, and when the chunk's writes
// fail together its responses are written one at a time before the cursor
// moves: no answer can fail the job. With several nodes, one process at a
// time works on a job (job-lease.ts), so each chunk is coded once.
import { type Database, type DatabaseHandle, jobs, newId, questionnaireVersions, responses } from '@safer-voices/db';
import type { Coder } from '@safer-voices/themes';
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { keepAnalystDecisions } from './analyst-codes';
import { type AnswerOutcome, byResponse, failedWith, isCoded, isFailed } from './code-answer';
import { type JobLeases, processLeases, stampAfter } from './job-lease';
import { storeCodingStatements } from './coding-statements';
import { storeFailureStatements } from './failure-statements';
import { readResponses, type StoredResponseRow, unreadable } from './free-text-answers';
import { codeForOrganisations } from './organisation-coder';
import { type ResponseWrite, writeOneByOne } from './write-one-by-one';

export const RECODE_JOB = 'recode_questionnaire';

export type Job = typeof jobs.$inferSelect;

/** Store a new background job, made now. */
export async function storeJob(
  db: Database,
  input: { organisationId: string; kind: string; params: Record<string, string>; status: Job['status']; total: number; createdBy: string | null },
  now = new Date()
): Promise<Job> {
  const [job] = await db
    .insert(jobs)
    .values({ id: newId(now.getTime()), ...input, createdAt: now, updatedAt: now })
    .returning();
  if (!job) throw new Error('The job was not stored');
  return job;
}

const versionsOf = (db: Database, questionnaireId: string) => db.select({ id: questionnaireVersions.id }).from(questionnaireVersions).where(eq(questionnaireVersions.questionnaireId, questionnaireId));

/**
 * A job over the responses stored when it is made. Later responses are coded
 * on arrival by the same current coder, so they need no re-coding.
 */
export async function createRecodeJob(db: Database, input: { organisationId: string; questionnaireId: string; createdBy: string }): Promise<Job> {
  const inQuestionnaire = inArray(responses.versionId, versionsOf(db, input.questionnaireId));
  const [{ total = 0 } = {}] = await db.select({ total: count() }).from(responses).where(inQuestionnaire);
  const [last] = await db.select({ id: responses.id }).from(responses).where(inQuestionnaire).orderBy(desc(responses.id)).limit(1);
  return storeJob(db, {
    organisationId: input.organisationId,
    kind: RECODE_JOB,
    params: { questionnaireId: input.questionnaireId, lastResponseId: last?.id ?? '' },
    status: total === 0 ? 'done' : 'queued',
    total,
    createdBy: input.createdBy
  });
}

export interface JobChunkOptions {
  limit?: number;
  /** One coder for every answer; by default the organisation's own (organisation-coder.ts). */
  coder?: Coder;
  /** The jobs this process holds; one set per process (a test may play two processes). */
  leases?: JobLeases;
  now?: Date;
}

/**
 * Do the next chunk of the oldest unfinished re-coding job this process holds
 * or may take; null when there is none (another process may be working on one).
 */
export async function runRecodeChunk(database: Pick<DatabaseHandle, 'db'>, { limit = 200, coder, leases = processLeases, now = new Date() }: JobChunkOptions = {}): Promise<Job | null> {
  const { db } = database;
  const unfinished = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, RECODE_JOB), inArray(jobs.status, ['queued', 'running'])))
    .orderBy(asc(jobs.createdAt));
  for (const job of unfinished) {
    const mine = leases.holds(job) ? job : leases.free(job, now) ? await leases.take(db, job, now) : null;
    if (!mine) continue;
    try {
      return await recodeNextChunk(db, mine, limit, coder, leases);
    } catch (error) {
      throw new JobChunkError(mine.id, error);
    }
  }
  return null;
}

/** A chunk of this job failed; the background coder counts these per job. */
export class JobChunkError extends Error {
  constructor(
    readonly jobId: string,
    cause: unknown
  ) {
    super(`Job ${jobId}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** A chunk of the job's responses, with their answers as stored text (parsed one by one later). */
function nextResponses(db: Database, job: Job, limit: number): Promise<StoredResponseRow[]> {
  const { questionnaireId = '', lastResponseId = '' } = job.params;
  const versions = db.select({ id: questionnaireVersions.id }).from(questionnaireVersions).where(eq(questionnaireVersions.questionnaireId, questionnaireId));
  return (
    db
      // The answers as stored text, not through the column's JSON mapping: readResponses parses them one by one.
      .select({ id: responses.id, versionId: responses.versionId, answers: sql<unknown>`${responses.answers}` })
      .from(responses)
      .where(and(inArray(responses.versionId, versions), gt(responses.id, job.cursor ?? ''), lte(responses.id, lastResponseId)))
      .orderBy(responses.id)
      .limit(limit)
  );
}

function writesOf(db: Database, responseId: string, outcomes: AnswerOutcome[], now: Date): ResponseWrite {
  return {
    responseId,
    store: [...storeCodingStatements(db, outcomes.filter(isCoded), now), ...storeFailureStatements(db, outcomes.filter(isFailed), now)],
    storeFailure: (reason) =>
      storeFailureStatements(
        db,
        outcomes.map((o) => failedWith(o, reason)),
        now
      )
  };
}

async function recodeNextChunk(db: Database, job: Job, limit: number, coder: Coder | undefined, leases: JobLeases): Promise<Job> {
  const { lastResponseId = '' } = job.params;
  const rows = await nextResponses(db, job, limit);
  const now = new Date();
  const finished = rows.length < limit || rows.at(-1)?.id === lastResponseId;
  const cursor = rows.at(-1)?.id ?? job.cursor;
  // Only the holder of the lease moves the cursor on, and only from where it read it:
  // should a stalled holder and the process that took the job over both do this chunk, it counts once.
  const progress = db
    .update(jobs)
    .set({
      done: job.done + rows.length,
      cursor,
      status: finished ? 'done' : 'running',
      startedAt: job.startedAt ?? now,
      updatedAt: stampAfter(job.updatedAt, now),
      error: null
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.updatedAt, job.updatedAt), job.cursor === null ? isNull(jobs.cursor) : eq(jobs.cursor, job.cursor)))
    .returning();
  const readings = await readResponses(db, rows);
  // Coded on arrival already (or marked there as unreadable): the job leaves such a response as it is.
  for (const reading of readings) if (unreadable(reading)) console.error(`Re-coding job ${job.id} passed over response ${reading.responseId}: ${reading.error}`);
  const answers = readings.flatMap((r) => (unreadable(r) ? [] : r.answers));
  // Answers an analyst has decided keep the analyst's themes.
  const outcomes = await keepAnalystDecisions(db, await codeForOrganisations(db, answers, coder));
  const outcomesOf = byResponse(outcomes);
  const writes = [...outcomesOf].map(([responseId, own]) => writesOf(db, responseId, own, now));
  let updated: Job[];
  try {
    [updated] = await db.batch([progress, ...writes.flatMap((w) => w.store)]);
  } catch (error) {
    console.error(`Re-coding job ${job.id}: storing a chunk failed; storing its responses one at a time`, error);
    await writeOneByOne(db, writes);
    [updated] = await db.batch([progress]);
  }
  const [moved] = updated;
  // Not moved on: another process took the job over meanwhile, and carries on with it.
  if (moved) leases.remember(moved);
  else leases.forget(job.id);
  return moved ?? job;
}

/**
 * Record a failure; with giveUp the job stops as failed, otherwise the next
 * chunk tries again. A job this process holds stays with it (and is left as
 * it is if another process has taken it over meanwhile).
 */
export async function recordJobError(db: Database, jobId: string, error: unknown, giveUp: boolean, leases: JobLeases = processLeases) {
  const message = error instanceof Error ? error.message : String(error);
  const stamp = leases.stampOf(jobId);
  const now = new Date();
  const [recorded] = await db
    .update(jobs)
    .set({
      error: message.slice(0, 500),
      updatedAt: stamp ? stampAfter(stamp, now) : now,
      ...(giveUp ? { status: 'failed' as const } : {})
    })
    .where(and(eq(jobs.id, jobId), or(eq(jobs.status, 'queued'), eq(jobs.status, 'running')), stamp ? eq(jobs.updatedAt, stamp) : undefined))
    .returning();
  if (recorded && stamp) leases.remember(recorded);
}

/** What a progress bar needs; secondsLeft is estimated from the rate so far. */
export function jobProgress(job: Job, now = Date.now()) {
  let secondsLeft: number | null = null;
  if (job.status === 'done') secondsLeft = 0;
  else if (job.startedAt && job.done > 0) {
    const rate = job.done / Math.max((job.updatedAt.getTime() - job.startedAt.getTime()) / 1000, 0.001);
    const sinceUpdate = (now - job.updatedAt.getTime()) / 1000;
    secondsLeft = Math.max(0, Math.ceil((job.total - job.done) / rate - sinceUpdate));
  }
  return {
    id: job.id,
    kind: job.kind,
    questionnaireId: job.params.questionnaireId ?? null,
    status: job.status,
    done: job.done,
    total: job.total,
    secondsLeft,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString()
  };
}
