// Invented free-text answers, composed from the phrase bank to suit the
// question: what makes people feel unsafe, why young people get involved,
// what would help, or anything else. Some are empty, most are short, a few
// are long, and the more uneasy the respondent the likelier fear and knives.
import { CAUSES, HELP, type Phrase, PLAIN, UNSAFE } from './phrases';
import type { Random } from './random';

export type TextKind = 'unsafe' | 'causes' | 'help' | 'open';

export interface ComposedText {
  text: string;
  /** Where each phrase is in the text, with the themes it is about. */
  spans: { start: number; end: number; themes: readonly string[] }[];
}

/** Which bank suits a question, from its label. */
export function textKindOf(label: string): TextKind {
  if (/\bwhy\b/i.test(label) && !/avoid/i.test(label)) return 'causes';
  if (/help|safer|would make|improve/i.test(label)) return 'help';
  if (/unsafe|avoid|worr|scared|afraid/i.test(label)) return 'unsafe';
  return 'open';
}

const BANKS: Record<TextKind, readonly Phrase[]> = { unsafe: UNSAFE, causes: CAUSES, help: HELP, open: [...UNSAFE, ...HELP] };
const EMPTY: Record<TextKind, number> = { unsafe: 0.2, causes: 0.3, help: 0.25, open: 0.75 };
const JOINERS = [', ', ' and ', '. ', ', also ', '. Also '];

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An answer for a question of this kind, within maxLength characters; '' for no answer. */
export function composeText(kind: TextKind, random: Random, { unease = 0.3, maxLength = 1000 } = {}): ComposedText {
  if (random.chance(EMPTY[kind] * (1.2 - unease))) return { text: '', spans: [] };
  if (random.chance(0.1 * (1 - unease))) {
    const plain = random.pick(PLAIN);
    return { text: capitalised(plain.text), spans: [] };
  }
  const bank = BANKS[kind];
  const weights = bank.map((phrase) => 1 + (phrase.themes.includes('fear') || phrase.themes.includes('knives_weapons') ? 2.5 * unease : 0));
  const count = [1, 2, 3, random.int(4, 6)][random.weighted([45, 35, 12, 8])] as number;
  const chosen: Phrase[] = [];
  for (let tries = 0; chosen.length < count && tries < 20; tries++) {
    const phrase = bank[random.weighted(weights)] as Phrase;
    if (!chosen.includes(phrase)) chosen.push(phrase);
  }
  let text = '';
  const spans: ComposedText['spans'] = [];
  for (const [i, phrase] of chosen.entries()) {
    const joiner = i === 0 ? '' : random.pick(JOINERS);
    const words = i === 0 || joiner === '. ' ? capitalised(phrase.text) : phrase.text;
    if (text.length + joiner.length + words.length + 1 > maxLength) break;
    text += joiner;
    spans.push({ start: text.length, end: text.length + words.length, themes: phrase.themes });
    text += words;
  }
  if (random.chance(0.6) && text.length < maxLength) text += '.';
  return { text, spans };
}
