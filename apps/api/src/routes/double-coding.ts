// Double coding: an analyst draws a random sample of a questionnaire's coded
// answers; two or more analysts each code it blind (they see only the
// redacted answer and the theme checklist, never anyone else's labels or the
// machine's); once two have finished, the results compare them theme by theme
// with Cohen's kappa, and each of them with the machine. From then on nobody
// new may join (they would no longer be blind), and anyone still coding sees
// the results only when they have finished too.
import { type Database, textOfJson } from '@safer-voices/db';
import { activeThemes } from '@safer-voices/themes';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { auditStatement } from '../auth/audit';
import type { SignedInStaff } from '../auth/guards';
import { requirePolicy } from '../policies/guard';
import { canReach, reachableOrganisationIds } from '../auth/scope';
import { versionFacts } from '../coding/free-text-answers';
import { coderFor } from '../coding/organisation-coder';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { uuidv7 } from '../ingest/ids';
import { currentCodebook } from '../store/codebooks';
import { questionnaireForInsights } from '../store/insights-themes';
import {
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
  roundsOf,
  sampleCodedAnswers
} from '../store/double-coding';
import { type Coding, compare, itemKey } from '../store/double-coding-agreement';
import { settingsOf } from '../store/organisation-settings';
import { redactedAnswer } from '@safer-voices/insights';
import { themeChoices } from '../store/review-view';
import { validate } from '../validation';

const coders = requirePolicy('answer', 'review');
const IdSchema = z.string().min(1).max(100);
const IdParam = z.object({ id: IdSchema });
export const MIN_SAMPLE = 5;
export const MAX_SAMPLE = 500;
const NewRoundSchema = z.strictObject({
  questionnaireId: IdSchema,
  name: z.string().trim().min(1, 'Enter a name for the round').max(120, 'The name must be 120 characters or fewer'),
  sampleSize: z.number().int('Enter a whole number').min(MIN_SAMPLE, `Sample at least ${MIN_SAMPLE} answers`).max(MAX_SAMPLE, `Sample at most ${MAX_SAMPLE} answers`)
});
const LabelSchema = z.strictObject({ responseId: IdSchema, questionId: IdSchema, themes: z.array(IdSchema).max(100) });

const roundNotFound = () => new ApiError(404, 'round_not_found', 'There is no such double-coding round');

/** Coders need at least this many finished to compare. */
const CODERS_FOR_RESULTS = 2;

async function reachableRound(db: Database, who: SignedInStaff, id: string): Promise<Round> {
  const round = await findRound(db, id);
  if (!round || !(await canReach(db, who, round.organisationId))) throw roundNotFound();
  return round;
}

/** What anyone may know about a round: its size and everyone's progress, never anyone's labels. */
async function roundSummary(db: Database, round: Round, who: SignedInStaff, title?: string) {
  const [total, progress] = await Promise.all([itemCount(db, round.id), coderProgress(db, round.id)]);
  const finished = progress.filter((p) => p.done >= total);
  const mine = progress.find((p) => p.staffId === who.id)?.done ?? 0;
  const resultsReady = finished.length >= CODERS_FOR_RESULTS;
  return {
    id: round.id,
    name: round.name,
    questionnaireId: round.questionnaireId,
    questionnaireTitle: title ?? (await versionTitle(db, round.questionnaireId)),
    sampleSize: total,
    createdAt: round.createdAt.toISOString(),
    coders: progress.map((p) => ({ name: p.name, done: p.done, finished: p.done >= total, you: p.staffId === who.id })),
    you: { done: mine, finished: mine >= total },
    resultsReady,
    /** Results are out: nobody who has not started may join. */
    closed: resultsReady || round.closedAt !== null,
    /** Whether this person may see the results now (not while they are still coding). */
    canSeeResults: resultsReady && (mine === 0 || mine >= total)
  };
}

