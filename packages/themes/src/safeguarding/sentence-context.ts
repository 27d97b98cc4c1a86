// What a sentence says about who is harmed and whether the harm is real: the
// writer ("i", "my", "mum"), someone the writer refers to ("he", "Jay"),
// people in general ("kids these days", "a boy got stabbed, it was on the
// news"), or nobody in a hypothetical ("if someone hit me i would tell").
import type { Token } from '../text/analyse';
import { FIRST_PERSON, GENERIC, OPINION, OWN_FAMILY, PERSON_NOUNS, THIRD_PERSON } from './people';

/**
 * self: the writer, or their own family ("my son", "mum");
 * third: someone referred to as he, she or by name;
 * nearby: nobody named at the harm, but the writer is in the sentence;
 * generic: people in general, news or opinion; none: nobody at all.
 */
export type Person = 'self' | 'third' | 'nearby' | 'generic' | 'none';

/** A stretch of tokens between sentence-ending punctuation. */
export interface Sentence {
  from: number;
  /** Exclusive. */
  to: number;
}

const SENTENCE_ENDS = new Set(['.', '!', '?', ';', '…']);
const MAX_SENTENCE = 40;
// Words that end the clause a harm word belongs to.
const CLAUSE_BREAKS = new Set([',', ':', '(', ')', '"', 'but', 'because', 'and', 'so', 'when', 'while', 'since', 'although', 'though', 'whereas', 'who', 'which', 'that']);
// Who a harm is done to, when named right after it ("punched him").
const OBJECTS = new Set(['me', 'us', 'my', 'him', 'her', 'his', 'them']);
// Words that open a hypothetical: "if someone hurt me", "imagine being followed".
const HYPOTHETICAL_OPENERS = new Set(['if', 'imagine', 'suppose', 'supposing', 'hypothetically', 'whether', 'unless', 'incase', 'wondering']);
// "i worry about county lines", "scared of getting stabbed": a fear, not something that happened.
const FEARS = new Set(['worry', 'worried', 'worries', 'worrying', 'scared', 'afraid', 'frightened', 'terrified', 'fear', 'concerned', 'anxious']);
const FEAR_LINKS = new Set(['about', 'of']);
// "taught us about county lines", "an assembly about knife crime": a topic, not an event.
const TOPICS = new Set([
  'taught',
  'teach',
  'learn',
  'learnt',
  'learned',
  'talk',
  'talked',
  'talks',
  'lesson',
  'lessons',
  'assembly',
  'video',
  'heard',
  'read',
  'know',
  'knew',
  'film',
  'programme',
  'workshop',
  'speech',
  'information',
  'more'
]);
// Modal verbs that make what follows a possibility ("i might get jumped").
const MODALS = new Set(['would', 'could', 'might', 'may', 'should', 'can', 'shall']);
// A threat the writer reports stays a threat: "he said he would kill me".
const REPORTING = new Set([
  'say',
  'said',
  'says',
  'saying',
  'told',
  'tell',
  'tells',
  'threaten',
  'threatened',
  'threatening',
  'threatens',
  'text',
  'texted',
  'messaged',
  'posted',
  'wrote',
  'shouted',
  'warned',
  'keeps'
]);
// "if i tell he will hurt me": a pronoun and a future word start the main clause after the condition.
const PRONOUNS = new Set(['i', 'he', 'she', 'they', 'you', 'we', 'it']);
const FUTURE = new Set(['will', 'gonna', 'going', 'would']);
// Words that say nothing about who did what: "got jumped", "been cutting".
const TRANSPARENT = new Set([
  'got',
  'get',
  'gets',
  'getting',
  'been',
  'just',
  'keep',
  'keeps',
  'still',
  'always',
  'sometimes',
  'also',
  'and',
  'then',
  'so',
  'honestly',
  'literally',
  'like',
  'am',
  'was',
  'is',
  'are',
  'there'
]);
// "asking if", "wondering if": a question reported, not a hypothetical.
const ASKING = new Set(['ask', 'asks', 'asked', 'asking', 'wonder', 'wondered', 'know', 'see', 'check']);
// How far back a modal verb reaches: "i'd worry he would get involved and get hurt".
const MODAL_REACH = 5;
// How far back from a harm word its subject is looked for.
const SUBJECT_WINDOW = 8;

