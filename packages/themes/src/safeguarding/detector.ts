// The disclosure detector: does an answer tell of current or recent harm, or
// risk of harm, to the writer or someone they know? It is separate from the
// theme model and built for recall on real language: a missed disclosure
// costs far more than a safeguarding lead reading a false alarm. Two tiers:
// `likely` (a clear disclosure) goes to the top of the queue; `possible`
// (harm language whose subject, time or reality is less clear) follows it.
import { compilePattern, type PatternMatch, PatternSet } from '../codebook/patterns';
import { type Evidence, evidenceOf, tidyEvidence } from '../coder/evidence';
import type { Token } from '../text/analyse';
import { AnswerMarks, TIME_CUES, type Time } from './answer-marks';
import { type CueCategory, type CueStrength, DISCLOSURE_CUES, expandBraces } from './cues/index';
import { isHypothetical, type Person, personOf, type Sentence, sentencesOf, writerIn, writerIsAgent } from './sentence-context';

export type DisclosureTier = 'likely' | 'possible';

/** Who wrote the answer, when the questionnaire says: a child or young person, or an adult. */
export type Writer = 'young' | 'adult' | 'unknown';

export interface Disclosure {
  tier: DisclosureTier | null;
  /** 0–1: `possible` from POSSIBLE_AT; `likely` needs one clear, strong cue as well. */
  score: number;
  /** The words that raised it (empty when no tier). */
  evidence: Evidence[];
  categories: CueCategory[];
}

const STRENGTH: Record<CueStrength, number> = { strong: 0.9, moderate: 0.6, weak: 0.3 };
// How much a cue counts, by who the sentence says is harmed.
const PERSON_FACTOR: Record<Person, number> = { self: 1, third: 0.7, nearby: 0.6, none: 0.5, generic: 0.25 };
const HYPOTHETICAL_FACTOR = 0.3;
// How much harm in the past still counts. "When i was 12": from a child,
// still a disclosure to look at; from an adult, their childhood.
const PAST_FACTOR: Record<Exclude<Time, 'current'>, Record<Writer, number>> = {
  earlier: { young: 0.7, adult: 0.4, unknown: 0.5 },
  long_ago: { young: 0.35, adult: 0.35, unknown: 0.35 },
  resolved: { young: 0.25, adult: 0.25, unknown: 0.25 }
};
const JOKE_FACTOR = 0.3;
const AGENT_FACTOR = 0.3;
// Harm words where the writer doing it means no one else is harmed ("i hit my head").
const AGENT_MATTERS = new Set<CueCategory>(['abuse_at_home', 'threat_or_attack']);
export const POSSIBLE_AT = 0.4;
const WEAK_ALONE_AT = 0.4;
const WEAK_COUNTS_AT = 0.2;

const cueSet = new PatternSet(DISCLOSURE_CUES.map((cue, i) => compilePattern(String(i), cue.pattern)));

/** Every word of the cue lists, so spelling correction can aim at them. */
export function detectorVocabulary(): string[] {
  const words = new Set<string>();
  for (const cue of [...DISCLOSURE_CUES.map((c) => c.pattern), ...TIME_CUES].flatMap(expandBraces)) {
    for (const word of cue.split(/[\s|]+/).map((w) => w.replace(/^=/, ''))) if (/^[a-z]+$/.test(word) && word !== 'not') words.add(word);
  }
  return [...words];
}

interface Weighed {
  match: PatternMatch;
  category: CueCategory;
  weak: boolean;
  /** Strong, about the writer or their own, real and now. */
  clear: boolean;
  weight: number;
}

