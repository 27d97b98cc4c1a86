// Short invented phrases that demo answers are made from, each with the
// themes of the default codebook it is about. None is a real respondent's
// words, and none discloses harm to the writer: the demo should not fill the
// safeguarding queue. The phrases are data, in phrases.json.
import bank from './phrases.json' with { type: 'json' };

export interface Phrase {
  text: string;
  themes: readonly string[];
}

/** About what makes a place or time feel unsafe. */
export const UNSAFE: readonly Phrase[] = bank.unsafe;

/** About why young people get involved in violence. */
export const CAUSES: readonly Phrase[] = bank.causes;

/** About what would help people feel safer. */
export const HELP: readonly Phrase[] = bank.help;

/** Answers about nothing in particular. */
export const PLAIN: readonly Phrase[] = bank.plain;