/**
 * Sentences of an answer, in order. Run-on writing without full stops is cut
 * into pieces of at most MAX_SENTENCE tokens (at a comma where there is one),
 * so that what is said far away does not count and no answer costs more than
 * its length to read.
 */
export function sentencesOf(tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  const close = (to: number) => {
    while (to - from > MAX_SENTENCE) {
      let cut = from + MAX_SENTENCE;
      for (let i = cut - 1; i > from + MAX_SENTENCE / 2; i--) if (wordAt(tokens, i) === ',') cut = i + 1;
      sentences.push({ from, to: cut });
      from = cut;
    }
    if (to > from) sentences.push({ from, to });
  };
  for (let i = 0; i < tokens.length; i++) {
    if (SENTENCE_ENDS.has((tokens[i] as Token).word)) {
      close(i);
      from = i + 1;
    }
  }
  close(tokens.length);
  return sentences;
}

const wordAt = (tokens: Token[], i: number) => tokens[i]?.word ?? '';

/** Who a word refers to, reading "my little brother" and "a boy" from the words before a noun. */
function classify(tokens: Token[], i: number): Person | null {
  const word = wordAt(tokens, i);
  if (FIRST_PERSON.has(word) || OWN_FAMILY.has(word)) return 'self';
  if (THIRD_PERSON.has(word)) return 'third';
  if (PERSON_NOUNS.has(word)) {
    for (const before of [wordAt(tokens, i - 1), wordAt(tokens, i - 2)]) {
      if (before === 'my' || before === 'our') return 'self';
      if (before === 'his' || before === 'her') return 'third';
      if (before === 'a' || before === 'an' || before === 'some' || before === 'one' || before === 'their') return 'generic';
    }
  }
  if (GENERIC.has(word)) return 'generic';
  return null;
}

/**
 * A capitalised word inside a sentence followed by what people do ("then Jay
 * was jumped", "Lee has been"), taken for a person's name; places are
 * capitalised too, but are rarely followed by these words.
 */
const NAME_FOLLOWERS = new Set(['has', 'had', 'was', 'is', 'got', 'gets', 'said', 'says', 'told', 'keeps', 'kept', 'went', 'came', 'ran', 'and']);
function isName(tokens: Token[], text: string, sentence: Sentence, i: number): boolean {
  const token = tokens[i] as Token;
  if (i === sentence.from || !NAME_FOLLOWERS.has(wordAt(tokens, i + 1))) return false;
  const written = String.fromCodePoint(text.codePointAt(token.start) ?? 0);
  return written !== written.toLowerCase() && token.word !== 'i' && /^\p{L}+$/u.test(text.slice(token.start, token.end));
}

/** A harm word that opens its sentence, bar words like "got" and "been", is the writer's own ("been cutting again"). */
function opensSentence(tokens: Token[], sentence: Sentence, first: number): boolean {
  for (let i = sentence.from; i < first; i++) {
    const token = tokens[i] as Token;
    if (!token.boundary && !TRANSPARENT.has(token.word)) return false;
  }
  const word = wordAt(tokens, first);
  return first > sentence.from || word.endsWith('ing') || word.endsWith('ed');
}

/**
 * Who is harmed: a person word inside the cue itself ("hits me", "picking her
 * up"), else the object right after it ("punched him"), else the nearest
 * person word or name before it in its sentence ("my son was stabbed", "Jay
 * has been mugged", "people get stabbed"), else whether the writer appears
 * in the sentence at all. Harm said of nobody in particular in a sentence of
 * opinion or news ("county lines is a big problem in our town") is generic.
 */
