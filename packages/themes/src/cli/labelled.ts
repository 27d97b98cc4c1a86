import type { LabelledAnswer } from '../eval/evaluate.js';
import { readJsonl } from './read-answers.js';

/** Reads labelled answers in the themes-dev.jsonl format. */
export function readLabelled(path: string): LabelledAnswer[] {
  return readJsonl(path).map((record, n) => {
    const { text, themes, safeguarding, question, id } = record;
    if (typeof text !== 'string' || !Array.isArray(themes)) {
      throw new Error(`${path}: record ${n + 1} needs "text" and "themes"`);
    }
    return {
      id: typeof id === 'string' ? id : undefined,
      text,
      question: typeof question === 'string' ? question : undefined,
      themes: themes.filter((t): t is string => typeof t === 'string'),
      safeguarding: safeguarding === true
    };
  });
}
