// A plausible, valid set of answers to any questionnaire version, for demo
// data and benchmarks. Each respondent has an "unease" between 0 (feels safe)
// and 1: scales lean towards their unsafe end as it grows, and so do the
// themes of what they write. A caller may shift that unease question by
// question (a Lean, which sees the answers given so far) and fix the shares of
// a single-choice question's options. Skip logic is followed question by
// question, and the result is checked with the survey package's own validation.
import { type AnswerValue, type Answers, type Question, type QuestionnaireDefinition, type ScaleExtras, scaleValues, validateAnswers, visibleQuestionIds } from '@safer-voices/survey';
import { type ComposedText, composeText, textKindOf } from './free-text';
import type { Random } from './random';

/**
 * How much uneasier than usual a respondent is about one question (or one
 * row of a grid), from -1 to 1, given the answers they have given so far:
 * how the demo makes after dark feel less safe than daytime, one school safer
 * than another, or girls uneasier in town after dark. Pages are answered in
 * order, so `answers` holds every earlier page's (and this page's earlier
 * questions') answers.
 */
export type Lean = (questionId: string, rowId: string | null, answers: Readonly<Answers>) => number;

export interface SyntheticOptions {
  /** Uneasier (positive) or easier answers, question by question; none by default. */
  lean?: Lean;
  /**
   * Fixed shares of single-choice questions' options, by question id and then
   * option value, e.g. `{ gender: { girl: 48, boy: 48, another_way: 2, prefer_not_to_say: 2 } }`.
   * The numbers are relative weights (they need not add up to 1 or 100); an
   * option not named is never chosen. An optional question is still skipped
   * now and then, as any optional question is. A question id the
   * questionnaire does not have is ignored, so one set of shares can serve
   * several questionnaires; a value its question does not offer is an error.
   * Without shares, earlier options are likelier.
   */
  shares?: Record<string, Record<string, number>>;
}

const noLean: Lean = () => 0;

export interface SyntheticResponse {
  answers: Answers;
  /** The composed free-text answers by question id (non-empty ones only). */
  texts: Map<string, ComposedText>;
  unease: number;
}

/** An index into an ordered list of n points (safest first) for this unease. */
function leaning(random: Random, n: number, unease: number): number {
  const x = Math.min(0.999, Math.max(0, unease + (random.next() - 0.5) * 0.6));
  return Math.floor(x * n);
}

/** A scale or grid answer: mostly a labelled point, now and then an extra ("don't know"). */
function scaleAnswer(random: Random, question: { points: { value: string }[]; extras: ScaleExtras }, unease: number): string {
  const values = scaleValues(question);
  const extras = values.slice(question.points.length);
  if (extras.length > 0 && random.chance(0.06)) return random.pick(extras);
  return (question.points[leaning(random, question.points.length, unease)] as { value: string }).value;
}

/** Several of a list, likelier with unease; the exclusive "none" when nothing else applies. */
function choices(random: Random, options: { value: string }[], none: { value: string } | undefined, unease: number, required: boolean): string[] {
  const chosen = options.filter(() => random.chance(0.08 + 0.4 * unease)).map((o) => o.value);
  if (chosen.length > 0) return chosen;
  if (none) return [none.value];
  return required ? [random.pick(options).value] : [];
}

/**
 * One of a list: by the given shares, or else earlier options likelier
 * (lists usually start with the common answer).
 */
const one = (random: Random, options: { value: string }[], shares?: Record<string, number>) =>
  (options[random.weighted(options.map((o, i) => (shares ? (shares[o.value] ?? 0) : 0.55 ** i)))] as { value: string }).value;

/** Shares that name only options the question offers, with some weight to draw: else an error naming the question. */
function checkShares(definition: QuestionnaireDefinition, shares: Record<string, Record<string, number>>): void {
  for (const question of definition.pages.flatMap((p) => p.questions)) {
    const wanted = shares[question.id];
    if (!wanted) continue;
    const offered = question.type === 'single' ? question.options : question.type === 'place' && !question.multiple ? question.places : null;
    if (!offered) throw new Error(`Shares are for single-choice questions: ${question.id} is a ${question.type} question`);
    for (const [value, share] of Object.entries(wanted)) {
      if (!offered.some((o) => o.value === value)) throw new Error(`Shares for ${question.id} name "${value}", which it does not offer`);
      if (!Number.isFinite(share) || share < 0) throw new Error(`Shares for ${question.id} must be zero or more: "${value}" has ${share}`);
    }
    if (!offered.some((o) => (wanted[o.value] ?? 0) > 0)) throw new Error(`Shares for ${question.id} leave no option to choose`);
  }
}

interface Respondent {
  random: Random;
  unease: number;
  /** Their answers so far, which this question's answer joins. */
  answers: Answers;
  texts: Map<string, ComposedText>;
  lean: Lean;
  shares: Record<string, Record<string, number>>;
}

function answerFor(question: Question, { random, unease, answers, texts, lean, shares }: Respondent): AnswerValue | undefined {
  if (!question.required && question.type !== 'consent' && random.chance(0.03)) return undefined;
  switch (question.type) {
    case 'single':
      return one(random, question.options, shares[question.id]);
    case 'scale':
      return scaleAnswer(random, question, unease + lean(question.id, null, answers));
    case 'grid': {
      const rows = question.rows.filter(() => question.required || random.chance(0.95));
      return rows.length === 0 ? undefined : Object.fromEntries(rows.map((row) => [row.value, scaleAnswer(random, question, unease + lean(question.id, row.value, answers))]));
    }
    case 'multiple': {
      const picked = choices(random, question.options, question.none, unease, question.required);
      return picked.length > 0 ? picked : undefined;
    }
    case 'place': {
      if (!question.multiple) return one(random, question.places, shares[question.id]);
      const picked = choices(random, question.places, question.none, unease, question.required);
      return picked.length > 0 ? picked : undefined;
    }
    case 'number': {
      const low = question.min ?? 0;
      const high = question.max ?? low + 60;
      return question.integer ? random.int(Math.ceil(low), Math.floor(high)) : low + random.next() * (high - low);
    }
    case 'consent':
      return true;
    case 'text':
    case 'longtext': {
      const composed = composeText(textKindOf(question.label), random, { unease, maxLength: question.maxLength });
      if (composed.text === '' && !question.required) return undefined;
      const text = composed.text || 'Not sure';
      texts.set(question.id, composed.text ? composed : { text, spans: [] });
      return text;
    }
    case 'statement':
      return undefined;
  }
}

/** A synthetic response to this version: valid, following its skip logic, leaning and shared as the options say. */
export function syntheticResponse(definition: QuestionnaireDefinition, random: Random, { lean = noLean, shares = {} }: SyntheticOptions = {}): SyntheticResponse {
  checkShares(definition, shares);
  // Most people feel fairly safe; a few feel very unsafe.
  const unease = random.next() ** 1.7;
  const answers: Answers = {};
  const texts = new Map<string, ComposedText>();
  const respondent: Respondent = { random, unease, answers, texts, lean, shares };
  for (const page of definition.pages) {
    // Conditions look back to earlier pages only, so a page's visibility is settled before it.
    const visible = visibleQuestionIds(definition, answers);
    for (const question of page.questions) {
      if (!visible.has(question.id)) continue;
      const value = answerFor(question, respondent);
      if (value !== undefined) answers[question.id] = value;
    }
  }
  const problems = validateAnswers(definition, answers);
  if (problems.length > 0) throw new Error(`Synthetic answers do not fit the questionnaire: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  return { answers, texts, unease };
}
