import type { Token } from './analyse';

// Words that deny what follows them in the same clause.
const CUES = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'none', 'nowhere', 'neither', 'nor', 'without', 'hardly']);
// Words that start a new clause: "I'm not scared but my mum is".
const CLAUSE_STARTERS = new Set([
  'when',
  'while',
  'since',
  'until',
  'if',
  'then',
  'but',
  'though',
  'although',
  'however',
  'yet',
  'except',
  'because',
  'so',
  'unless',
  'whereas',
  'saying',
  'telling',
  'asking'
]);
// "not just", "not only" add rather than deny.
const NOT_NEGATING_AFTER = new Set(['just', 'only', 'matter', 'doubt', 'wonder']);
// "not gonna lie", "no lie", "not lying": a way of saying "honestly", not a denial.
const HONESTLY = [['lie'], ['lying'], ['going', 'to', 'lie'], ['gonna', 'lie'], ['to', 'lie']];
const saysHonestly = (tokens: Token[], at: number) => HONESTLY.some((words) => words.every((w, k) => tokens[at + k]?.word === w));
// A new subject starts a new clause: "if i dont pay they will hurt me".
const SUBJECTS = new Set(['i', 'he', 'she', 'they', 'we', 'you']);
// Long sentences without punctuation are common; scope fades after this.
const MAX_SCOPE = 6;

/**
 * Marks tokens inside a negation's scope. Scope runs from the word after the
 * cue to the end of its clause (punctuation or a clause-starting word such as
 * "but"), at most MAX_SCOPE words. Unlike whole-text negation, "I'm not
 * scared but he is" keeps "he is" affirmative.
 */
export function markNegation(tokens: Token[]): void {
  let remaining = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.boundary || CLAUSE_STARTERS.has(token.word)) {
      remaining = 0;
      continue;
    }
    if (CUES.has(token.word)) {
      const next = tokens[i + 1];
      if (next && NOT_NEGATING_AFTER.has(next.word)) continue;
      if (saysHonestly(tokens, i + 1)) continue;
      remaining = MAX_SCOPE;
      continue;
    }
    if (remaining > 0 && remaining < MAX_SCOPE && SUBJECTS.has(token.word)) remaining = 0;
    if (remaining > 0) {
      token.negated = true;
      remaining -= 1;
    }
  }
}
