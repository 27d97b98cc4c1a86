// Retraining an organisation's model from its analysts' review decisions, as
// a background job: training takes about 2 s of CPU for 5,000 answers, so it
// never runs while a request waits. The background coder runs queued jobs;
// the trained model is stored in organisation_models, and the organisation's
// coder picks it up (organisation-coder.ts).
import { type Database, type DatabaseHandle, jobs, organisationModels, responses, reviewDecisions, safeguardingFlags, textOfJson } from '@safer-voices/db';
import { type TrainingExample, trainInSlices } from '@safer-voices/themes';
import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { answerJson } from '../store/answer-json';
import { currentCodebook } from '../store/codebooks';
import { versionFacts } from './free-text-answers';
import { forgetOrganisationCoder } from './organisation-coder';
import { type Job, recordJobError, storeJob } from './recode-job';

export const RETRAIN_JOB = 'retrain_model';
/** Every this many new decisions, the organisation's model is retrained by itself. */
export const RETRAIN_EVERY = 25;
/** Fewer decisions than this teach the model nothing worth the change. */
export const MIN_EXAMPLES = 10;
// A job left "running" this long was on a process that stopped; another may take it.
const ABANDONED_AFTER_MS = 10 * 60_000;

const unfinished = inArray(jobs.status, ['queued', 'running']);

export async function latestRetrainJob(db: Database, organisationId: string): Promise<Job | undefined> {
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.organisationId, organisationId), eq(jobs.kind, RETRAIN_JOB)))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(1);
  return job;
}

/** Queue a retraining, or hand back the one already waiting or running. */
export async function requestRetrain(db: Database, input: { organisationId: string; createdBy: string | null; decisions: number }): Promise<{ job: Job; created: boolean }> {
  const [waiting] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.organisationId, input.organisationId), eq(jobs.kind, RETRAIN_JOB), unfinished))
    .limit(1);
  if (waiting) return { job: waiting, created: false };
  const job = await storeJob(db, { organisationId: input.organisationId, kind: RETRAIN_JOB, params: {}, status: 'queued', total: input.decisions, createdBy: input.createdBy });
  return { job, created: true };
}

/**
 * Every review decision of the organisation as a training example. The
 * analyst decides themes only; whether an answer is a safeguarding concern
 * comes from its flag (raised by the coder, unless the safeguarding lead
 * found no action was needed), as exampleFromReview keeps the coder's flag.
 */
export async function trainingExamplesOf(db: Database, organisationId: string): Promise<TrainingExample[]> {
  const rows = await db
    .select({
      versionId: responses.versionId,
      questionId: reviewDecisions.questionId,
      themes: reviewDecisions.themes,
      flagStatus: safeguardingFlags.status,
      text: answerJson(responses.answers, reviewDecisions.questionId)
    })
    .from(reviewDecisions)
    .innerJoin(responses, eq(responses.id, reviewDecisions.responseId))
    .leftJoin(safeguardingFlags, and(eq(safeguardingFlags.responseId, reviewDecisions.responseId), eq(safeguardingFlags.questionId, reviewDecisions.questionId)))
    .where(eq(reviewDecisions.organisationId, organisationId))
    .orderBy(reviewDecisions.responseId, reviewDecisions.questionId);
  const examples: TrainingExample[] = [];
  for (const row of rows) {
    const text = textOfJson(row.text);
    if (text === undefined || text.trim() === '') continue;
    const facts = await versionFacts(db, row.versionId);
    const question = facts?.freeTextQuestions.find((q) => q.id === row.questionId)?.label;
    examples.push({
      text,
      question,
      themes: row.themes,
      safeguarding: row.flagStatus !== null && row.flagStatus !== 'no_action'
    });
  }
  return examples;
}

/** Take the oldest waiting retraining, so no other process does it too. */
async function claimNext(db: Database, now: Date): Promise<Job | null> {
  const candidates = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, RETRAIN_JOB), or(eq(jobs.status, 'queued'), and(eq(jobs.status, 'running'), lt(jobs.updatedAt, new Date(now.getTime() - ABANDONED_AFTER_MS))))))
    .orderBy(asc(jobs.createdAt))
    .limit(1);
  const job = candidates[0];
  if (!job) return null;
  const [claimed] = await db
    .update(jobs)
    .set({ status: 'running', startedAt: now, updatedAt: now, error: null })
    .where(and(eq(jobs.id, job.id), eq(jobs.status, job.status), eq(jobs.updatedAt, job.updatedAt)))
    .returning();
  return claimed ?? null;
}

/** Train and store one waiting organisation's model; null when nothing is waiting. */
export async function runRetrainJob(database: Pick<DatabaseHandle, 'db'>, now = new Date()): Promise<Job | null> {
  const { db } = database;
  const job = await claimNext(db, now);
  if (!job) return null;
  try {
    const examples = await trainingExamplesOf(db, job.organisationId);
    if (examples.length === 0) throw new Error('There are no review decisions to learn from');
    const { codebook } = await currentCodebook(db, job.organisationId);
    // In slices: the server keeps answering while a large model trains (about 2 s for 5,000 decisions).
    const model = await trainInSlices(examples, codebook);
    const trainedAt = new Date();
    const stored = {
      modelVersion: model.version,
      model,
      codebookVersion: model.codebookVersion,
      examples: examples.length,
      trainedAt
    };
    const [[finished]] = await db.batch([
      db.update(jobs).set({ status: 'done', total: examples.length, done: examples.length, updatedAt: trainedAt, error: null }).where(eq(jobs.id, job.id)).returning(),
      db
        .insert(organisationModels)
        .values({ organisationId: job.organisationId, ...stored })
        .onConflictDoUpdate({ target: organisationModels.organisationId, set: stored })
    ]);
    forgetOrganisationCoder(job.organisationId);
    return finished ?? job;
  } catch (error) {
    console.error(`Retraining the model of organisation ${job.organisationId} failed`, error);
    await recordJobError(db, job.id, error, true);
    return { ...job, status: 'failed' };
  }
}
