// An analyst's decision on a coded answer, and what follows from it: the
// answer's codes are replaced at once (so figures count it), it is audited,
// and every RETRAIN_EVERY new decisions the organisation's model is queued
// for retraining in the background. Retraining may also be asked for by
// hand, once there are MIN_EXAMPLES decisions to learn from.
import { type Database, reviewDecisions } from '@safer-voices/db';
import { codebookVersion } from '@safer-voices/themes';
import { auditStatement } from '../auth/audit';
import { analystCoding } from '../coding/analyst-codes';
import { storeCodingStatements } from '../coding/coding-statements';
import { MIN_EXAMPLES, RETRAIN_EVERY, requestRetrain } from '../coding/retrain-job';
import { ApiError } from '../errors';
import { currentCodebook } from './codebooks';
import { modelState } from './review-model';
import { type CodedAnswerFacts, storedCodesOf } from './review-queue';
import { chosenThemes } from './review-view';

/** Store the analyst's themes for the answer; the themes must be active in the organisation's codebook. */
export async function recordDecision(db: Database, answer: CodedAnswerFacts, chosen: readonly string[], staffId: string) {
  const { codebook } = await currentCodebook(db, answer.organisationId);
  const themes = chosenThemes(codebook, chosen);
  const suggested = await storedCodesOf(db, [answer]);
  const coding = analystCoding(themes, codebookVersion(codebook), { themes: suggested.map((s) => ({ id: s.themeId, evidence: s.evidence })) });
  const reviewedAt = new Date();
  const decision = { responseId: answer.responseId, questionId: answer.questionId, organisationId: answer.organisationId, themes, reviewedBy: staffId, reviewedAt };
  // The decision, the answer's codes (so figures count it at once) and the audit entry commit together.
  await db.batch([
    db
      .insert(reviewDecisions)
      .values(decision)
      .onConflictDoUpdate({ target: [reviewDecisions.responseId, reviewDecisions.questionId], set: { themes, reviewedBy: staffId, reviewedAt } }),
    ...storeCodingStatements(db, [{ ...answer, questionLabel: '', coding }], reviewedAt),
    auditStatement(db, {
      organisationId: answer.organisationId,
      actorStaffId: staffId,
      action: 'review.decided',
      target: { type: 'questionnaire', id: answer.questionnaireId },
      detail: { responseId: answer.responseId, questionId: answer.questionId, themes, suggested: suggested.filter((s) => s.decision === 'yes').map((s) => s.themeId) }
    })
  ]);
  const retrainingQueued = await retrainIfDue(db, answer.organisationId, staffId);
  return { decision: { responseId: answer.responseId, questionId: answer.questionId, themes, reviewedAt: reviewedAt.toISOString() }, retrainingQueued };
}

/** Every RETRAIN_EVERY new decisions, queue a retraining unless one is waiting or running; whether one was queued. */
export async function retrainIfDue(db: Database, organisationId: string, staffId: string): Promise<boolean> {
  const state = await modelState(db, organisationId);
  const busy = state.status.retraining?.status === 'queued' || state.status.retraining?.status === 'running';
  if (state.decisionsSinceRequest < RETRAIN_EVERY || busy) return false;
  const { job, created } = await requestRetrain(db, { organisationId, createdBy: staffId, decisions: state.status.decisions });
  if (created) {
    await auditStatement(db, { organisationId, actorStaffId: staffId, action: 'review.retrain_requested', target: { type: 'job', id: job.id }, detail: { automatic: true } });
  }
  return created;
}

/** Retraining asked for by hand: refused (409) with fewer than MIN_EXAMPLES decisions; whether a new job was queued. */
export async function retrainOnRequest(db: Database, organisationId: string, staffId: string): Promise<boolean> {
  const { status } = await modelState(db, organisationId);
  if (status.decisions < MIN_EXAMPLES) {
    throw new ApiError(409, 'too_few_decisions', `Retraining needs at least ${MIN_EXAMPLES} review decisions; there ${status.decisions === 1 ? 'is 1' : `are ${status.decisions}`} so far.`);
  }
  const { job, created } = await requestRetrain(db, { organisationId, createdBy: staffId, decisions: status.decisions });
  if (created) await auditStatement(db, { organisationId, actorStaffId: staffId, action: 'review.retrain_requested', target: { type: 'job', id: job.id }, detail: { automatic: false } });
  return created;
}
