// The rules of a double-coding round. An analyst draws a random sample of a
// questionnaire's coded answers; two or more analysts each code it blind
// (they see only the redacted answer and the theme checklist, never anyone
// else's labels or the machine's); once two have finished, the results
// compare them theme by theme with Cohen's kappa, and each of them with the
// machine. From then on nobody new may join (they would no longer be blind),
// labels are final, and anyone still coding sees the results only when they
// have finished too. Until then a coder may change their own labels.
import { type Database, newId } from '@safer-voices/db';
import { redactedAnswer } from '@safer-voices/insights';
import type { Codebook } from '@safer-voices/themes';
import { auditStatement } from '../auth/audit';
import { ApiError } from '../errors';
import { currentCodebook } from '../store/codebooks';
import {
  type CoderProgress,
  closeRoundStatement,
  coderProgress,
  findItem,
  findRound,
  hasLabel,
  itemCount,
  labelStatement,
  labelsOf,
  newRoundStatements,
  nextItemFor,
  questionnairesWithCodedAnswers,
  type Round,
  roundItems,
  sampleCodedAnswers,
  versionTitle
} from '../store/double-coding';
import { type Coding, compare, itemKey } from '../store/double-coding-agreement';
import type { AnalysedQuestionnaire } from '../store/analysed-questionnaire';
import { staffRedactionTerms } from '../store/redaction-terms';
import { chosenThemes, themeChoices } from '../store/review-view';
import { versionFacts } from './free-text-answers';
import { coderFor } from './organisation-coder';

export const MIN_SAMPLE = 5;
export const MAX_SAMPLE = 500;
/** Coders need at least this many finished to compare. */
export const CODERS_FOR_RESULTS = 2;

/** What anyone may know about a round: its size and everyone's progress, never anyone's labels. */
export interface RoundSummary {
  id: string;
  name: string;
  questionnaireId: string;
  questionnaireTitle: string;
  sampleSize: number;
  createdAt: string;
  coders: { name: string; done: number; finished: boolean; you: boolean }[];
  you: { done: number; finished: boolean };
  resultsReady: boolean;
  /** Results are out: nobody who has not started may join. */
  closed: boolean;
  /** Whether this person may see the results now (not while they are still coding). */
  canSeeResults: boolean;
}

/** The round as this person may see it, from the sample size and everyone's progress. */
export function summariseRound(round: Round, title: string, total: number, progress: readonly CoderProgress[], whoId: string): RoundSummary {
  const finished = progress.filter((p) => p.done >= total);
  const mine = progress.find((p) => p.staffId === whoId)?.done ?? 0;
  const resultsReady = finished.length >= CODERS_FOR_RESULTS;
  return {
    id: round.id,
    name: round.name,
    questionnaireId: round.questionnaireId,
    questionnaireTitle: title,
    sampleSize: total,
    createdAt: round.createdAt.toISOString(),
    coders: progress.map((p) => ({ name: p.name, done: p.done, finished: p.done >= total, you: p.staffId === whoId })),
    you: { done: mine, finished: mine >= total },
    resultsReady,
    closed: resultsReady || round.closedAt !== null,
    canSeeResults: resultsReady && (mine === 0 || mine >= total)
  };
}

/** Whether this person is handed an answer to code: not once finished, nor to join a closed round. */
export const mayCode = (summary: RoundSummary) => !summary.you.finished && !(summary.closed && summary.you.done === 0);

/** Why this person may not store a label now (a first one, or a change to their own), or null. */
export function labelRefusal(summary: RoundSummary, relabel: boolean): ApiError | null {
  if (summary.closed && summary.you.done === 0) return new ApiError(409, 'round_closed', 'The results of this round are out, so it is closed to new coders.');
  if (summary.closed && relabel) return new ApiError(409, 'label_final', 'The results of this round are out, so labels can no longer be changed.');
  return null;
}

/** Why this person may not see the results now, or null. */
export function resultsRefusal(summary: RoundSummary): ApiError | null {
  if (!summary.resultsReady) return new ApiError(409, 'results_not_ready', 'Results are shown once two analysts have coded every answer in the round.');
  if (!summary.canSeeResults) return new ApiError(409, 'finish_coding_first', 'Finish coding your sample first: results stay hidden while you code, so your coding stays blind.');
  return null;
}

export async function roundSummary(db: Database, round: Round, whoId: string, title?: string): Promise<RoundSummary> {
  const [total, progress, questionnaireTitle] = await Promise.all([itemCount(db, round.id), coderProgress(db, round.id), title ?? versionTitle(db, round.questionnaireId)]);
  return summariseRound(round, questionnaireTitle, total, progress, whoId);
}

/** Draw a round's sample from the questionnaire's coded answers; refused when fewer are coded than asked for. */
export async function createRound(db: Database, questionnaire: AnalysedQuestionnaire, input: { name: string; sampleSize: number; createdBy: string }): Promise<Round> {
  const [withCodes] = (await questionnairesWithCodedAnswers(db, [questionnaire.organisationId])).filter((q) => q.id === questionnaire.id);
  const coded = withCodes?.codedAnswers ?? 0;
  if (coded < input.sampleSize) {
    const message = coded === 0 ? 'No answers to this questionnaire are coded yet' : `Only ${coded} answers to this questionnaire are coded: choose ${coded} or fewer`;
    throw new ApiError(400, 'invalid_request', message, [{ field: 'sampleSize', message }]);
  }
  const sample = await sampleCodedAnswers(db, questionnaire.id, input.sampleSize);
  const round = { id: newId(), organisationId: questionnaire.organisationId, questionnaireId: questionnaire.id, name: input.name, createdBy: input.createdBy };
  await db.batch([
    ...newRoundStatements(db, round, sample),
    auditStatement(db, {
      organisationId: round.organisationId,
      actorStaffId: input.createdBy,
      action: 'double_coding.round_created',
      target: { type: 'double_coding_round', id: round.id },
      detail: { questionnaireId: round.questionnaireId, sampleSize: sample.length }
    })
  ]);
  const stored = await findRound(db, round.id);
  if (!stored) throw new Error('The round was not stored');
  return stored;
}

