import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrillLexicon, wordnetDictionary } from './natural';

// WordNet's lemma lists tell real English words from misspellings, so the
// spelling corrector never turns "petrol" into "patrol" or "notes" into
// "nudes". Loaded on first use (~150k lemmas, a few hundred milliseconds).
// Irregular inflections, which WordNet keeps apart from its lemmas, come from
// natural's part-of-speech lexicon, so "taught" is never "tight".
let lemmas: Set<string> | null = null;

/** Tags of inflected forms: past tense and participle, -ing, third person, plural. */
const INFLECTED = new Set(['VBD', 'VBN', 'VBG', 'VBZ', 'NNS']);

function addInflectedForms(words: Set<string>): void {
  const { lexicon } = new BrillLexicon('EN');
  for (const [word, tags] of Object.entries(lexicon)) {
    if (/^[a-z]+$/.test(word) && Array.isArray(tags) && tags.some((tag) => INFLECTED.has(tag))) words.add(word);
  }
}

function loadLemmas(): Set<string> {
  const words = new Set<string>();
  for (const part of ['noun', 'verb', 'adj', 'adv']) {
    const text = readFileSync(join(wordnetDictionary, `index.${part}`), 'latin1');
    let lineStart = 0;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      if (text.charCodeAt(lineStart) !== 32) {
        const space = text.indexOf(' ', lineStart);
        const word = text.slice(lineStart, space);
        if (/^[a-z]+$/.test(word)) words.add(word);
      }
      lineStart = lineEnd + 1;
    }
  }
  addInflectedForms(words);
  return words;
}

// Inflections WordNet leaves out: plurals, past tenses, -ing forms, etc.
const SUFFIX_RULES: [RegExp, string][] = [
  [/s$/, ''],
  [/es$/, ''],
  [/ies$/, 'y'],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/ied$/, 'y'],
  [/([b-df-hj-np-tv-z])\1ed$/, '$1'],
  [/ing$/, ''],
  [/ing$/, 'e'],
  [/([b-df-hj-np-tv-z])\1ing$/, '$1'],
  [/er$/, ''],
  [/r$/, ''],
  [/st$/, ''],
  [/ers$/, ''],
  [/est$/, ''],
  [/ly$/, ''],
  [/'s$/, '']
];

/** Whether a lower-case word is ordinary English (or an inflection of it). */
export function isEnglishWord(word: string): boolean {
  lemmas ??= loadLemmas();
  if (lemmas.has(word)) return true;
  for (const [pattern, replacement] of SUFFIX_RULES) {
    if (pattern.test(word) && lemmas.has(word.replace(pattern, replacement))) return true;
  }
  return false;
}