async function versionTitle(db: Database, questionnaireId: string): Promise<string> {
  const [row] = await db.all<{ title: unknown }>(sql`SELECT definition -> '$.title' AS title FROM questionnaire_versions WHERE questionnaire_id = ${questionnaireId} ORDER BY version DESC LIMIT 1`);
  return textOfJson(row?.title) ?? questionnaireId;
}

async function activeThemeIds(db: Database, organisationId: string) {
  const { codebook } = await currentCodebook(db, organisationId);
  return { codebook, active: new Set(activeThemes(codebook).map((t) => t.id)) };
}

export const doubleCodingRoute = new Hono<Env>()
  .get('/rounds', coders, async (c) => {
    const { db } = c.var;
    const who = c.var.staff;
    const organisationIds = await reachableOrganisationIds(db, who);
    const [rounds, questionnaires] = await Promise.all([roundsOf(db, organisationIds), questionnairesWithCodedAnswers(db, organisationIds)]);
    const titles = new Map(questionnaires.map((q) => [q.id, q.title]));
    return c.json({
      rounds: await Promise.all(rounds.map((r) => roundSummary(db, r, who, titles.get(r.questionnaireId)))),
      questionnaires,
      minSample: MIN_SAMPLE,
      maxSample: MAX_SAMPLE
    });
  })
  .post('/rounds', coders, validate('json', NewRoundSchema), async (c) => {
    const { db } = c.var;
    const who = c.var.staff;
    const body = c.req.valid('json');
    const questionnaire = await questionnaireForInsights(db, body.questionnaireId);
    if (!questionnaire || !(await canReach(db, who, questionnaire.organisationId))) throw new ApiError(404, 'questionnaire_not_found', 'There is no such questionnaire');
    const [withCodes] = (await questionnairesWithCodedAnswers(db, [questionnaire.organisationId])).filter((q) => q.id === questionnaire.id);
    const coded = withCodes?.codedAnswers ?? 0;
    if (coded < body.sampleSize) {
      const message = coded === 0 ? 'No answers to this questionnaire are coded yet' : `Only ${coded} answers to this questionnaire are coded: choose ${coded} or fewer`;
      throw new ApiError(400, 'invalid_request', message, [{ field: 'sampleSize', message }]);
    }
    const sample = await sampleCodedAnswers(db, questionnaire.id, body.sampleSize);
    const round = { id: uuidv7(), organisationId: questionnaire.organisationId, questionnaireId: questionnaire.id, name: body.name, createdBy: who.id };
    await db.batch([
      ...newRoundStatements(db, round, sample),
      auditStatement(db, {
        organisationId: round.organisationId,
        actorStaffId: who.id,
        action: 'double_coding.round_created',
        target: { type: 'double_coding_round', id: round.id },
        detail: { questionnaireId: round.questionnaireId, sampleSize: sample.length }
      })
    ]);
    const stored = await reachableRound(db, who, round.id);
    return c.json({ round: await roundSummary(db, stored, who, questionnaire.title) }, 201);
  })
  .get('/rounds/:id', coders, validate('param', IdParam), async (c) => {
    const { db } = c.var;
    const who = c.var.staff;
    const round = await reachableRound(db, who, c.req.valid('param').id);
    const summary = await roundSummary(db, round, who);
    const mayCode = !summary.you.finished && !(summary.closed && summary.you.done === 0);
    const next = mayCode ? await nextItemFor(db, round.id, who.id) : undefined;
    let item = null;
    if (next) {
      const [settings, facts] = await Promise.all([settingsOf(db, round.organisationId), versionFacts(db, next.versionId)]);
      // Only the answer and its question: no suggestions, no one else's themes.
      item = {
        responseId: next.responseId,
        questionId: next.questionId,
        number: next.position,
        question: facts?.freeTextQuestions.find((q) => q.id === next.questionId)?.label ?? next.questionId,
        text: redactedAnswer(next.text, settings.redactionTerms).text
      };
    }
    const { codebook } = await activeThemeIds(db, round.organisationId);
    return c.json({ round: summary, item, themes: themeChoices(codebook) });
  })
  .put('/rounds/:id/labels', coders, validate('param', IdParam), validate('json', LabelSchema), async (c) => {
    const { db } = c.var;
    const who = c.var.staff;
    const round = await reachableRound(db, who, c.req.valid('param').id);
    const body = c.req.valid('json');
    const item = await findItem(db, round.id, body.responseId, body.questionId);
    if (!item) throw new ApiError(404, 'item_not_found', 'That answer is not in this round');
    const { active } = await activeThemeIds(db, round.organisationId);
    const issues = body.themes.flatMap((id, i) => (active.has(id) ? [] : [{ field: `themes.${i}`, message: `“${id}” is not one of your organisation's themes` }]));
    if (issues.length > 0) throw new ApiError(400, 'invalid_request', "Choose themes from your organisation's codebook", issues);

    const before = await roundSummary(db, round, who);
    const relabel = await hasLabel(db, round.id, item, who.id);
    if (before.closed && before.you.done === 0) throw new ApiError(409, 'round_closed', 'The results of this round are out, so it is closed to new coders.');
    if (before.closed && relabel) throw new ApiError(409, 'label_final', 'The results of this round are out, so labels can no longer be changed.');

    const now = new Date();
    const finishing = !relabel && before.you.done + 1 === before.sampleSize;
    await db.batch([
      labelStatement(db, { roundId: round.id, responseId: item.responseId, questionId: item.questionId, staffId: who.id, themes: [...new Set(body.themes)], codedAt: now }),
      ...(finishing
        ? [auditStatement(db, { organisationId: round.organisationId, actorStaffId: who.id, action: 'double_coding.finished', target: { type: 'double_coding_round', id: round.id } })]
        : [])
    ]);
    const after = await roundSummary(db, round, who);
    if (after.resultsReady && round.closedAt === null) await closeRoundStatement(db, round.id, now);
    return c.json({ round: after });
  })
  .get('/rounds/:id/results', coders, validate('param', IdParam), async (c) => {
    const { db } = c.var;
    const who = c.var.staff;
    const round = await reachableRound(db, who, c.req.valid('param').id);
    const summary = await roundSummary(db, round, who);
    if (!summary.resultsReady) throw new ApiError(409, 'results_not_ready', 'Results are shown once two analysts have coded every answer in the round.');
    if (!summary.canSeeResults) throw new ApiError(409, 'finish_coding_first', 'Finish coding your sample first: results stay hidden while you code, so your coding stays blind.');
    return c.json(await roundResults(db, round, summary));
  });

async function roundResults(db: Database, round: Round, summary: Awaited<ReturnType<typeof roundSummary>>) {
  const [items, progress, { codebook }, coder] = await Promise.all([
    roundItems(db, round.id),
    coderProgress(db, round.id),
    activeThemeIds(db, round.organisationId),
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
  const active = themeChoices(codebook);
  const used = new Set(labels.flatMap((l) => l.themes));
  const labelsById = new Map(codebook.themes.map((t) => [t.id, t.label]));
  // Active themes, then any a coder used that has since been retired.
  const themes = [...active, ...[...used].filter((id) => !active.some((t) => t.id === id)).map((id) => ({ id, label: labelsById.get(id) ?? id }))];
  const keys = items.map(itemKey);
  const people = finished.map((p) => ({ name: p.name, coding: codings.get(p.staffId) ?? (new Map() as Coding) }));
  const comparisons = [
    ...people.flatMap((a, i) => people.slice(i + 1).map((b) => compare('analysts', a, b, keys, themes))),
    ...people.map((person) => compare('machine', person, { name: 'the coder', coding: machine }, keys, themes))
  ];
  return { round: summary, n: items.length, machineModel: coder.modelVersion, comparisons };
}