/** The round as this person codes it: the next answer they have not coded (only the answer and its question), and the theme checklist. */
export async function codingView(db: Database, round: Round, whoId: string) {
  const summary = await roundSummary(db, round, whoId);
  const next = mayCode(summary) ? await nextItemFor(db, round.id, whoId) : undefined;
  let item = null;
  if (next) {
    const [terms, facts] = await Promise.all([staffRedactionTerms(db, round.organisationId), versionFacts(db, next.versionId)]);
    // Only the answer and its question: no suggestions, no one else's themes.
    item = {
      responseId: next.responseId,
      questionId: next.questionId,
      number: next.position,
      question: facts?.freeTextQuestions.find((q) => q.id === next.questionId)?.label ?? next.questionId,
      text: redactedAnswer(next.text, terms).text
    };
  }
  const { codebook } = await currentCodebook(db, round.organisationId);
  return { round: summary, item, themes: themeChoices(codebook) };
}

/**
 * Store this person's themes for one answer of the round (or change them,
 * while the results are not out). The round closes when the second coder
 * finishes. Returns the round as they now see it.
 */
export async function recordLabel(db: Database, round: Round, whoId: string, input: { responseId: string; questionId: string; themes: string[] }): Promise<RoundSummary> {
  const item = await findItem(db, round.id, input.responseId, input.questionId);
  if (!item) throw new ApiError(404, 'item_not_found', 'That answer is not in this round');
  const { codebook } = await currentCodebook(db, round.organisationId);
  const themes = chosenThemes(codebook, input.themes);

  const before = await roundSummary(db, round, whoId);
  const relabel = await hasLabel(db, round.id, item, whoId);
  const refusal = labelRefusal(before, relabel);
  if (refusal) throw refusal;

  const now = new Date();
  const finishing = !relabel && before.you.done + 1 === before.sampleSize;
  await db.batch([
    labelStatement(db, { roundId: round.id, responseId: item.responseId, questionId: item.questionId, staffId: whoId, themes, codedAt: now }),
    ...(finishing ? [auditStatement(db, { organisationId: round.organisationId, actorStaffId: whoId, action: 'double_coding.finished', target: { type: 'double_coding_round', id: round.id } })] : [])
  ]);
  const after = await roundSummary(db, round, whoId, before.questionnaireTitle);
  if (after.resultsReady && round.closedAt === null) await closeRoundStatement(db, round.id, now);
  return after;
}

/** The agreement between every pair of finished coders, and of each with the machine; refused until this person may see them. */
export async function roundResults(db: Database, round: Round, whoId: string) {
  const summary = await roundSummary(db, round, whoId);
  const refusal = resultsRefusal(summary);
  if (refusal) throw refusal;
  const [items, progress, { codebook }, coder] = await Promise.all([
    roundItems(db, round.id),
    coderProgress(db, round.id),
    currentCodebook(db, round.organisationId),
    coderFor(db, round.organisationId)
  ]);
  const finished = progress.filter((p) => p.done >= items.length);
  const labels = await labelsOf(
    db,
    round.id,
    finished.map((p) => p.staffId)
  );
  const codings = new Map<string, Map<string, Set<string>>>(finished.map((p) => [p.staffId, new Map()]));
  for (const label of labels) codings.get(label.staffId)?.set(itemKey(label), new Set(label.themes));
  // The machine as it codes today: every answer coded afresh by the organisation's coder ("yes" means present).
  const machine: Coding = new Map();
  for (const item of items) {
    const facts = await versionFacts(db, item.versionId);
    const question = facts?.freeTextQuestions.find((q) => q.id === item.questionId)?.label;
    const coding = coder.code(item.text, { question });
    machine.set(itemKey(item), new Set(coding.themes.filter((t) => t.decision === 'yes').map((t) => t.id)));
  }
  const themes = comparedThemes(codebook, labels);
  const keys = items.map(itemKey);
  const people = finished.map((p) => ({ name: p.name, coding: codings.get(p.staffId) ?? (new Map() as Coding) }));
  const comparisons = [
    ...people.flatMap((a, i) => people.slice(i + 1).map((b) => compare('analysts', a, b, keys, themes))),
    ...people.map((person) => compare('machine', person, { name: 'the coder', coding: machine }, keys, themes))
  ];
  return { round: summary, n: items.length, machineModel: coder.modelVersion, comparisons };
}

/** Active themes, then any a coder used that has since been retired. */
function comparedThemes(codebook: Codebook, labels: readonly { themes: string[] }[]) {
  const active = themeChoices(codebook);
  const used = new Set(labels.flatMap((l) => l.themes));
  const labelsById = new Map(codebook.themes.map((t) => [t.id, t.label]));
  return [...active, ...[...used].filter((id) => !active.some((t) => t.id === id)).map((id) => ({ id, label: labelsById.get(id) ?? id }))];
}