function weigh(match: PatternMatch, tokens: Token[], text: string, sentenceOf: Sentence[], marks: AnswerMarks, writer: Writer): Weighed | null {
  const cue = DISCLOSURE_CUES[Number(match.pattern.themeId)];
  if (!cue || match.negated || (!cue.plain && marks.innocentAt(match.firstToken, match.lastToken))) return null;
  const sentence = sentenceOf[match.firstToken] as Sentence;
  let person = personOf(tokens, text, sentence, match.firstToken, match.lastToken);
  // Self-harm spoken of in general by someone who is in the sentence is often their own: "they don't want to
  // be involved with someone who self-harmed, knowing i am".
  if (person === 'generic' && cue.category === 'self_harm' && cue.strength === 'strong' && writerIn(tokens, sentence)) person = 'nearby';
  const hypothetical = isHypothetical(tokens, sentence, match.firstToken, cue.category !== 'self_harm');
  const time = marks.timeOf(sentence);
  const agent = AGENT_MATTERS.has(cue.category) && writerIsAgent(tokens, match.firstToken, match.lastToken);
  const joking = marks.joking(sentence);
  let weight = STRENGTH[cue.strength] * PERSON_FACTOR[person];
  if (hypothetical) weight *= HYPOTHETICAL_FACTOR;
  if (time !== 'current') weight *= PAST_FACTOR[time][writer];
  if (agent) weight *= AGENT_FACTOR;
  if (joking) weight *= JOKE_FACTOR;
  const clear = cue.strength === 'strong' && person === 'self' && !hypothetical && time === 'current' && !agent && !joking;
  return { match, category: cue.category, weak: cue.strength === 'weak', clear, weight };
}

function noisyOr(weighed: Weighed[]): number {
  let missing = 1;
  for (const w of weighed) missing *= 1 - w.weight;
  return 1 - missing;
}

/** Cues that share words are one piece of evidence: the heaviest of them counts. */
function independent(weighed: Weighed[], length: number): Weighed[] {
  const taken = new Uint8Array(length);
  const kept: Weighed[] = [];
  for (const w of [...weighed].sort((a, b) => b.weight - a.weight)) {
    if (taken.subarray(w.match.firstToken, w.match.lastToken + 1).includes(1)) continue;
    taken.fill(1, w.match.firstToken, w.match.lastToken + 1);
    kept.push(w);
  }
  return kept;
}

/**
 * Scores an analysed answer: separate pieces of evidence combine as
 * independent (noisy-or), so "mum drinks every night" and "i look after my
 * little sisters" add up, while one phrase matched by two cues counts once.
 */
export function detectDisclosure(tokens: Token[], text: string, writer: Writer = 'unknown'): Disclosure {
  const sentenceOf: Sentence[] = [];
  for (const sentence of sentencesOf(tokens)) for (let t = sentence.from; t < sentence.to; t++) sentenceOf[t] = sentence;
  const marks = new AnswerMarks(tokens);
  const weighed = independent(
    cueSet
      .match(tokens)
      .map((m) => weigh(m, tokens, text, sentenceOf, marks, writer))
      .filter((w): w is Weighed => w !== null && w.weight > 0),
    tokens.length
  );
  const score = noisyOr(weighed);
  // Weak signs ("dont tell", "locked") raise a flag with a real cue, or together when they are of different kinds
  // ("picked on" and "bullying" are one kind, and bullying alone is not a disclosure).
  // A weak sign counts here only when it is about the writer or someone they know ("older boys" in a story about others does not).
  const weak = weighed.filter((w) => w.weak && w.weight >= WEAK_COUNTS_AT);
  const grounded = weighed.some((w) => !w.weak && w.weight >= 0.25) || (new Set(weak.map((w) => w.category)).size >= 2 && noisyOr(weak) >= WEAK_ALONE_AT);
  if (score < POSSIBLE_AT || !grounded) return { tier: null, score, evidence: [], categories: [] };
  // The evidence shown: cues that counted for something on their own, or the heaviest.
  const shown = weighed.filter((w, i) => i === 0 || w.weight >= 0.25);
  return {
    tier: weighed.some((w) => w.clear) ? 'likely' : 'possible',
    score,
    evidence: tidyEvidence(shown.map((w) => evidenceOf(w.match, tokens, text))),
    categories: [...new Set(shown.map((w) => w.category))]
  };
}
