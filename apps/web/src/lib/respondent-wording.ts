// Words on question pages that differ for children (8–11): one place per
// string, ready to move into the interface message catalogue. Set by the
// question page for the components below it; anything else (the designer's
// preview) gets the standard words.
import { getContext, setContext } from 'svelte';

export interface Wording {
  /** "(optional)" after each optional question's label. */
  markOptional: boolean;
  /** Under a question where several answers can be chosen. */
  selectAll: string;
  /** Under a text box: how much can be written. */
  upTo: (limit: number) => string;
}

export const standardWording: Wording = {
  markOptional: true,
  selectAll: 'Select all that apply.',
  upTo: (limit) => `You can write up to ${limit} characters.`
};

/** About six characters make a word; rounded down to tens, so "about 160 words" for 1,000 characters. */
const wordsIn = (limit: number) => Math.max(10, Math.floor(limit / 60) * 10);

export const childrenWording: Wording = {
  markOptional: false,
  selectAll: 'You can pick more than one.',
  upTo: (limit) => `You can write up to about ${wordsIn(limit)} words.`
};

/** The start page's one sentence about skipping (see skipping() in the survey package). */
export const skipNotice = { all: 'You can skip any question.', some: 'You can skip any question marked “(optional)”.' } as const;

const key = Symbol('respondent-wording');

export function wordingFor(audience: string, markOptional: boolean): Wording {
  return audience === 'child' ? { ...childrenWording, markOptional } : { ...standardWording, markOptional };
}

export const setWording = (wording: Wording) => setContext(key, wording);
export const wording = (): Wording => getContext<Wording | undefined>(key) ?? standardWording;
