// Contractions as pupils and residents type them: with or without the
// apostrophe. Expanding them puts every negation on its own "not" token,
// which is what negation scope and the codebook patterns look for.

const WITHOUT_APOSTROPHE: Record<string, string> = {
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  couldnt: 'could not',
  wont: 'will not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  isnt: 'is not',
  aint: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  mustnt: 'must not',
  neednt: 'need not',
  im: 'i am',
  ive: 'i have',
  id: 'i would',
  youre: 'you are',
  theyre: 'they are',
  theyve: 'they have',
  theyll: 'they will',
  theyd: 'they would',
  thats: 'that is',
  theres: 'there is',
  whats: 'what is',
  hes: 'he is',
  shes: 'she is',
  its: 'it is',
  weve: 'we have',
  gonna: 'going to',
  gunna: 'going to',
  gotta: 'got to',
  wanna: 'want to',
  tryna: 'trying to',
  dunno: 'do not know',
  idk: 'i do not know',
  lemme: 'let me'
};

const IRREGULAR_NOT: Record<string, string> = { ca: 'can', wo: 'will', ai: 'is', sha: 'shall' };

// "'s" after these is "is"; after anything else it is a possessive.
const IS_AFTER = new Set(['it', 'that', 'there', 'here', 'he', 'she', 'what', 'who', 'where', 'everyone', 'nobody', 'someone', 'something', 'everything', 'nothing']);

const SUFFIXES: [string, string][] = [
  ["'m", 'am'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'d", 'would']
];

/** Expands one lower-case token into the words it stands for. */
export function expandContraction(token: string): string[] {
  const plain = WITHOUT_APOSTROPHE[token];
  if (plain) return plain.split(' ');
  if (!token.includes("'")) return [token];
  if (token.endsWith("n't")) {
    const base = token.slice(0, -3);
    return [IRREGULAR_NOT[base] ?? base, 'not'];
  }
  if (token.endsWith("'s")) {
    const base = token.slice(0, -2);
    return IS_AFTER.has(base) ? [base, 'is'] : [base];
  }
  for (const [suffix, word] of SUFFIXES) {
    if (token.endsWith(suffix)) return [token.slice(0, -suffix.length), word];
  }
  // Stray apostrophes ("goin'", "'em") carry no meaning of their own.
  const stripped = token.replace(/'/g, '');
  return stripped ? [stripped] : [];
}
