// The shape of a disclosure cue and the word lists cues share.
//
// Cues are phrases in the codebook's seed syntax (codebook/types.ts: words
// match by stem after slang and spelling are normalised, `a|b` alternatives,
// `pre*` prefixes, `=word` exact words, `..` up to 3 words, `not` a
// negation). They were written from how children, young people and parents
// describe harm to helplines, teachers and surveys, not copied from answers.
//
// Strength:
//   strong   — about the writer or someone they know, it is a disclosure
//              ("he hits me", "i want to die", "they followed me");
//   moderate — a disclosure only with more behind it ("mum drinks every
//              night", "i owe them money");
//   weak     — a sign that adds to another cue ("scared to go home", "dont tell").
//
// Alternatives of several words go in braces, one cue each:
// 'wish i was {dead|never born}' is 'wish i was dead' and 'wish i was never born'.
export type CueStrength = 'strong' | 'moderate' | 'weak';

export type CueCategory = 'self_harm' | 'abuse_at_home' | 'neglect' | 'sexual_abuse' | 'exploitation' | 'threat_or_attack' | 'weapon';

export interface Cue {
  category: CueCategory;
  strength: CueStrength;
  pattern: string;
  /**
   * The words carry their own meaning: an everyday sense that shares them
   * cannot explain them away. "He'd kill me if i told" is a threat to keep a
   * child quiet, though "my mum would kill me if…" is usually a figure of speech.
   */
  plain?: boolean;
}

/** Expands the first `{a b|c}` group, and so on until none is left. */
export function expandBraces(pattern: string): string[] {
  const group = /\{([^{}]*)\}/.exec(pattern);
  if (!group) return [pattern];
  const [whole, inner = ''] = group;
  return inner.split('|').flatMap((choice) => expandBraces(pattern.replace(whole, choice.trim())));
}

export const cues =
  (category: CueCategory, strength: CueStrength, plain = false) =>
  (...patterns: string[]): Cue[] =>
    patterns.flatMap(expandBraces).map((pattern) => ({ category, strength, pattern, ...(plain ? { plain } : {}) }));

/** The writer, as the one harmed. */
export const ME = 'me|myself|us|my';
/** Anyone a sentence can name as harmed. */
export const ANYONE = 'me|myself|us|my|him|her|them|his|you';
/** Doing physical harm to someone. */
export const HURT =
  'hit|hits|hitting|hurt|hurts|hurting|beat|beats|beating|batter*|punch*|kick|kicks|kicking|kicked|slap*|smack*|whack*|thump*|belt|belts|belted|strangl*|chok*|shove*|shoved|push|pushed|pushes|pinch*|burn|burns|burnt|bite|bites|bit|drag*|attack*|starve|starves|starved|starving|whip*|spank*|cane|caned|headbutt*|stamp*|pin|pins|pinned|tie|ties|tied|trip|tripped|spit|spat|scratch|scratched|stab|stabs|stabbed|slash*|cut|cuts|choked|suffocat*|smother*|drown*|bruise|bruised|injur*|harm|harms|harmed|abuse|abuses|abused|torture*|hurted';
/** People at home or close to the writer. */
export const KIN =
  'mum|mam|mom|mother|dad|father|stepdad|stepmum|stepfather|stepmother|parent|parents|carer|carers|uncle|aunt|auntie|aunty|brother|sister|grandad|grandpa|nan|gran|grandma|cousin|boyfriend|girlfriend|partner|husband|wife|ex|foster|family';
/** Adults who should not be in private contact with a child. */
export const ADULT = 'man|men|guy|guys|adult|adults|teacher|coach|tutor|neighbour|stranger|older|lad|lads|bloke|someone';
export const WEAPON = 'knife|knives|blade|blades|weapon|weapons|gun|guns|machete|machetes|baton|knuckleduster|zombie|axe|hammer|bat|screwdriver|acid|firearm|pistol|rambo';
