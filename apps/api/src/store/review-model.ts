// The state of an organisation's trained model, as the review page shows it:
// which model codes its answers, how many decisions it learnt from, how many
// have come since, and the latest retraining.
import { type Database, organisationModels, reviewDecisions } from '@safer-voices/db';
import { and, count, eq, gt } from 'drizzle-orm';
import { coderFor } from '../coding/organisation-coder';
import { latestRetrainJob, MIN_EXAMPLES, RETRAIN_EVERY } from '../coding/retrain-job';

export interface ModelStatus {
  organisationId: string;
  /** null while the organisation's answers are coded with its codebook alone. */
  /** inUse is false when the codebook's themes changed since training: the codebook alone codes until it is retrained. */
  model: { version: string; codebookVersion: string; examples: number; trainedAt: string; inUse: boolean } | null;
  decisions: number;
  /** Decisions made since the model was trained (all of them when there is none). */
  newDecisions: number;
  retrainEvery: number;
  minExamples: number;
  retraining: { id: string; status: 'queued' | 'running' | 'done' | 'failed'; error: string | null; requestedAt: string; updatedAt: string } | null;
}

export interface ModelState {
  status: ModelStatus;
  /** Decisions since the latest retraining was asked for (or the model trained): what the automatic retraining counts. */
  decisionsSinceRequest: number;
}

async function decisionsSince(db: Database, organisationId: string, since: Date | null): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reviewDecisions)
    .where(and(eq(reviewDecisions.organisationId, organisationId), since ? gt(reviewDecisions.reviewedAt, since) : undefined));
  return row?.n ?? 0;
}

export async function modelState(db: Database, organisationId: string): Promise<ModelState> {
  const [model] = await db
    .select({ version: organisationModels.modelVersion, codebookVersion: organisationModels.codebookVersion, examples: organisationModels.examples, trainedAt: organisationModels.trainedAt })
    .from(organisationModels)
    .where(eq(organisationModels.organisationId, organisationId));
  const [job, coder] = await Promise.all([latestRetrainJob(db, organisationId), coderFor(db, organisationId)]);
  const trainedAt = model?.trainedAt ?? null;
  const requestedAt = job && (!trainedAt || job.createdAt > trainedAt) ? job.createdAt : trainedAt;
  const [decisions, newDecisions, decisionsSinceRequest] = await Promise.all([
    decisionsSince(db, organisationId, null),
    decisionsSince(db, organisationId, trainedAt),
    decisionsSince(db, organisationId, requestedAt)
  ]);
  return {
    status: {
      organisationId,
      model: model
        ? {
            version: model.version,
            codebookVersion: model.codebookVersion,
            examples: model.examples,
            trainedAt: model.trainedAt.toISOString(),
            inUse: coder.modelVersion === model.version
          }
        : null,
      decisions,
      newDecisions,
      retrainEvery: RETRAIN_EVERY,
      minExamples: MIN_EXAMPLES,
      retraining: job ? { id: job.id, status: job.status, error: job.error, requestedAt: job.createdAt.toISOString(), updatedAt: job.updatedAt.toISOString() } : null
    },
    decisionsSinceRequest
  };
}
