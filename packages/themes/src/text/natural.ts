/// <reference path="./natural-modules.d.ts" />
// The only place this package touches `natural`: its declarations travel with
// this file, so any program that compiles the package's source (the API, the
// web app) gets them without a reference of its own.
export { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
export { default as Metaphone } from 'natural/lib/natural/phonetics/metaphone';
export { default as PorterStemmer } from 'natural/lib/natural/stemmers/porter_stemmer';
