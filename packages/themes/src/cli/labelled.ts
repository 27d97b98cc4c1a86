import type { LabelledAnswer } from '../eval/evaluate.js';
import type { Writer } from '../safeguarding/detector.js';
import { readJsonl } from './read-answers.js';

// The `respondent` values of labelled files, by who wrote the answer.
const YOUNG = new Set(['pupil_8_11', 'pupil_11_16', 'youth_16_19', 'child', 'young_person']);
const ADULT = new Set(['young_adult_18_25', 'parent', 'resident', 'professional', 'adult']);

/** A labelled file's `respondent` as the coder's writer: young, adult, or not known. */
export function writerOf(respondent: unknown): Writer {
  if (typeof respondent !== 'string') return 'unknown';
  return YOUNG.has(respondent) ? 'young' : ADULT.has(respondent) ? 'adult' : 'unknown';
}

/** Reads labelled answers in the themes-dev.jsonl format. */
export function readLabelled(path: string): LabelledAnswer[] {
  return readJsonl(path).map((record, n) => {
    const { text, themes, safeguarding, question, id, respondent } = record;
    if (typeof text !== 'string' || !Array.isArray(themes)) {
      throw new Error(`${path}: record ${n + 1} needs "text" and "themes"`);
    }
    return {
      id: typeof id === 'string' ? id : undefined,
      text,
      question: typeof question === 'string' ? question : undefined,
      writer: writerOf(respondent),
      themes: themes.filter((t): t is string => typeof t === 'string'),
      safeguarding: safeguarding === true
    };
  });
}
