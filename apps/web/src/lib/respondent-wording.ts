// Words on question pages that differ for children (8–11), in the
// respondent's language, from the interface message catalogue (see the
// survey package's interface-messages). Set by the question page for the
// components below it; anything else (the designer's preview) gets the
// standard English words.
import { aboutWords, interfaceText, type MessageKey } from '@safer-voices/survey';
import { getContext, setContext } from 'svelte';

export interface Wording {
  /** The language these words are in, and its direction (English, left to right, where the catalogue has none). */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** "(optional)" after each optional question's label. */
  markOptional: boolean;
  optional: string;
  /** Between the answers and the extra ones (Don't know). */
  or: string;
  /** Under a question where several answers can be chosen. */
  selectAll: string;
  /** Under a text box: how much can be written. */
  upTo: (limit: number) => string;
}

export function wordingFor(audience: string, markOptional: boolean, lang = 'en'): Wording {
  const say = (key: MessageKey, values?: Record<string, number>) => interfaceText(lang, key, values);
  const child = audience === 'child';
  const { lang: written, dir } = say('continue');
  return {
    lang: written,
    dir,
    markOptional,
    optional: say('optional').text,
    or: say('or').text,
    selectAll: say(child ? 'pickMoreThanOne' : 'selectAll').text,
    upTo: (limit) => (child ? say('upToWords', { words: aboutWords(limit) }) : say('upToCharacters', { limit })).text
  };
}

export const standardWording: Wording = wordingFor('adult', true);
export const childrenWording: Wording = wordingFor('child', false);

/** The start page's one sentence about skipping (see skipping() in the survey package), in the respondent's language. */
export const skipNoticeIn = (kind: 'all' | 'some', lang = 'en') => interfaceText(lang, kind === 'all' ? 'youCanSkip' : 'youCanSkipMarked');
/** The same in English. */
export const skipNotice = { all: skipNoticeIn('all').text, some: skipNoticeIn('some').text } as const;

const key = Symbol('respondent-wording');

export const setWording = (wording: Wording) => setContext(key, wording);
export const wording = (): Wording => getContext<Wording | undefined>(key) ?? standardWording;
