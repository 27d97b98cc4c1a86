// Where in an answer the words are that change what a harm cue means: time
// ("years ago", "still"), jokes ("lol") and everyday senses ("knife and
// fork"). Found once per answer and kept per token, so weighing each cue
// costs the length of its sentence, not of the answer.
import { compilePattern, type PatternMatch, PatternSet } from '../codebook/patterns';
import type { Token } from '../text/analyse';
import { EARLIER_CUES, expandBraces, INNOCENT_CUES, JOKE_CUES, LONG_AGO_CUES, PRESENT_CUES, RESOLVED_CUES } from './cues/index';
import type { Sentence } from './sentence-context';

export type Time = 'current' | 'earlier' | 'long_ago' | 'resolved';

const patternsOf = (name: string, cues: string[]) => new PatternSet(cues.flatMap(expandBraces).map((cue) => compilePattern(name, cue)));
const sets = {
  longAgo: patternsOf('long_ago', LONG_AGO_CUES),
  earlier: patternsOf('earlier', EARLIER_CUES),
  resolved: patternsOf('resolved', RESOLVED_CUES),
  present: patternsOf('present', PRESENT_CUES),
  joke: patternsOf('joke', JOKE_CUES),
  innocent: patternsOf('innocent', INNOCENT_CUES)
};

/** Every word of the time lists, so spelling correction can aim at them. */
export const TIME_CUES = [...LONG_AGO_CUES, ...EARLIER_CUES, ...RESOLVED_CUES, ...PRESENT_CUES];

function starts(matches: PatternMatch[], length: number, keep: (m: PatternMatch) => boolean = () => true): Uint8Array {
  const at = new Uint8Array(length);
  for (const m of matches) if (keep(m)) at[m.firstToken] = 1;
  return at;
}

function covers(matches: PatternMatch[], length: number): Uint8Array {
  const at = new Uint8Array(length);
  for (const m of matches) at.fill(1, m.firstToken, m.lastToken + 1);
  return at;
}

function firstStart(matches: PatternMatch[]): number {
  return matches.reduce((first, m) => Math.min(first, m.firstToken), Number.POSITIVE_INFINITY);
}

const anyIn = (at: Uint8Array, from: number, to: number) => at.subarray(Math.max(0, from), Math.max(0, to)).includes(1);

export class AnswerMarks {
  private readonly resolved: Uint8Array;
  private readonly joke: Uint8Array;
  private readonly innocent: Uint8Array;
  private readonly past: Uint8Array;
  private readonly presentNotPast: Uint8Array;
  private readonly firstPast: number;
  private readonly firstLongAgo: number;

  constructor(tokens: Token[]) {
    const n = tokens.length;
    const longAgo = sets.longAgo.match(tokens);
    const past = [...longAgo, ...sets.earlier.match(tokens)];
    this.past = covers(past, n);
    this.firstPast = firstStart(past);
    this.firstLongAgo = firstStart(longAgo);
    this.resolved = starts(sets.resolved.match(tokens), n);
    this.presentNotPast = starts(sets.present.match(tokens), n, (m) => !m.negated && !this.past[m.firstToken]);
    this.joke = starts(sets.joke.match(tokens), n);
    this.innocent = covers(sets.innocent.match(tokens), n);
  }

  /** An everyday sense of a harm word shares its words or follows straight on: "knife and fork", "mum drinks coffee". */
  innocentAt(first: number, last: number): boolean {
    return anyIn(this.innocent, first, last + 2);
  }

  joking(sentence: Sentence): boolean {
    return anyIn(this.joke, sentence.from, sentence.to);
  }

  /**
   * How far in the past the sentence is: `resolved` ("he's alright now"), or
   * `long_ago` / `earlier` when it or a sentence before it says so ("years
   * ago", "when i was 12") and nothing in it says the harm goes on ("still",
   * "now", "last week"); otherwise `current`.
   */
  timeOf(sentence: Sentence): Time {
    if (anyIn(this.resolved, sentence.from, sentence.to)) return 'resolved';
    if (this.firstPast >= sentence.to) return 'current';
    if (anyIn(this.presentNotPast, sentence.from, sentence.to)) return 'current';
    return this.firstLongAgo < sentence.to ? 'long_ago' : 'earlier';
  }
}
