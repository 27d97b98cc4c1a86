import { compilePattern, PatternSet } from '../codebook/patterns.js';
import { combineWeights, type Evidence, evidenceOf } from '../coder/evidence.js';
import type { Token } from '../text/analyse.js';
import { FIRST_PERSON, HARM_CUES, IDENTIFIABLE, PAST_CUES } from './cues.js';

const harm = new PatternSet(HARM_CUES.map((cue) => compilePattern('safeguarding', cue)));
const past = new PatternSet(PAST_CUES.map((cue) => compilePattern('safeguarding', cue)));

// A harm cue with nobody identifiable nearby is usually an opinion ("kids
// carry knives these days"), but keeps some weight because recall comes first.
const UNIDENTIFIED_FACTOR = 0.3;
const PAST_FACTOR = 0.4;
const WINDOW_BEFORE = 8;
const WINDOW_AFTER = 5;

export interface RuleFlag {
  score: number;
  evidence: Evidence[];
}

function hasSubject(tokens: Token[], first: number, last: number): boolean {
  // "been cutting again": with the subject left out, the writer is the subject.
  let wordsBefore = 0;
  for (let i = 0; i < first && wordsBefore <= 2; i++) if (!(tokens[i] as Token).boundary) wordsBefore++;
  if (wordsBefore <= 2) return true;
  const from = Math.max(0, first - WINDOW_BEFORE);
  const to = Math.min(tokens.length - 1, last + WINDOW_AFTER);
  for (let i = from; i <= to; i++) {
    const word = (tokens[i] as Token).word;
    if (FIRST_PERSON.has(word) || IDENTIFIABLE.has(word)) return true;
  }
  return false;
}

/**
 * Rule-based safeguarding score: harm or risk cues, weighted by whether the
 * writer or an identifiable child is the subject, and discounted when the
 * answer says the harm is in the past. Stop words such as "I", "me" and "my"
 * are exactly the evidence here, so nothing is dropped.
 */
export function ruleSafeguarding(tokens: Token[], text: string): RuleFlag {
  const weights: number[] = [];
  const evidence: Evidence[] = [];
  for (const match of harm.match(tokens)) {
    if (match.negated) continue;
    const identified = hasSubject(tokens, match.firstToken, match.lastToken);
    weights.push(match.pattern.weight * (identified ? 1 : UNIDENTIFIED_FACTOR));
    if (identified) evidence.push(evidenceOf(match, tokens, text));
  }
  let score = combineWeights(weights);
  if (past.match(tokens).length > 0) score *= PAST_FACTOR;
  return { score, evidence };
}