export function personOf(tokens: Token[], text: string, sentence: Sentence, first: number, last: number): Person {
  let inCue: Person | null = null;
  for (let i = first; i <= last; i++) {
    const person = classify(tokens, i);
    if (person === 'self') return 'self';
    if (person === 'third') inCue = 'third';
  }
  if (inCue) return inCue;
  // The object just after it: "punched him", "problems at home with their family".
  for (let i = last + 1; i < sentence.to && i <= last + 3; i++) {
    const word = wordAt(tokens, i);
    if ((tokens[i] as Token).boundary || CLAUSE_BREAKS.has(word)) break;
    const object = (OBJECTS.has(word) && i === last + 1) || PERSON_NOUNS.has(word) ? classify(tokens, i) : null;
    if (object) return object;
  }
  let words = 0;
  for (let i = first - 1; i >= sentence.from && words < SUBJECT_WINDOW; i--) {
    const token = tokens[i] as Token;
    if (token.boundary) continue;
    words++;
    const person = classify(tokens, i) ?? (isName(tokens, text, sentence, i) ? 'third' : null);
    if (person) return person;
  }
  if (opensSentence(tokens, sentence, first)) return 'self';
  if (tokens.slice(sentence.from, sentence.to).some((t) => OPINION.has(t.word))) return 'generic';
  return writerIn(tokens, sentence) ? 'nearby' : 'none';
}

/** The writer appears in the sentence: "i", "me", "my", "we"… */
export function writerIn(tokens: Token[], sentence: Sentence): boolean {
  for (let i = sentence.from; i < sentence.to; i++) if (FIRST_PERSON.has(wordAt(tokens, i))) return true;
  return false;
}

// "i get beat", "i was hit": the writer is on the receiving end.
const PASSIVE = new Set(['get', 'gets', 'got', 'getting', 'been', 'being', 'was', 'am', 'is', 'were']);

/**
 * The writer does it to their own body or things ("i hit my head", "i hurt my
 * knee"): an accident, not harm from anyone. ("i'll stab you" is not this:
 * harm the writer threatens is a safeguarding matter too.)
 */
export function writerIsAgent(tokens: Token[], first: number, last: number): boolean {
  const before = wordAt(tokens, first - 1);
  if ((before !== 'i' && before !== 'we') || PASSIVE.has(wordAt(tokens, first))) return false;
  for (let i = first; i <= last + 1; i++) if (wordAt(tokens, i) === 'my' || wordAt(tokens, i) === 'our') return true;
  return false;
}

/**
 * True when the cue sits inside an "if …" clause or right after a modal verb
 * (unless `modalsCount` is false: "i would be better off dead" is no less
 * meant for its "would").
 * Not when the cue is the consequence ("if i tell he will hurt me", "if he
 * talked, they would kill him") or a reported threat ("he said he would").
 */
export function isHypothetical(tokens: Token[], sentence: Sentence, cueStart: number, modalsCount = true): boolean {
  let reported = false;
  let opened = false;
  let consequence = false;
  for (let i = sentence.from; i <= cueStart; i++) {
    const token = tokens[i] as Token;
    if (i < cueStart && HYPOTHETICAL_OPENERS.has(token.word) && !ASKING.has(wordAt(tokens, i - 1))) opened = true;
    else if (i < cueStart && FEAR_LINKS.has(token.word) && FEARS.has(wordAt(tokens, i - 1))) opened = true;
    else if (i < cueStart && token.word === 'about' && (TOPICS.has(wordAt(tokens, i - 1)) || TOPICS.has(wordAt(tokens, i - 2)))) opened = true;
    else if (opened && (token.word === ',' || startsMainClause(tokens, i))) {
      opened = false;
      consequence = true;
    }
    if (i < cueStart && REPORTING.has(token.word)) reported = true;
  }
  if (reported || consequence) return false;
  if (opened) return true;
  if (!modalsCount) return false;
  let words = 0;
  for (let i = cueStart - 1; i >= sentence.from && words < MODAL_REACH; i--) {
    const token = tokens[i] as Token;
    if (token.boundary) break;
    words++;
    if (MODALS.has(token.word)) return true;
  }
  return false;
}

/** "… he will", "… they'd": a pronoun and a future word that do not directly follow "if". */
function startsMainClause(tokens: Token[], i: number): boolean {
  return FUTURE.has(wordAt(tokens, i)) && PRONOUNS.has(wordAt(tokens, i - 1)) && !HYPOTHETICAL_OPENERS.has(wordAt(tokens, i - 2));
}
