// Whether the disclosure detector can read an answer at all. Its cues are
// English; an answer in Arabic, Polish or Welsh ("Mae fy nhad yn fy nharo i")
// matches none of them, so "no flag" from the detector says nothing about it.
// Such an answer must reach a person ("could not be checked automatically").
// Text-speak and misspellings are still English here: what counts is whether
// most words are English words, not whether they are spelt right.
import { COMMON_WORDS } from '../text/common-words';
import { isEnglishWord } from '../text/dictionary';

/** Fewer words than this are too few to tell a language by ("ok", "idk", "no idea"). */
const FEWEST_WORDS = 3;
/** Below this share of English words (or of letters in the Latin alphabet), the answer is taken as another language. */
const ENGLISH_SHARE = 0.5;

// Words of one or two letters that are English, and the text-speak no dictionary lists.
const SHORT_ENGLISH = new Set([
  'a',
  'i',
  'an',
  'at',
  'be',
  'by',
  'do',
  'go',
  'he',
  'if',
  'in',
  'is',
  'it',
  'me',
  'my',
  'no',
  'of',
  'on',
  'or',
  'so',
  'to',
  'up',
  'us',
  'we',
  'am',
  'as',
  'ok',
  'oh',
  'u',
  'ur',
  'r',
  'n',
  'y',
  'b',
  'c',
  'da',
  'ya',
  'ye',
  'yh',
  'bc'
]);
const TEXT_SPEAK = new Set([
  'ppl',
  'pls',
  'plz',
  'cos',
  'coz',
  'cuz',
  'bcos',
  'tbh',
  'idk',
  'dunno',
  'gonna',
  'wanna',
  'gotta',
  'wiv',
  'wen',
  'sum1',
  'no1',
  'any1',
  'some1',
  'sed',
  'dat',
  'dem',
  'dey',
  'dis',
  'tho',
  'thru',
  'nite',
  'im',
  'ive',
  'dont',
  'cant',
  'wont',
  'didnt',
  'isnt',
  'doesnt',
  'lol',
  'omg',
  'fam',
  'bruv',
  'mum',
  'mam',
  'innit',
  'okay'
]);

const LETTER = /\p{L}/gu;
const LATIN = /\p{Script=Latin}/gu;

const countOf = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

const englishWord = (word: string): boolean => (word.length <= 2 ? SHORT_ENGLISH.has(word) : TEXT_SPEAK.has(word) || COMMON_WORDS.has(word) || isEnglishWord(word));

/** True when the detector can read the answer: English (however spelt), or too short to tell. Never throws. */
export function detectorCanRead(text: string): boolean {
  const letters = countOf(text, LETTER);
  if (letters === 0) return true;
  if (countOf(text, LATIN) / letters < ENGLISH_SHARE) return false;
  const words =
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[a-z0-9]+/g) ?? [];
  const wordsWithLetters = words.filter((w) => /[a-z]/.test(w));
  if (wordsWithLetters.length < FEWEST_WORDS) return true;
  return wordsWithLetters.filter(englishWord).length / wordsWithLetters.length >= ENGLISH_SHARE;
}
